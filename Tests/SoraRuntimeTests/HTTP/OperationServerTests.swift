import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import TestSupport
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Per-path and per-operation `servers`: an operation's own server replaces the default one, but never a base
/// URL the caller chose.
@Suite struct OperationServerTests {
    private func send(_ request: OperationRequest, baseURL: URL?, defaultServer: String) async throws {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let core = try APIClientCore(
                baseURL: baseURL, defaultServer: defaultServer, credentials: ["key": .apiKey("k-1")],
                transport: AsyncHTTPClientTransport(configuration: .init(client: http)),
                configuration: Loopback.configuration)
            _ = try await core.send(request)
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    @Test func anOperationsOwnServerReplacesTheDefaultServer() async throws {
        let server = try Loopback.server()
        defer { server.stop() }
        var request = OperationRequest(operationID: "upload", method: .get, path: "/files")
        request.setServer(server.baseURL.absoluteString.replacingOccurrences(of: "/v1", with: "/uploads"))
        try await send(request, baseURL: nil, defaultServer: "http://127.0.0.1:1/never")
        #expect(server.requests.map(\.target) == ["/uploads/files"])
    }

    @Test func aBaseURLTheCallerChoseWins() async throws {
        let server = try Loopback.server()
        defer { server.stop() }
        var request = OperationRequest(operationID: "upload", method: .get, path: "/files")
        request.setServer("http://127.0.0.1:1/never")
        try await send(request, baseURL: server.baseURL, defaultServer: "http://127.0.0.1:1/never")
        #expect(server.requests.map(\.target) == ["/v1/files"])
    }

    @Test func aRelativeOperationServerResolvesAgainstTheDefaultServer() async throws {
        let server = try Loopback.server()
        defer { server.stop() }
        var request = OperationRequest(operationID: "upload", method: .get, path: "/files")
        request.setServer("/uploads")
        try await send(request, baseURL: nil, defaultServer: server.baseURL.absoluteString)
        #expect(server.requests.map(\.target) == ["/uploads/files"])
    }

    @Test func aMalformedOperationServerIsNamedInTheError() async throws {
        var request = OperationRequest(operationID: "upload", method: .get, path: "/files")
        request.setServer("http://[not a host")
        do {
            try await send(request, baseURL: nil, defaultServer: "https://api.example.com/v1")
            Issue.record("a malformed server was used")
        } catch let error as SoraError {
            #expect("\(error)".contains("the spec's server 'http://[not a host' for it is not a URL"))
        }
    }

    @Test func aPlainHTTPOperationServerElsewhereNeverGetsTheCredentials() async throws {
        var request = OperationRequest(operationID: "upload", method: .get, path: "/files")
        request.setServer("http://uploads.example.com/v1")
        await #expect(throws: SoraError.self) {
            try await send(request, baseURL: nil, defaultServer: "https://api.example.com/v1")
        }
    }
}
