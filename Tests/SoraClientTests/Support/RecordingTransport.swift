import Foundation
import HTTPTypes
import OpenAPIRuntime
import SoraClient
import Testing

/// Shared helpers of the request tests.
extension SoraClientRequestTests {
    // MARK: Helpers

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    /// A client on `baseURL` with a fixed multipart boundary.
    func client(_ transport: any ClientTransport) throws(SoraError) -> Sora {
        var configuration = ClientConfiguration()
        configuration.multipartBoundary = { Self.boundary }
        configuration.retry = .none  // these tests pin single answers; RetryTests covers retries
        return try Sora(
            baseURL: Self.baseURL, token: Self.token, transport: transport, configuration: configuration)
    }

    /// The error creating a client throws, or nil.
    func clientError(_ url: URL?, token: String = Self.token) -> SoraError? {
        do {
            _ = try Sora(baseURL: url, token: token, transport: RecordingTransport(body: ""))
            return nil
        } catch {
            return error
        }
    }

    /// The error an operation throws, or nil when it succeeds.
    func soraError(_ operation: () async throws -> Void) async -> SoraError? {
        do {
            try await operation()
            return nil
        } catch let error as SoraError {
            return error
        } catch {
            Issue.record("not a SoraError: \(error)")
            return nil
        }
    }
}

/// Records every request with its whole body and answers with one canned response (or error).
actor RecordingTransport: ClientTransport {
    struct Call {
        var request: HTTPRequest
        var body: [UInt8]?
        var bodyLength: HTTPBody.Length?
        var baseURL: URL
        var operationID: String
    }

    private(set) var calls: [Call] = []
    private let status: HTTPResponse.Status
    private let headers: HTTPFields
    private let bytes: [UInt8]?
    private let failure: (any Error)?

    init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], bytes: [UInt8]?) {
        self.status = status
        self.headers = headers
        self.bytes = bytes
        self.failure = nil
    }

    init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], body: String) {
        self.init(status: status, headers: headers, bytes: Array(body.utf8))
    }

    init(failure: any Error) {
        self.status = .ok
        self.headers = [:]
        self.bytes = nil
        self.failure = failure
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var collected: [UInt8]?
        if let body {
            collected = Array(try await ArraySlice<UInt8>(collecting: body, upTo: 16 * 1024 * 1024))
        }
        calls.append(
            Call(
                request: request, body: collected, bodyLength: body?.length, baseURL: baseURL,
                operationID: operationID))
        if let failure { throw failure }
        return (HTTPResponse(status: status, headerFields: headers), bytes.map { HTTPBody($0) })
    }
}

/// Never answers (until cancelled).
struct SleepingTransport: ClientTransport {
    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try await Task.sleep(for: .seconds(30))
        return (HTTPResponse(status: .ok), nil)
    }
}

/// A transport error whose description repeats what it was given, like many real ones do.
struct LeakyError: Error, CustomStringConvertible {
    var detail: String
    var description: String { "LeakyError: \(detail)" }
}
