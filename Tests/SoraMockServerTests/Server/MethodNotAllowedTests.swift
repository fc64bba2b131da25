import AsyncHTTPClient
import NIOHTTP1
import Testing

/// Every 405 names the path's methods in `Allow` (RFC 9110 §15.5.6; schemathesis `unsupported_method`).
@Suite struct MethodNotAllowedTests {
    static let cases: [(HTTPMethod, String, String)] = [
        (.PUT, "/v1/videos", "GET, POST"),
        (.DELETE, "/v1/videos", "GET, POST"),
        (.PATCH, "/v1/videos/video_1", "GET, DELETE"),
        (.POST, "/v1/videos/video_1", "GET, DELETE"),
        (.DELETE, "/v1/videos/video_1/content", "GET"),
        (.TRACE, "/v1/videos/video_1/content", "GET"),
        (.GET, "/v1/videos/video_1/remix", "POST"),
        (.OPTIONS, "/v1/videos/video_1/remix", "POST"),
        (.POST, "/__mock/stats", "GET"),
    ]

    @Test(arguments: cases)
    func wrongMethodIs405WithAllow(_ method: HTTPMethod, _ path: String, _ allow: String) async throws {
        try await withServer { harness in
            let reply = try await harness.send(method, path)
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == allow)
            #expect(reply.error("code") == "method_not_allowed")
            #expect(
                reply.error("message") == "Method \(method.rawValue) is not allowed on this path; allowed: \(allow).")
        }
    }

    @Test func headIs405WithAllowAndNoBodySoTheConnectionStaysUsable() async throws {
        try await withServer(connections: 1) { harness in
            for _ in 0..<3 {
                let head = try await harness.send(.HEAD, "/v1/videos/video_1/remix")
                #expect(head.status == 405)
                #expect(head.header("Allow") == "POST")
                #expect(head.body.isEmpty)
                #expect(try await harness.send(.GET, "/v1/videos").status == 200)
            }
        }
    }
}
