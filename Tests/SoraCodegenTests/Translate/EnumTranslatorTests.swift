import SoraCodegen
import Testing

/// Open enums: one case per listed value, `unknown(…)` for the rest, and raw values that are exactly the wire
/// values whatever characters they hold.
@Suite struct EnumTranslatorTests {
    private typealias Spec = TranslationSpec

    private func enumFile(_ schema: String, name: String = "Mode", version: String = "3.1.0") -> (
        [String], [String]
    ) {
        let result = Spec.generate(Spec.text(schemas: "    \(name):\n\(schema)", version: version))
        return (Spec.code(Spec.file(result, "Models/\(name).swift")), Spec.messages(result))
    }

    @Test func aStringEnumIsOpenWithKnownCasesAndBothDirections() {
        let (code, messages) = enumFile("      type: string\n      enum: [fast, slow-ish]")
        #expect(messages.isEmpty)
        #expect(code.contains("public enum Mode: OpenStringEnum {"))
        #expect(code.contains("case fast"))
        #expect(code.contains("case slowIsh"))
        #expect(code.contains("case unknown(String)"))
        #expect(code.contains("public static let knownCases: [Mode] = [.fast, .slowIsh]"))
        #expect(code.contains("public init(rawValue: String) {"))
        #expect(code.contains("case \"slow-ish\": self = .slowIsh"))
        #expect(code.contains("default: self = .unknown(rawValue)"))
        #expect(code.contains("public var rawValue: String {"))
        #expect(code.contains("case .slowIsh: \"slow-ish\""))
        #expect(code.contains("case .unknown(let value): value"))
    }

    /// Values that are not identifiers: the case name is made from them, the raw value is kept as a literal.
    @Test(arguments: [
        ("\"\"", "empty", "\"\""),
        ("'a\"b'", "aB", "\"a\\\"b\""),
        ("'back\\slash'", "backSlash", "\"back\\\\slash\""),
        ("'\\(x)'", "x", "\"\\\\(x)\""),
        ("'*/'", "u2A2F", "\"*/\""),
        ("\"line\\nbreak\"", "lineBreak", "\"line\\nbreak\""),
        ("default", "`default`", "\"default\""),
        ("self", "self_", "\"self\""),
        ("4k", "mode4k", "\"4k\""),
        ("Hello World", "helloWorld", "\"Hello World\""),
    ])
    func aValueThatIsNoIdentifierGetsACaseAndKeepsItsText(yaml: String, caseName: String, literal: String) {
        let (code, messages) = enumFile("      type: string\n      enum: [\(yaml), other]")
        #expect(messages.isEmpty)
        #expect(code.contains("case \(caseName)"))
        #expect(code.contains("case \(literal): self = .\(caseName)"))
        #expect(code.contains("case .\(caseName): \(literal)"))
        #expect(code.contains("public static let knownCases: [Mode] = [.\(caseName), .other]"))
    }

    @Test func aValueWithANewlineCannotEndItsDocComment() {
        let result = Spec.generate(
            Spec.text(schemas: "    Mode:\n      type: string\n      enum: [\"a\\n}\\nfunc evil() {\"]"))
        let file = Spec.file(result, "Models/Mode.swift")
        #expect(file.contains("    /// `a\n    /// }\n    /// func evil() {`\n    case aFuncEvil\n"))
        #expect(file.contains("case \"a\\n}\\nfunc evil() {\": self = .aFuncEvil"))
    }

