import Foundation
import Logging
import Synchronization
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Retries log their reason; the reason never carries a credential, even when the server echoes one.
@Suite struct CredentialLoggingTests {
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

    @Test func retryLogsNeverContainACredential() async throws {
        let key = "k/ey+SECRET"
        let basic = Data("me:pw-SECRET".utf8).base64EncodedString()
        let server = try Loopback.server(
            .init(status: 500, body: #"{"message":"bad \#(key) or \#(basic) or pw-SECRET or k%2Fey%2BSECRET"}"#))
        defer { server.stop() }
        let capture = Capture()
        var configuration = Loopback.configuration
        configuration.logger = Logger(label: "test") { _ in CapturingHandler(capture: capture) }
        configuration.retry = RetryPolicy()
        configuration.retry.maxAttempts = 2
        configuration.retry.baseDelay = .milliseconds(1)
        var request = OperationRequest(operationID: "op", method: .get, path: "/x")
        request.setSecurity([
            [
                SecurityScheme(name: "key", kind: .apiKey(name: "key", location: .query)),
                SecurityScheme(name: "basic", kind: .basic),
            ]
        ])
        let error = try await Loopback.withCore(
            server, credentials: ["key": .apiKey(key), "basic": .basic(username: "me", password: "pw-SECRET")],
            configuration: configuration
        ) { core in
            await Loopback.caught { () async throws(SoraError) in _ = try await core.send(request) }
        }
        #expect(server.requests.count == 2)
        #expect(server.requests.first?.header("Authorization") == "Basic \(basic)")
        let lines = capture.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("retrying") && $0.contains("bad <redacted> or <redacted>") })
        for text in lines + [String(describing: error)] {
            for secret in [key, basic, "pw-SECRET", "k%2Fey%2BSECRET"] {
                #expect(!text.contains(secret), "\(secret) leaked in \(text)")
            }
        }
    }
}
