import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Text bodies and typed response headers, from a loopback server.
@Suite struct ResponseReadingTests {
    static let headers: [(String, String)] = [
        ("Content-Type", "text/plain; charset=utf-8"), ("X-Rate-Limit", " 42 "), ("X-Offset", "-7"),
        ("X-Ratio", "0.25"), ("X-Flag", "TRUE"), ("X-Huge", "9223372036854775808"), ("X-Nan", "nan"),
        ("X-Word", "yes"), ("X-Plus", "+3"), ("X-Hex", "0x10"), ("X-Inner", "4 2"), ("X-Min", "-9223372036854775808"),
    ]

    func withResponse(body: String, _ check: (OperationResponse) async throws -> Void) async throws {
        let server = try Loopback.server(.init(status: 200, headers: Self.headers, body: body))
        defer { server.stop() }
        try await Loopback.withCore(server) { core in
            try await check(try await core.send(OperationRequest(operationID: "op", method: .get, path: "/t")))
        }
    }

    @Test func textIsTheUTF8Body() async throws {
        try await withResponse(body: "héllo\nworld") { response in
            let text = try await response.text()
            #expect(text == "héllo\nworld")
        }
    }

    @Test func headersAreReadAsTheirTypes() async throws {
        try await withResponse(body: "") { response in
            #expect(response.header("x-rate-limit") == "42")
            #expect(response.header("X-Rate-Limit", as: Int.self) == 42)
            #expect(response.header("X-Offset", as: Int.self) == -7)
            #expect(response.header("X-Plus", as: Int64.self) == 3)
            #expect(response.header("X-Min", as: Int64.self) == Int64.min)
            #expect(response.header("X-Ratio", as: Double.self) == 0.25)
            #expect(response.header("X-Rate-Limit", as: Double.self) == 42)
            #expect(response.header("X-Flag", as: Bool.self) == true)
            #expect(response.header("Missing") == nil)
            #expect(response.header("bad name") == nil)
        }
    }

    @Test func malformedHeadersAreNilNotATrap() async throws {
        try await withResponse(body: "") { response in
            #expect(response.header("X-Huge", as: Int.self) == nil)
            #expect(response.header("X-Ratio", as: Int.self) == nil)
            #expect(response.header("X-Nan", as: Double.self) == nil)
            #expect(response.header("X-Hex", as: Double.self) == nil)
            #expect(response.header("X-Inner", as: Int.self) == nil)
            #expect(response.header("X-Word", as: Bool.self) == nil)
            #expect(response.header("Missing", as: Int.self) == nil)
        }
    }

    @Test func textIsBoundedLikeJSON() async throws {
        let response = OperationResponse(
            operationID: "op", response: HTTPResponse(status: .ok),
            body: HTTPBody(
                AsyncStream { continuation in
                    for _ in 0..<(OperationResponse.jsonLimit / 65_536 + 1) {
                        continuation.yield(ArraySlice(repeating: UInt8(ascii: "x"), count: 65_536))
                    }
                    continuation.finish()
                }, length: .unknown), redact: { $0 })
        await #expect(throws: SoraError.self) { _ = try await response.text() }
    }
}
