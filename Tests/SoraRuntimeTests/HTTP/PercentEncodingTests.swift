@_spi(Generated) import SoraRuntime
import Testing

/// RFC 3986 percent-encoding: only unreserved characters stay, everything else is `%XX` of its UTF-8 bytes.
@Suite struct PercentEncodingTests {
    static let shared: [(String, String)] = [
        ("video_123", "video_123"),
        ("AZaz09-._~", "AZaz09-._~"),
        ("a b", "a%20b"),
        ("a/b", "a%2Fb"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("%2F", "%252F"),
        ("a+b", "a%2Bb"),
        ("a&b=c;d", "a%26b%3Dc%3Bd"),
        ("a:b@c", "a%3Ab%40c"),
        ("\"'<>\\", "%22%27%3C%3E%5C"),
        ("\r\n\t", "%0D%0A%09"),
        ("视频", "%E8%A7%86%E9%A2%91"),
        ("画面动起来", "%E7%94%BB%E9%9D%A2%E5%8A%A8%E8%B5%B7%E6%9D%A5"),
        ("é", "%C3%A9"),
        ("e\u{301}", "e%CC%81"),
        ("😀", "%F0%9F%98%80"),
        ("../x", "..%2Fx"),
        ("...", "..."),
        ("", ""),
    ]

    @Test(arguments: shared + [(".", "%2E"), ("..", "%2E%2E")])
    func pathSegment(value: String, encoded: String) {
        #expect(PercentEncoding.pathSegment(value) == encoded)
    }

    @Test(arguments: shared + [(".", "."), ("..", "..")])
    func queryComponent(value: String, encoded: String) {
        #expect(PercentEncoding.queryComponent(value) == encoded)
    }

    @Test(arguments: ["../x", "..", ".", "a/../../b", "%2e%2e", "?x=1#f"])
    func pathSegmentNeverContainsSlashQueryOrFragment(value: String) {
        let encoded = PercentEncoding.pathSegment(value)
        #expect(!encoded.contains("/"))
        #expect(!encoded.contains("?"))
        #expect(!encoded.contains("#"))
        #expect(encoded != "." && encoded != "..")
    }

    @Test func everyByteOutsideTheUnreservedSetIsEncoded() {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        for scalar in (1...127).compactMap(Unicode.Scalar.init) {
            let text = String(Character(scalar))
            let expected =
                unreserved.contains(Character(scalar))
                ? text : "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            #expect(PercentEncoding.queryComponent(text) == expected, "scalar \(scalar.value)")
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// A list in the path (`simple` style): elements percent-encoded, the commas between them kept.
@Suite struct PathListTests {
    @Test func elementsAreEncodedAndSeparatorsAreNot() throws {
        var request = OperationRequest(operationID: "get", method: .get, path: "/items/{ids}/{one}")
        request.setPathParameter("ids", ["a,b", "c d", "7"])
        request.setPathParameter("one", "x,y")
        #expect(try request.renderedPath() == "/items/a%2Cb,c%20d,7/x%2Cy")
    }

    @Test func anEmptyListIsAValidationError() {
        var request = OperationRequest(operationID: "get", method: .get, path: "/items/{ids}")
        request.setPathParameter("ids", [Int]())
        #expect(throws: SoraError.self) { try request.renderedPath() }
    }

    @Test func aValueSetAfterAListIsEncodedAgain() throws {
        var request = OperationRequest(operationID: "get", method: .get, path: "/items/{ids}")
        request.setPathParameter("ids", ["a", "b"])
        request.setPathParameter("ids", "a,b")
        #expect(try request.renderedPath() == "/items/a%2Cb")
    }
}
