import Foundation
import Hummingbird

/// Routes a request to its operation after auth and fault injection; every answer gets `x-request-id`.
struct Dispatcher: Sendable {
    let state: ServerState

    /// A matched route: the operation name and the video id in the path, if any.
    struct Route: Sendable, Equatable {
        let operation: String
        let videoID: String?
    }

    /// The route for `method` and `path`, or an error (404 unknown path, 405 wrong method with `Allow`).
    static func route(method: HTTPRequest.Method, path: String) -> Result<Route, MockAPIError> {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let id = parts.count > 2 ? parts[2].removingPercentEncoding ?? parts[2] : nil
        let isVideo = parts.count >= 3 && parts[0...1] == ["v1", "videos"] && !parts[2].isEmpty
        // Methods in the order `Allow` lists them.
        let table: [(Bool, KeyValuePairs<HTTPRequest.Method, String>)] = [
            (parts == ["__mock", "stats"], [.get: "stats"]),
            (parts == ["v1", "videos"], [.get: "list", .post: "create"]),
            (isVideo && parts.count == 3, [.get: "retrieve", .delete: "delete"]),
            (isVideo && parts.count == 4 && parts[3] == "content", [.get: "content"]),
            (isVideo && parts.count == 4 && parts[3] == "remix", [.post: "remix"]),
        ]
        guard let methods = table.first(where: \.0)?.1 else {
            return .failure(
                MockAPIError(
                    status: .notFound, message: "Unknown path: \(CheckedNumber.excerpt(path))",
                    type: "invalid_request_error", param: nil, code: "unknown_url"))
        }
        guard let operation = methods.first(where: { $0.key == method })?.value else {
            let allowed = methods.map(\.key.rawValue).joined(separator: ", ")
            var error = MockAPIError(
                status: .methodNotAllowed,
                message:
                    "Method \(CheckedNumber.excerpt(method.rawValue)) is not allowed on this path; "
                    + "allowed: \(allowed).",
                type: "invalid_request_error", param: nil, code: "method_not_allowed")
            error.headers[.allow] = allowed
            return .failure(error)
        }
        return .success(Route(operation: operation, videoID: operation == "stats" ? nil : id))
    }

    /// Answers one request; never throws (errors become envelopes).
    func respond(to request: Request) async -> Response {
        let requestID = Self.newRequestID()
        var response = await answer(request)
        response.headers[FieldName("x-request-id")!] = requestID
        // A HEAD answer has no body (RFC 9110 §9.3.2): bytes after the head would corrupt a kept-alive connection.
        if request.method == .head { response.body = ResponseBody() }
        return response
    }

    private func answer(_ request: Request) async -> Response {
        guard Self.authorized(request.headers[.authorization], token: state.configuration.token) else {
            await state.stats.request("unauthorized")
            return MockAPIError(
                status: .unauthorized, message: "Incorrect or missing API key. Send 'Authorization: Bearer <token>'.",
                type: "invalid_request_error", param: nil, code: "invalid_api_key"
            ).response()
        }
        let route: Route
        switch Self.route(method: request.method, path: request.uri.path) {
        case .success(let matched): route = matched
        case .failure(let error):
            await state.stats.request("unknown")
            return error.response()
        }
        await state.stats.request(route.operation)
        let fault = await state.faults.next(for: route.operation)
        if fault != nil { await state.stats.fault(route.operation) }
        switch fault {
        case .rateLimited(let seconds)?:
            var error = MockAPIError(
                status: .tooManyRequests, message: "Rate limit reached (simulated).", type: "requests",
                param: nil, code: "rate_limit_exceeded")
            error.headers[.retryAfter] = String(seconds)
            return error.response()
        case .serverError?:
            return MockAPIError(
                status: .internalServerError, message: "The server had an error (simulated).", type: "server_error",
                param: nil, code: nil
            ).response()
        case .unavailable?:
            return MockAPIError(
                status: .serviceUnavailable, message: "The engine is currently overloaded (simulated).",
                type: "server_error", param: nil, code: nil
            ).response()
        case .delay(let seconds)?:
            // A plan built in code is not parsed, so clamp here too: `.seconds(1e300)` would trap.
            let milliseconds = seconds.isNaN ? 0 : CheckedNumber.clamped(seconds * 1_000, to: 0...3_600_000)
            try? await Task.sleep(for: .milliseconds(milliseconds))
            return await handle(route, request)
        case .drop?:
            return await Self.truncated(handle(route, request))
        case nil:
            return await handle(route, request)
        }
    }

    private func handle(_ route: Route, _ request: Request) async -> Response {
        let routes = VideoRoutes(state: state)
        do {
            switch route.operation {
            case "stats": return await state.stats.snapshot.json().response()
            case "create": return try await routes.create(request)
            case "list": return try await routes.list(request)
            case "retrieve": return try await routes.retrieve(route.videoID!)
            case "delete": return try await routes.delete(route.videoID!)
            case "content": return try await routes.content(route.videoID!, request)
            default: return try await routes.remix(route.videoID!, request)
            }
        } catch let error as MockAPIError {
            return error.response()
        } catch {
            return MockAPIError(
                status: .internalServerError, message: "Unexpected server error.", type: "server_error", param: nil,
                code: nil
            ).response()
        }
    }

    /// Sends the head and half of the body, then fails the write so the connection closes mid-response.
    static func truncated(_ response: Response) async -> Response {
        var collected = ByteBuffer()
        let collector = BufferWriter()
        try? await response.body.write(collector)
        collected = collector.buffer
        let full = collected.readableBytes
        let half = collected.getSlice(at: collected.readerIndex, length: full / 2) ?? ByteBuffer()
        var headers = response.headers
        headers[.contentLength] = String(max(full, 1))
        let body = ResponseBody(contentLength: max(full, 1)) { writer in
            try await writer.write(half)
            throw DroppedConnection()
        }
        return Response(status: response.status, headers: headers, body: body)
    }

    /// Compares `Bearer <token>` in time independent of where the first difference is.
    static func authorized(_ header: String?, token: String) -> Bool {
        let expected = Array("Bearer \(token)".utf8)
        let given = Array((header ?? "").utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<expected.count {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }

    private static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value: UInt64 = generator.next()
        return "req_" + String(value, radix: 16)
    }
}

/// Thrown inside a response body to drop the connection on purpose.
struct DroppedConnection: Error {}

/// Collects a response body into one buffer.
private final class BufferWriter: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var copy = buffer
        self.buffer.writeBuffer(&copy)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
