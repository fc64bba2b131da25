import SoraCodegen
import Testing

/// Code is trusted text plus literals escaped as they are interpolated: spec text can only ever be data.
@Suite struct CodeTests {
    @Test func literalTextAndTrustedInterpolationsAreKeptAsWritten() {
        let name = "`default`"
        let nested: Code = "value.\(name)"
        let code: Code = "let x: \(SwiftType.optional(.array(.url))) = \(nested) ?? []"
        #expect(code.text == "let x: [URL]? = value.`default` ?? []")
        #expect(Code(stringLiteral: "a \"b\" \\(c)").text == #"a "b" \(c)"#)
        let empty: Code = ""
        #expect(empty.text.isEmpty)
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("", #""""#), ("say \"hi\"", #""say \"hi\"""#), (#"C:\path"#, #""C:\\path""#),
        (#"\(exit(1))"#, #""\\(exit(1))""#), (##"\#(x)"##, ##""\\#(x)""##), ("\"\"\"", #""\"\"\"""#),
        ("\"#", "\"\\\"#\""), ("#\"raw\"#", "\"#\\\"raw\\\"#\""), ("\"); exit(0); (\"", #""\"); exit(0); (\"""#),
        ("a\nb\r\nc", #""a\nb\r\nc""#), ("nul\u{0}\u{7}", #""nul\0\u{7}""#),
        ("\u{2028}\u{202E}\u{FEFF}", #""\u{2028}\u{202E}\u{FEFF}""#),
        ("视频 🎬 é", #""视频 🎬 é""#), ("*/ /*", #""*/ /*""#),
    ])
    func literalInterpolationEscapesSpecText(_ value: String, _ expected: String) {
        let code: Code = "f(\(literal: value))"
        #expect(code.text == "f(\(expected))")
    }

    @Test func literalsInterpolationWritesAnArrayOfEscapedStrings() {
        let none: Code = "\(literals: [])"
        let one: Code = "\(literals: ["a"])"
        let many: Code = "let x = \(literals: ["a, b", "c\"", "\\", "\n"])"
        #expect(none.text == "[]")
        #expect(one.text == #"["a"]"#)
        #expect(many.text == #"let x = ["a, b", "c\"", "\\", "\n"]"#)
    }

    @Test func joinedPutsTheSeparatorOnlyBetweenParts() {
        #expect(Code.joined([], separator: ", ").text.isEmpty)
        #expect(Code.joined(["a"], separator: ", ").text == "a")
        let parts: [Code] = ["a == nil", "\(literal: "||") == b", ""]
        #expect(Code.joined(parts, separator: " || ").text == #"a == nil || "||" == b || "#)
    }

    @Test func codeIsComparedByItsText() {
        let built: Code = "x = \(literal: "y")"
        #expect(built == Code(stringLiteral: #"x = "y""#))
        #expect(built != Code(stringLiteral: "x = y"))
        #expect(Set<Code>([built, "x = \"y\"", "other"]).count == 2)
    }

    /// A literal interpolated into code is one string token whatever the value: exactly two unescaped quotes and
    /// no line break, so the code around it keeps its meaning.
    @Test func anInterpolatedLiteralIsAlwaysExactlyOneStringToken() {
        let pieces = ["\"", "\\", "(", ")", "#", "\n", "\r", "\u{2028}", "\u{85}", "\u{202E}", "a", " ", "\"\"\"", "视"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var value = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value += pieces[Int(state >> 33) % pieces.count]
            }
            let code: Code = "let v = \(literal: value)"
            #expect(code.text.hasPrefix("let v = \""))
            var quotes = 0
            var escaped = false
            for scalar in code.text.unicodeScalars {
                #expect(!["\n", "\r", "\u{2028}", "\u{85}", "\u{202E}"].contains(scalar), "\(code.text)")
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    quotes += 1
                }
            }
            #expect(quotes == 2, "\(code.text)")
            #expect(code.text.hasSuffix("\"") && !escaped)
        }
    }
}
