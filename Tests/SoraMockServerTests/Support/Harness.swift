import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SoraMockServer
import Testing

/// The token every test server expects.
let testToken = "test-token-0123456789"

/// A server started in-process on a free loopback port, with a plain HTTP client pointed at it.
struct Harness: Sendable {
    let server: MockServer
    let client: HTTPClient
    let port: Int

    /// `http://127.0.0.1:PORT`.
    var origin: String { "http://127.0.0.1:\(port)" }

    /// An answer: status, headers and the whole body.
    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        /// The body parsed as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }

        /// `error.<key>` of an error envelope.
        func error(_ key: String) -> String? { (json["error"] as? [String: Any])?[key] as? String }

        /// The first value of header `name`.
        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// Sends one request; `token: nil` sends no `Authorization`.
    func send(
        _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        token: String? = testToken, timeout: TimeAmount = .seconds(20)
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: origin + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await client.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Reply(
            status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// `POST /v1/videos` with a multipart form.
    func create(_ form: FormBody, headers: [(String, String)] = []) async throws -> Reply {
        try await send(
            .POST, "/v1/videos", headers: [("Content-Type", form.contentType)] + headers, body: form.bytes)
    }

    /// Creates a valid job and returns its id.
    func createJob(prompt: String = "a cat on a boat", extra: [(String, String)] = []) async throws -> String {
        let reply = try await create(FormBody([("model", "sora-2"), ("prompt", prompt)] + extra))
        #expect(reply.status == 200)
        return try #require(reply.json["id"] as? String)
    }

    /// Polls until the job leaves `queued`/`in_progress` (bounded), returning the last body.
    func waitUntilDone(_ id: String) async throws -> [String: Any] {
        for _ in 0..<100 {
            let reply = try await send(.GET, "/v1/videos/\(id)")
            let status = reply.json["status"] as? String
            if status == "completed" || status == "failed" { return reply.json }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) never finished")
        return [:]
    }
}

/// Runs `body` against a fresh server; always shuts the client and server down.
func withServer(
    jobSeconds: Double = 0.3, maxUploadBytes: Int = 8 << 20, faults: FaultPlan = FaultPlan(),
    connections: Int = 8, maxJobs: Int = 10_000, readTimeout: Double = 30, _ body: (Harness) async throws -> Void
) async throws {
    let server = MockServer(
        configuration: MockConfiguration(
            host: "127.0.0.1", port: 0, token: testToken, jobSeconds: jobSeconds, maxUploadBytes: maxUploadBytes,
            faults: faults, maxJobs: maxJobs, readTimeout: readTimeout))
    let port = try await server.start()
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
        idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    do {
        try await body(Harness(server: server, client: client, port: port))
    } catch {
        try? await client.shutdown()
        await server.stop()
        throw error
    }
    try await client.shutdown()
    await server.stop()
}
