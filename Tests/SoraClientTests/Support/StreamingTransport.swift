import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Answers each request with the next scripted response, whose body streams chunks and may break off
/// (throw) or stall (until cancelled) after them.
actor StreamingTransport: ClientTransport {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var chunks: [[UInt8]]
        var breaks = false
        var stallsAfterChunks = false
    }

    struct Broken: Error {}

    private var replies: [Reply]
    private(set) var requests: [HTTPRequest] = []

    init(_ replies: [Reply]) { self.replies = replies }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        requests.append(request)
        let reply = replies.removeFirst()
        var fields = HTTPFields()
        for (name, value) in reply.headers { fields[HTTPField.Name(name)!] = value }
        let stream = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
            let task = Task {
                for chunk in reply.chunks { continuation.yield(ArraySlice(chunk)) }
                if reply.stallsAfterChunks {
                    try? await Task.sleep(for: .seconds(30))
                    continuation.finish(throwing: CancellationError())
                } else {
                    continuation.finish(throwing: reply.breaks ? Broken() : nil)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return (
            HTTPResponse(status: .init(code: reply.status), headerFields: fields),
            HTTPBody(stream, length: .unknown, iterationBehavior: .single)
        )
    }
}
