import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient
import Synchronization
import TestSupport
import Testing

/// The client over AsyncHTTPClient, as an app would set it up, against a server that misbehaves on purpose:
/// every case ends in a value or a typed error within its limit; nothing crashes, hangs or is lost.
@Suite struct HostileServerTests {
    static let video =
        #"{"id":"video_1","object":"video","model":"sora-2","status":"completed","progress":100,"created_at":1}"#

    /// A client of `server` with fast retries; the transport as an app would make it. Tests of a stall pass a
    /// short idle limit; the others keep a long one, so a machine busy with other tests cannot fail them.
    static func withClient<T: Sendable>(
        _ server: HostileServer, idle: Duration = .seconds(20), attempts: Int = 1,
        _ body: (Sora) async throws -> T
    ) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var configuration = ClientConfiguration()
        configuration.idleTimeout = idle
        configuration.connectTimeout = .seconds(20)  // a body's first read waits for a free thread of the shared pool
        configuration.retry.maxAttempts = attempts
        configuration.retry.baseDelay = .milliseconds(10)
        configuration.retry.maxServerDelay = .milliseconds(200)
        do {
            let sora = try Sora(
                baseURL: server.baseURL, token: "sk-hostile",
                transport: AsyncHTTPClientTransport(
                    configuration: .init(client: http)), configuration: configuration)
            let result = try await body(sora)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// The error `operation` ends with, and how long it took.
    static func failure(_ operation: () async throws -> Void) async -> (SoraError?, Duration) {
        let start = ContinuousClock.now
        do {
            try await operation()
            return (nil, .now - start)
        } catch let error as SoraError {
            return (error, .now - start)
        } catch {
            Issue.record("not a SoraError: \(error)")
            return (nil, .now - start)
        }
    }

    @Test(arguments: [
        ("retry-after-ms", "1e300"), ("Retry-After", "1e17"), ("retry-after-ms", "-1"), ("Retry-After", "nan"),
        ("retry-after-ms", "9223372036854775808"), ("Retry-After", "Thu, 01 Jan 9999 00:00:00 GMT"),
    ])
    func extremeRetryHintsAreClampedNotATrap(name: String, value: String) async throws {
        let server = try HostileServer { connection in
            while connection.readRequest() != nil {
                connection.respond(status: 503, headers: [(name, value)], body: #"{"error":{"message":"busy"}}"#)
            }
        }
        defer { server.stop() }
        let (error, elapsed) = await Self.failure {
            try await Self.withClient(server, attempts: 3) { _ = try await $0.retrieveVideo("video_1") }
        }
        guard case .api(let api)? = error else {
            Issue.record("expected HTTP 503, got \(String(describing: error))")
            return
        }
        #expect(api.status == 503)
        #expect(server.requests.count == 3, "retried, each wait cut to the 0.2 s cap")
        #expect(elapsed < .seconds(30), "a bound for a busy machine; uncapped, one wait alone would be years")
    }

    @Test(arguments: ["after the head", "mid-body"])
    func aStallEndsAsAnIdleTimeout(stall: String) async throws {
        let server = try HostileServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.sendHead(
                status: 200, headers: [("Content-Type", "application/json"), ("Content-Length", "200")])
            if stall == "mid-body" { connection.write(String(Self.video.prefix(30))) }
            connection.stall(seconds: 120)
        }
        defer { server.stop() }
        let (error, elapsed) = await Self.failure {
            try await Self.withClient(server, idle: .seconds(1)) { _ = try await $0.retrieveVideo("video_1") }
        }
        guard case .timeout(_, _, .idle)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(
            elapsed < .seconds(60),
            "ended, not awaited (the stall lasts 120 s; time the process cannot run is not idle)")
    }

    @Test func aDownloadThatStallsLeavesNoFileAndNoTemporaryFile() async throws {
        let server = try HostileServer { connection in
            while connection.readRequest() != nil {
                connection.sendHead(
                    status: 200, headers: [("Content-Type", "video/mp4"), ("Content-Length", "100000")])
                connection.write([UInt8](repeating: 7, count: 5000))
                connection.stall(seconds: 30)
            }
        }
        defer { server.stop() }
        let folder = try MockHarness.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "out.mp4")
        let (error, _) = await Self.failure {
            try await Self.withClient(server, idle: .milliseconds(500), attempts: 2) {
                _ = try await $0.downloadVideoContent("video_1", to: destination)
            }
        }
        guard case .timeout(_, _, .idle)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aResetMidBodyIsATransportError() async throws {
        let server = try HostileServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.sendHead(
                status: 200, headers: [("Content-Type", "application/json"), ("Content-Length", "200")])
            connection.write(String(Self.video.prefix(30)))
            connection.reset()
        }
        defer { server.stop() }
        let (error, _) = await Self.failure {
            try await Self.withClient(server) { _ = try await $0.retrieveVideo("video_1") }
        }
        guard case .transport? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func aHugeErrorBodyIsReadOnlyAsFarAsItsFirst64KiB() async throws {
        let written = Mutex(0)
        let server = try HostileServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.sendHead(status: 500, headers: [("Content-Length", String(200 << 20))])
            written.withLock { $0 = connection.streamBody(totalBytes: 200 << 20) }
        }
        defer { server.stop() }
        let (error, _) = await Self.failure {
            try await Self.withClient(server) { _ = try await $0.retrieveVideo("video_1") }
        }
        guard case .api(let api)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(api.status == 500)
        #expect(api.message.count <= 300, "an excerpt, not the body")
        server.waitForIdle(timeout: 10)
        #expect(written.withLock { $0 } < 64 << 20, "the client stopped reading; the rest never crossed")
    }

    @Test func aThinCreateAnswerStillNamesTheJob() async throws {
        let server = try HostileServer { connection in
            guard connection.readRequest(discardBody: true) != nil else { return }
            connection.respond(
                status: 200, headers: [("Content-Type", "application/json")],
                body: #"{"id": "task_thin_42", "status": "queued"}"#)
        }
        defer { server.stop() }
        let (error, _) = await Self.failure {
            try await Self.withClient(server) {
                _ = try await $0.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            }
        }
        guard case .decoding(let failure)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(failure.resourceID == "task_thin_42")
        #expect(failure.message == "missing field object")
        #expect(error?.isAmbiguous == true, "a retry must carry the same key")
    }

    @Test func anEmptySuccessIsADecodingError() async throws {
        let server = try HostileServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(status: 200, headers: [("Content-Type", "application/json")])
        }
        defer { server.stop() }
        let (error, _) = await Self.failure {
            try await Self.withClient(server) { _ = try await $0.retrieveVideo("video_1") }
        }
        guard case .decoding(let failure)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(failure.message == "the answer has no body")
        #expect(failure.resourceID == nil)
    }
}
