import Testing

@testable import SoraCodegen

/// Long code lines break at their call's arguments; strings, comments and generic lists are never cut.
@Suite struct LineWrapperTests {
    private func wrap(_ text: String, limit: Int = 40) -> String {
        String(decoding: LineWrapper.wrap(Array(text.utf8), limit: limit), as: UTF8.self)
    }

    @Test func aCallBreaksOneArgumentALine() {
        #expect(
            wrap("    let x = make(alpha: 1, beta: [1, 2], gamma: f(3, 4)) {")
                == "    let x = make(\n        alpha: 1,\n        beta: [1, 2],\n        gamma: f(3, 4)\n    ) {")
    }

    @Test func shortLinesAndTextWithoutLongLinesAreUntouched() {
        let text = "a(b, c)\n// \(String(repeating: "x", count: 60))\n"
        #expect(wrap(text) == text)
    }

    @Test func commasInsideStringsInterpolationsRawStringsAndGenericsStay() {
        let line = ##"    call("a, (b", "\(f("x, y"))", #"q", "#, Pair<Int, String>(), last: 1)"##
        let expected = [
            "    call(", ##"        "a, (b","##, ##"        "\(f("x, y"))","##, ##"        #"q", "#,"##,
            "        Pair<Int, String>(),", "        last: 1", "    )",
        ]
        #expect(wrap(line) == expected.joined(separator: "\n"))
    }

    @Test func aLiteralArrayBreaksWhenItIsTheOnlyListWithCommas() {
        #expect(
            wrap("    static let servers: [String] = [\"https://a.example\", \"https://b.example\"]", limit: 60)
                == "    static let servers: [String] = [\n        \"https://a.example\",\n        \"https://b.example\"\n    ]"
        )
    }

    @Test func linesInsideAMultilineLiteralAndCommentsAreNeverTouched() {
        let text =
            "let s = \"\"\"\n    inside(a, b, c, d, e, f, g, h, i, j, k, l, m)\n    \"\"\"\n// note(a, b, c, d, e, f, g, h, i, j, k, l)"
        #expect(wrap(text) == text)
    }

    @Test func characterCountsNotBytes() {
        let line = "f(\(String(repeating: "视", count: 18)), b)"
        #expect(LineWrapper.columns(Array(line.utf8)) == 24)
        #expect(wrap(line) == line)
    }

    @Test func wrappingIntoABufferReportsWhetherAnythingWasLong() {
        var output = Array("kept".utf8)
        #expect(!LineWrapper.wrap(Array("f(a, b)\n".utf8), limit: 40, into: &output))
        #expect(output == Array("kept".utf8))
        #expect(LineWrapper.wrap(Array("f(alpha, beta)\nshort\n".utf8), limit: 10, into: &output))
        #expect(String(decoding: output, as: UTF8.self) == "f(\n    alpha,\n    beta\n)\nshort\n")
    }

    @Test func withoutCommasTheFirstNonEmptyParenthesesBreak() {
        #expect(
            wrap("    let value = make() + build(someLongArgumentName)", limit: 30)
                == "    let value = make() + build(\n        someLongArgumentName\n    )")
    }

    @Test func anArgumentStillTooLongBreaksInTurnAndArrowsDoNotCloseGenerics() {
        #expect(
            wrap("f(a: g(b: 1111111111, c: 2222222222), d: Map<Int, (Int) -> Void>())", limit: 34)
                == "f(\n    a: g(\n        b: 1111111111,\n        c: 2222222222\n    ),\n    d: Map<Int, (Int) -> Void>()\n)"
        )
    }

    @Test func aLineWithNothingToBreakIsLeftAsItIs() {
        for line in [
            "    let x = aVeryLongIdentifierWithoutAnyCall", "    call(unclosed, arguments", "    f() // a, b, c, d",
        ] {
            #expect(wrap(line, limit: 20) == line)
        }
    }
}
