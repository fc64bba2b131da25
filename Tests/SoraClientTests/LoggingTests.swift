import Foundation
import Logging
import SoraClient
import Synchronization
import Testing

/// Request logs name the operation, status and retries, and never the token.
@Suite struct LoggingTests {
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).map { "\($0)=\($1)" }.sorted().joined(separator: " ")
            capture.lines.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
        }
    }

    @Test func logsNeverContainTheToken() async throws {
        let capture = Capture()
        var configuration = ClientConfiguration()
        configuration.logger = Logger(label: "test") { _ in CapturingHandler(capture: capture) }
        configuration.retry.baseDelay = .milliseconds(1)
        let transport = ScriptedTransport([
            .fail("Authorization: Bearer \(SoraClientRequestTests.token) rejected"),
            .answer(500, body: #"{"error":{"message":"key \#(SoraClientRequestTests.token) bad"}}"#),
            .answer(200, body: SoraClientRequestTests.queuedVideo),
        ])
        let sora = try Sora(
            baseURL: SoraClientRequestTests.baseURL, token: SoraClientRequestTests.token, transport: transport,
            configuration: configuration)
        _ = try await sora.retrieveVideo("video_123")
        let lines = capture.lines.withLock { $0 }
        #expect(lines.count >= 4)
        #expect(lines.contains { $0.contains("retrying") && $0.contains("operation=retrieveVideo") })
        #expect(!lines.contains { $0.contains(SoraClientRequestTests.token) })
    }
}
