import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Answers requests from a script, one entry per call, and records every request.
actor ScriptedTransport: ClientTransport {
    enum Step: Sendable {
        case answer(Int, headers: [String: String] = [:], body: String)
        case fail(String)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private var steps: [Step]
    private(set) var calls: [HTTPRequest] = []

    init(_ steps: [Step]) { self.steps = steps }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        calls.append(request)
        if let body { _ = try await ArraySlice<UInt8>(collecting: body, upTo: 1 << 20) }
        guard !steps.isEmpty else { throw Failure(description: "script exhausted") }
        switch steps.removeFirst() {
        case .fail(let message):
            throw Failure(description: message)
        case .answer(let status, let headers, let body):
            var fields = HTTPFields()
            for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
            return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(body))
        }
    }
}
