import SoraCodegen
import Testing

/// How a schema becomes a Swift type: scalars, formats, lists and maps (with nullable elements), and the nested
/// types an alias of an inline schema declares.
@Suite struct TypeMappingTests {
    private typealias Spec = TranslationSpec

    /// A named schema that is no object, enum or union is a typealias.
    @Test(arguments: [
        ("{type: string}", "String"), ("{type: string, format: date-time}", "Date"),
        ("{type: string, format: date}", "String"), ("{type: string, format: binary}", "String"),
        ("{type: integer, format: int32}", "Int"), ("{type: number, format: float}", "Double"),
        ("{type: boolean}", "Bool"), ("{}", "JSONValue"), ("{const: fixed}", "String"),
        ("{type: array, items: {type: integer}}", "[Int]"),
        ("{type: array, items: {type: [string, 'null']}}", "[String?]"),
        ("{type: object, additionalProperties: {type: [integer, 'null']}}", "[String: Int?]"),
        ("{type: array, items: {type: array, items: {type: boolean}}}", "[[Bool]]"),
        ("{type: [integer, 'null']}", "Int"), ("{$ref: '#/components/schemas/Target'}", "Target"),
    ])
    func aSchemaBecomesItsSwiftType(schema: String, type: String) {
        let result = Spec.generate(Spec.text(schemas: "    Target: {type: string}\n    Alias: \(schema)"))
        #expect(Spec.messages(result).isEmpty)
        #expect(Spec.code(Spec.file(result, "Models/Alias.swift")).contains("public typealias Alias = \(type)"))
    }

    @Test func anAliasOfAListOfInlineObjectsDeclaresTheElementBesideIt() {
        let result = Spec.generate(
            Spec.text(schemas: "    Rows: {type: array, items: {type: object, properties: {a: {type: string}}}}"))
        let code = Spec.code(Spec.file(result, "Models/Rows.swift"))
        #expect(code.contains("public typealias Rows = [RowsValueItem]"))
        #expect(code.contains("public struct RowsValueItem: Codable, Hashable, Sendable, Validatable {"))
        let maps = Spec.generate(
            Spec.text(schemas: "    Index: {type: object, additionalProperties: {type: string, enum: [a]}}"))
        let mapCode = Spec.code(Spec.file(maps, "Models/Index.swift"))
        #expect(mapCode.contains("public typealias Index = [String: IndexValueValue]"))
        #expect(mapCode.contains("public enum IndexValueValue: OpenStringEnum {"))
    }

    @Test func aNullableReferenceMakesTheUseOptionalNotTheAlias() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Maybe: {type: [string, 'null'], description: "May be null."}
                        Holder:
                          type: object
                          required: [m, list]
                          properties:
                            m: {$ref: '#/components/schemas/Maybe'}
                            list: {type: array, items: {$ref: '#/components/schemas/Maybe'}}
                    """))
        #expect(Spec.messages(result).isEmpty)
        #expect(
            Spec.file(result, "Models/Maybe.swift").contains(
                "/// May be null.\n///\n/// Spec: `#/components/schemas/Maybe`\npublic typealias Maybe = String\n"))
        let holder = Spec.code(Spec.file(result, "Models/Holder.swift"))
        #expect(holder.contains("public var m: Maybe?"))
        #expect(holder.contains("public var list: [Maybe?]"))
    }

    @Test func defaultsThatDoNotFitTheSwiftTypeAreLeftOut() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Holder:
                          type: object
                          required: [ratio, count, flag, label]
                          properties:
                            ratio: {type: number, default: 1}
                            count: {type: integer, default: 2.5}
                            flag: {type: boolean, default: true}
                            label: {type: string, default: "a \\\\(b) \\"c\\""}
                    """))
        let file = Spec.file(result, "Models/Holder.swift")
        #expect(
            file.contains(
                "        ratio: Double = 1.0,\n        count: Int,\n        flag: Bool = true,\n"
                    + "        label: String = \"a \\\\(b) \\\"c\\\"\"\n"))
    }
}