    @Test(arguments: ["unknown", "rawValue", "knownCases", "description"])
    func aValueNamedLikeAGeneratedMemberIsNumbered(value: String) {
        let (code, messages) = enumFile("      type: string\n      enum: [\(value)]")
        #expect(
            messages == [
                "spec.yaml:7:14: warning: enum value '\(value)' would become the Swift case '\(value)', which the "
                    + "generated enum uses itself; it is '\(value)2' (name it with x-enum-varnames)"
            ])
        #expect(code.contains("case \(value)2"))
        #expect(code.contains("case \"\(value)\": self = .\(value)2"))
    }

    @Test func valuesThatDifferOnlyInCaseAreNumberedInOrder() {
        let (code, messages) = enumFile("      type: string\n      enum: [up, UP, Up]")
        #expect(
            messages == [
                "spec.yaml:7:18: warning: enum value 'UP' would become the Swift case 'up', which 'up' already has; "
                    + "it is 'up2' (name it with x-enum-varnames)",
                "spec.yaml:7:22: warning: enum value 'Up' would become the Swift case 'up', which 'up' already has; "
                    + "it is 'up3' (name it with x-enum-varnames)",
            ])
        #expect(code.contains("public static let knownCases: [Mode] = [.up, .up2, .up3]"))
        #expect(code.contains("case \"UP\": self = .up2"))
    }

    @Test func varnamesThatAreNoIdentifiersAreErrorsAtTheirEntries() {
        let (code, messages) = enumFile(
            "      type: string\n      enum: [a, b]\n      x-enum-varnames: [default, self]")
        #expect(
            messages == [
                "spec.yaml:8:25: error: 'x-enum-varnames' entry 'default' is not a Swift identifier",
                "spec.yaml:8:34: error: 'x-enum-varnames' entry 'self' is not a Swift identifier",
            ])
        #expect(code.isEmpty, "nothing is generated")
    }

    @Test func anEmptyEnumAcceptsNothingAndIsAnyJSONWithAWarning() {
        let (code, messages) = enumFile("      type: string\n      enum: []")
        #expect(
            messages == ["spec.yaml:7:13: warning: an enum with no values accepts nothing; generated as JSONValue"])
        #expect(code.contains("public typealias Mode = JSONValue"))
    }

    @Test func anIntegerEnumNamesNegativeAndDigitLeadingCases() {
        let (code, messages) = enumFile("      type: integer\n      enum: [-1, 0, 10]", name: "Level")
        #expect(messages.isEmpty)
        #expect(code.contains("public enum Level: OpenIntEnum {"))
        #expect(code.contains("public static let knownCases: [Level] = [.minus1, .level0, .level10]"))
        #expect(code.contains("case -1: self = .minus1"))
        #expect(code.contains("case .level10: 10"))
        #expect(code.contains("case unknown(Int)"))
        #expect(code.contains("public init(rawValue: Int) {"))
    }

    @Test func nullableEnumsAreTheSameEnumUsedAsAnOptional() {
        let open30 = """
                Mode:
                  type: string
                  nullable: true
                  enum: [a, b, null]
                Holder:
                  type: object
                  required: [mode, inline]
                  properties:
                    mode: {$ref: '#/components/schemas/Mode'}
                    inline: {type: string, nullable: true, enum: [x]}
            """
        let open31 = """
                Mode:
                  type: [string, 'null']
                  enum: [a, b, null]
                Holder:
                  type: object
                  required: [mode, inline]
                  properties:
                    mode: {$ref: '#/components/schemas/Mode'}
                    inline: {type: [string, 'null'], enum: [x, null]}
            """
        for (version, schemas) in [("3.0.3", open30), ("3.1.0", open31)] {
            let result = Spec.generate(Spec.text(schemas: schemas, version: version))
            #expect(Spec.messages(result).isEmpty, "\(version)")
            let mode = Spec.code(Spec.file(result, "Models/Mode.swift"))
            #expect(mode.contains("public static let knownCases: [Mode] = [.a, .b]"), "\(version): null is no case")
            let holder = Spec.code(Spec.file(result, "Models/Holder.swift"))
            #expect(holder.contains("public var mode: Mode?"), "\(version)")
            #expect(holder.contains("public var inline: Inline?"), "\(version)")
            #expect(holder.contains("try container.encode(mode, forKey: .mode)"), "\(version): sent as null")
            #expect(holder.contains("public static let knownCases: [Inline] = [.x]"), "\(version)")
        }
    }

    @Test func aRequiredEnumPropertyWithADefaultTakesItAsALiteral() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Holder:
                          type: object
                          required: [power, level]
                          properties:
                            power: {type: string, enum: ['on', 'off'], default: 'off'}
                            level: {type: integer, enum: [1, 2], default: 2}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let holder = Spec.code(Spec.file(result, "Models/Holder.swift"))
        #expect(holder.contains("public init(power: Power = \"off\", level: Level = 2) {"))
        #expect(holder.contains("public enum Power: OpenStringEnum {"))
        #expect(holder.contains("public enum Level: OpenIntEnum {"))
    }

    @Test func duplicateValuesBecomeOneCase() {
        // A value listed twice gets a second case with the same raw value: `init(rawValue:)` then has
        // `case "a":` twice, which Swift warns about ("literal value is already handled by previous pattern"),
        // and the second case can never be decoded.
        let (code, messages) = enumFile("      type: string\n      enum: [a, a, b]")
        #expect(
            messages == [
                "spec.yaml:7:17: warning: enum value 'a' is listed more than once; only its first listing is generated"
            ])
        #expect(code.filter { $0.hasPrefix("case \"a\":") }.count == 1)
        #expect(code.contains("public static let knownCases: [Mode] = [.a, .b]"))
        let (numbers, numberMessages) = enumFile("      type: integer\n      enum: [2, 2]")
        #expect(
            numberMessages == [
                "spec.yaml:7:17: warning: enum value '2' is listed more than once; only its first listing is generated"
            ])
        #expect(numbers.filter { $0.hasPrefix("case 2:") }.count == 1)
        #expect(numbers.contains("public static let knownCases: [Mode] = [.mode2]"))
    }
}
