import Testing
import YAML

@Suite struct LimitTests {
    @Test func defaults() {
        #expect(YAMLLimits.default.maxDepth == 256)
        #expect(YAMLLimits.default.maxAliasNodes == 1_000_000)
        #expect(YAMLLimits(maxDepth: 3).maxAliasNodes == 1_000_000)
    }

    @Test func deepFlowDocumentStopsAtTheLimit() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(parseError(text) == YAMLError("nesting is deeper than 256 levels", at: Mark(line: 1, column: 257)))
    }

    @Test func deepBlockSequenceStopsAtTheLimit() {
        let text = String(repeating: "- ", count: 100_000) + "x\n"
        #expect(parseError(text) == YAMLError("nesting is deeper than 256 levels", at: Mark(line: 1, column: 513)))
    }

    @Test func deepBlockMappingStopsAtTheLimit() {
        let text = (0..<300).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(parseError(text) == YAMLError("nesting is deeper than 256 levels", at: Mark(line: 257, column: 257)))
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        var node = try #require(try parse(text))
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        #expect(depth == 256)
    }

    @Test func customDepthLimit() {
        let limits = YAMLLimits(maxDepth: 2)
        let error = parseError("a: {b: {c: 1}}\n", limits: limits)
        #expect(error == YAMLError("nesting is deeper than 2 levels", at: Mark(line: 1, column: 8)))
        #expect(parseError("a: {b: 1}\n", limits: limits) == nil)
    }

    @Test func aliasCannotNestPastTheLimit() {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(parseError("a: &x [[1]]\n", limits: limits) == nil)
        let error = parseError("a: &x [[1]]\nb: [*x]\n", limits: limits)
        #expect(error == YAMLError("nesting is deeper than 3 levels", at: Mark(line: 2, column: 5)))
    }

    @Test func billionLaughsFailsFast() {
        // Nine levels of ten aliases each would expand to about 10^9 nodes.
        var lines = ["a0: &a0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let error = parseError(lines.joined(separator: "\n") + "\n")
        let message = "alias expansion exceeds 1000000 nodes (possible \"billion laughs\")"
        // Lines 2–5 copy 123,440 nodes; each alias on line 6 copies 111,111 more, so its eighth crosses the budget.
        #expect(error == YAMLError(message, at: Mark(line: 6, column: 45)))
    }

    @Test func customAliasBudget() {
        let limits = YAMLLimits(maxAliasNodes: 5)
        let text = "a: &x [1, 2]\nb: *x\nc: *x\n"
        let message = "alias expansion exceeds 5 nodes (possible \"billion laughs\")"
        #expect(parseError(text, limits: limits) == YAMLError(message, at: Mark(line: 3, column: 4)))
        #expect(parseError("a: &x [1, 2]\nb: *x\n", limits: limits) == nil)
    }
}
