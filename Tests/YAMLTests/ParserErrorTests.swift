import Testing
import YAML

@Suite struct ParserErrorTests {
    @Test func tabIndentation() {
        let error = parseError("a:\n\tb: 1\n")
        let message = "a tab character cannot indent or start a YAML token; use spaces"
        #expect(error == YAMLError(message, at: Mark(line: 2, column: 1)))
    }

    @Test func unterminatedDoubleQuote() {
        let error = parseError("a: \"abc\n")
        let message = "while scanning a quoted scalar that started at 1:4: found unexpected end of stream"
        #expect(error == YAMLError(message, at: Mark(line: 2, column: 1)))
    }

    @Test func unclosedFlowSequence() {
        let error = parseError("key: [1, 2\n")
        let message = "while parsing a flow sequence that started at 1:6: did not find expected ',' or ']'"
        #expect(error == YAMLError(message, at: Mark(line: 2, column: 1)))
    }

    @Test func badIndentation() {
        let error = parseError("a:\n  b: 1\n c: 2\n")
        let message = "while parsing a block mapping that started at 1:1: did not find expected key"
        #expect(error == YAMLError(message, at: Mark(line: 3, column: 2)))
    }

    @Test func duplicateKey() {
        #expect(parseError("a: 1\nb: 2\na: 3\n") == YAMLError("duplicate key 'a'", at: Mark(line: 3, column: 1)))
    }

    @Test func duplicateKeyInFlowMapping() {
        #expect(parseError("m: {x: 1, y: 2, x: 3}\n") == YAMLError("duplicate key 'x'", at: Mark(line: 1, column: 17)))
    }

    @Test func duplicateKeyInLargeMapping() {
        let text = (0..<100).map { "k\($0): v\n" }.joined() + "k42: again\n"
        #expect(parseError(text) == YAMLError("duplicate key 'k42'", at: Mark(line: 101, column: 1)))
    }

    @Test func duplicateKeyAcrossQuotingStyles() {
        #expect(parseError("a: 1\n'a': 2\n") == YAMLError("duplicate key 'a'", at: Mark(line: 2, column: 1)))
    }

    @Test func secondDocument() {
        let message = "expected a single YAML document, found a second one"
        #expect(parseError("a: 1\n---\nb: 2\n") == YAMLError(message, at: Mark(line: 2, column: 1)))
        #expect(parseError("a\n...\n--- b\n") == YAMLError(message, at: Mark(line: 3, column: 1)))
    }

    @Test func invalidUTF8Byte() {
        let error = parseError(bytes: Array("a: ".utf8) + [0xFF, 0x0A])
        #expect(error == YAMLError("invalid UTF-8: invalid leading UTF-8 octet #xFF", at: Mark(line: 1, column: 4)))
    }

    @Test func invalidUTF8AfterMultibyteText() {
        let error = parseError(bytes: Array("a: é\nbé: ".utf8) + [0xC3, 0x28, 0x0A])
        #expect(error == YAMLError("invalid UTF-8: invalid trailing UTF-8 octet #x28", at: Mark(line: 2, column: 6)))
    }

    @Test func controlCharacter() {
        let error = parseError("a: b\u{1}\n")
        #expect(error == YAMLError("control characters are not allowed #x01", at: Mark(line: 1, column: 5)))
    }

    @Test func binaryGarbage() {
        let error = parseError(bytes: [0x00, 0x01, 0x02, 0xFE, 0x10])
        #expect(error == YAMLError("control characters are not allowed #x00", at: Mark(line: 1, column: 1)))
    }

    @Test func emptyStreamHasNoDocument() throws {
        #expect(try parse("") == nil)
        #expect(try parse("\n\n  \n") == nil)
    }

    @Test func commentOnlyStreamHasNoDocument() throws {
        #expect(try parse("# just a comment\n# and another\n") == nil)
    }

    @Test func errorDescriptionHasLineAndColumn() {
        #expect(parseError("a: 1\na: 2\n")?.description == "2:1: duplicate key 'a'")
    }

    @Test(arguments: [0, 20])
    func canonicallyEquivalentKeysAreDistinctAtAnySize(_ otherKeys: Int) throws {
        // Keys are bytes, as look-ups compare them: "é" precomposed and "e" + combining acute are two keys, in a
        // mapping small enough for the linear check and in one large enough for the set.
        let others = (0..<otherKeys).map { "k\($0): \($0)\n" }.joined()
        let node = try root(others + "\u{E9}: 1\ne\u{301}: 2\n")
        #expect(node.mapping?.count == otherKeys + 2)
        #expect(parseError(others + "\u{E9}: 1\n\u{E9}: 2\n")?.message == "duplicate key '\u{E9}'")
    }
}
