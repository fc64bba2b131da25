import SoraCodegen
import Testing

/// Spec text is data wherever it lands: string literals and doc comments.
@Suite struct SwiftLiteralTests {
    @Test(arguments: [
        ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), (#"\(exit(1))"#, #""\\(exit(1))""#),
        ("\"\"\"", ##""\"\"\"""##), ("a\nb", #""a\nb""#), ("a\r\nb", #""a\r\nb""#), ("tab\t", #""tab\t""#),
        ("中文", #""中文""#), ("\u{202E}rtl", #""\u{202E}rtl""#), ("nul\u{0}", #""nul\0""#),
        ("line\u{2028}sep", #""line\u{2028}sep""#), ("#\"", "\"#\\\"\""), ("*/", #""*/""#),
    ])
    func stringLiterals(_ value: String, _ expected: String) {
        #expect(SwiftLiteral.string(value) == expected)
    }

    @Test func docLinesSplitEveryLineBreakAndShowHiddenCharacters() {
        #expect(SwiftLiteral.docLines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(SwiftLiteral.docLines("x\u{2028}y\u{85}z") == ["x", "y", "z"])
        #expect(SwiftLiteral.docLines("evil\u{202E}txt") == [#"evil\u{202E}txt"#])
        #expect(SwiftLiteral.docLines("*/ public func pwned() {}") == ["*/ public func pwned() {}"])
        #expect(SwiftLiteral.docLines("trailing   ") == ["trailing"])
    }

    /// Plain ASCII doc text is checked eight bytes at a time; anything to escape must still be found anywhere.
    @Test func docLinesFindHiddenCharactersAtEveryOffset() {
        #expect(SwiftLiteral.docLines("first line of text  \nsecond \n") == ["first line of text", "second", ""])
        #expect(SwiftLiteral.docLines("12345678\t9") == ["12345678    9"])
        for offset in 0..<17 {
            let prefix = String(repeating: "x", count: offset)
            #expect(SwiftLiteral.docLines(prefix + "\u{7F}abcdefgh") == [prefix + #"\u{7F}abcdefgh"#])
            #expect(SwiftLiteral.docLines(prefix + "\u{1B}abcdefgh") == [prefix + #"\u{1B}abcdefgh"#])
            #expect(SwiftLiteral.docLines(prefix + "\u{202E}abcdefgh") == [prefix + #"\u{202E}abcdefgh"#])
            #expect(SwiftLiteral.docLines(prefix + "\rabcdefgh") == [prefix, "abcdefgh"])
            #expect(SwiftLiteral.docLines(prefix + "\nabcdefgh ") == [prefix, "abcdefgh"])
            #expect(SwiftLiteral.docLines(prefix + "~ \"q\" \\ ") == [prefix + #"~ "q" \"#])
        }
    }
}
