import Testing

@testable import SoraCodegen

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

    @Test(arguments: [
        (0x1F, true), (0x20, false), (0x7E, false), (0x7F, true), (0x9F, true), (0xA0, false), (0x200D, false),
        (0x200E, true), (0x200F, true), (0x2027, false), (0x2028, true), (0x2029, true), (0x202A, true),
        (0x202E, true), (0x202F, false), (0x2065, false), (0x2066, true), (0x2069, true), (0x206A, false),
        (0x061C, true), (0xFEFF, true), (0xFEFE, false), (0x1F3AC, false),
    ])
    func hiddenCharactersThatAreEscaped(_ value: UInt32, _ escaped: Bool) {
        let scalar = Unicode.Scalar(value)!
        #expect(SwiftLiteral.needsEscape(scalar) == escaped)
        let expected = escaped ? "\"\\u{\(String(value, radix: 16, uppercase: true))}\"" : "\"\(Character(scalar))\""
        #expect(SwiftLiteral.string(String(Character(scalar))) == expected)
    }

    /// Reading the literal back as Swift would gives the value, for text mixing everything that needs care.
    @Test func literalsReadBackAsTheirValue() {
        let pieces = [
            "\"", "\\", "\\(", "#", "\"#", "\n", "\r\n", "\t", "\u{0}", "\u{7F}", "\u{2028}", "\u{202E}", "视",
            "e\u{301}", "🎬", "a",
        ]
        var state: UInt64 = 42
        for _ in 0..<300 {
            var value = ""
            for _ in 0..<6 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value += pieces[Int(state >> 33) % pieces.count]
            }
            let literal = SwiftLiteral.string(value)
            #expect(readBack(literal) == value, "\(literal)")
        }
    }

    /// The value of a double-quoted literal with the escapes `SwiftLiteral` writes; nil for anything else.
    private func readBack(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var value = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\\" else {
                if scalar == "\"" || scalar == "\n" || scalar == "\r" { return nil }
                value.append(scalar)
                continue
            }
            guard index < scalars.count else { return nil }
            let escape = scalars[index]
            index += 1
            switch escape {
            case "\\", "\"": value.append(escape)
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "0": value.append("\0")
            case "u":
                guard index < scalars.count, scalars[index] == "{",
                    let close = scalars[index...].firstIndex(of: "}"),
                    let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), radix: 16),
                    let decoded = Unicode.Scalar(code)
                else { return nil }
                value.append(decoded)
                index = close + 1
            default: return nil
            }
        }
        return String(value)
    }
}
