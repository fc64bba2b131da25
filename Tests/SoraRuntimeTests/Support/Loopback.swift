import AsyncHTTPClient
import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import TestSupport
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Requests sent through AsyncHTTPClient to a real server on 127.0.0.1, which records every byte it reads.
enum Loopback {
    /// One canned answer.
    struct Answer: Sendable {
        var status = 200
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        var body = "{}"
    }

    /// A server that answers every request with `answer`.
    static func server(_ answer: Answer = Answer()) throws -> HostileServer {
        try HostileServer { connection in
            while connection.readRequest() != nil {
                connection.respond(status: answer.status, headers: answer.headers, body: answer.body)
            }
        }
    }

    /// No retries and generous idle and connect limits, so a busy machine cannot fail a test: a body's first read
    /// waits for a free thread of the cooperative pool, which the suite's other tests share.
    static var configuration: ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.retry = .none
        configuration.idleTimeout = .seconds(20)
        configuration.connectTimeout = .seconds(20)
        return configuration
    }

    /// Runs `body` with a core for `server` that holds `credentials` (or, when `token` is given, the token).
    static func withCore<T: Sendable>(
        _ server: HostileServer, token: String? = nil, credentials: [String: Credential] = [:],
        configuration: ClientConfiguration = Loopback.configuration,
        _ body: (APIClientCore) async throws -> T
    ) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let transport = AsyncHTTPClientTransport(configuration: .init(client: http))
        do {
            let core =
                if let token {
                    try APIClientCore(
                        baseURL: server.baseURL, defaultServer: nil, token: token, transport: transport,
                        configuration: configuration)
                } else {
                    try APIClientCore(
                        baseURL: server.baseURL, defaultServer: nil, credentials: credentials, transport: transport,
                        configuration: configuration)
                }
            let result = try await body(core)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Sends `request` to a fresh server answering `answer` and returns what the server read.
    static func record(
        _ request: OperationRequest, answer: Answer = Answer(), token: String? = nil,
        credentials: [String: Credential] = [:]
    ) async throws -> RecordedRequest {
        let server = try server(answer)
        defer { server.stop() }
        _ = try await withCore(server, token: token, credentials: credentials) { try await $0.send(request) }
        let requests = server.requests
        try #require(requests.count == 1)
        return requests[0]
    }

    /// The error sending `request` ends with (nil when it succeeds), and how many requests the server read.
    static func failure(
        _ request: OperationRequest, answer: Answer = Answer(), errorTypes: ErrorPayloadTypes = ErrorPayloadTypes(),
        token: String? = nil, credentials: [String: Credential] = [:]
    ) async throws -> (error: SoraError?, requests: [RecordedRequest]) {
        let server = try server(answer)
        defer { server.stop() }
        let error = try await withCore(server, token: token, credentials: credentials) { core in
            await caught { () async throws(SoraError) in _ = try await core.send(request, errorTypes: errorTypes) }
        }
        return (error, server.requests)
    }

    /// The error `operation` throws, or nil.
    static func caught(_ operation: () async throws(SoraError) -> Void) async -> SoraError? {
        do {
            try await operation()
            return nil
        } catch {
            return error
        }
    }
}
