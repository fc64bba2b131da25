import Foundation
import SoraCodegen
import Testing

/// `validate()`: one runtime call per rule of the spec, for the value as the struct stores it.
@Suite struct ValidationTranslatorTests {
    private typealias Spec = TranslationSpec

    private func validation(_ properties: String, extra: String = "", required: String = "[]") -> (
        [String], [String]
    ) {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Size: {type: string, minLength: 3, pattern: '^[0-9]+x[0-9]+$'}
                        Other:
                          type: object
                          required: \(required)
                          properties:
                    \(Spec.indent(properties, by: 8))
                    \(Spec.indent(extra, by: 6))
                    """))
        return (Spec.code(Spec.file(result, "Models/Other.swift")), Spec.messages(result))
    }

    @Test func rulesOfAReferencedSchemaAreCheckedWhereItIsUsed() {
        let (code, messages) = validation("            size: {$ref: '#/components/schemas/Size'}")
        #expect(messages.isEmpty)
        #expect(code.contains("var validator = Validator(\"Other\")"))
        #expect(code.contains("validator.check(size, field: \"size\", minLength: 3, pattern: \"^[0-9]+x[0-9]+$\")"))
        #expect(code.contains("try validator.finish()"))
    }

    @Test func theWireNameIsTheFieldAndHostilePatternsAreLiterals() {
        let (code, messages) = validation(
            "            user_name: {type: string, maxLength: 9, pattern: '^[\"\\\\]+$'}")
        #expect(messages.isEmpty)
        #expect(
            code.contains(
                "validator.check(userName, field: \"user_name\", maxLength: 9, pattern: \"^[\\\"\\\\\\\\]+$\")"))
    }

    @Test func nestedModelsListsAndUnionsValidateThemselves() {
        let (code, messages) = validation(
            """
                        child: {type: object, properties: {a: {type: string, minLength: 1}}}
                        children: {type: array, minItems: 1, items: {type: object, properties: {a: {type: string}}}}
                        either: {oneOf: [{type: object, properties: {a: {type: string}}}, {type: integer}]}
                        names: {type: array, items: {type: string}}
            """)
        #expect(messages.isEmpty)
        #expect(code.contains("validator.nested(child, field: \"child\")"))
        #expect(code.contains("validator.checkItems(children, field: \"children\", minItems: 1)"))
        #expect(code.contains("validator.nested(each: children, field: \"children\")"))
        #expect(code.contains("validator.nested(either, field: \"either\")"))
        #expect(!code.contains { $0.contains("field: \"names\"") }, "a list of plain strings has nothing to check")
    }

    @Test func rulesOfListItemsAndMapValuesAreCheckedOnEachOneAndCompile() async throws {
        let properties = """
                        tags: {type: array, items: {type: string, maxLength: 3}}
                        grid: {type: array, items: {type: array, maxItems: 3, items: {type: integer, maximum: 9}}}
                        scores: {type: object, additionalProperties: {type: integer, minimum: 0}}
                        kids: {type: object, additionalProperties: {type: object, properties: {a: {type: string, minLength: 1}}}}
                        plain: {type: object, additionalProperties: {type: string}}
            """
        let (code, messages) = validation(properties)
        #expect(messages.isEmpty)
        #expect(code.contains("validator.each(tags, field: \"tags\") {"))
        #expect(code.contains("validator.check(item, field: field, maxLength: 3)"))
        #expect(code.contains("validator.each(grid, field: \"grid\") {"))
        #expect(code.contains("validator.checkItems(item, field: field, maxItems: 3)"))
        #expect(code.contains("validator.each(item, field: field) {"))
        #expect(code.contains("validator.check(item, field: field, maximum: 9)"))
        #expect(code.contains("validator.each(scores, field: \"scores\") {"))
        #expect(code.contains("validator.nested(item, field: field)"))
        #expect(!code.contains { $0.contains("field: \"plain\"") }, "values without rules have nothing to check")

        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Other:
                          type: object
                          properties:
                    \(Spec.indent(properties, by: 8))
                    """))
        let compile = try await GeneratedCode.compile(result)
        #expect(compile.status == 0, "\(compile.output)")
    }

    @Test func rangeLengthIsCheckedAsAPair() {
        let (code, messages) = validation(
            "            span: {type: string, x-range-length: {minimum: 1, maximum: 10.5}}")
        #expect(messages.isEmpty)
        #expect(code.contains("validator.checkRangeLength(span, field: \"span\", minimum: 1.0, maximum: 10.5)"))
    }

    @Test func dependentRequiredOfARequiredTriggerIsAlwaysPresent() {
        let (code, messages) = validation(
            "            a: {type: string}\n            b: {type: string}",
            extra: "      dependentRequired: {a: [b]}", required: "[a]")
        #expect(messages.isEmpty)
        #expect(code.contains("validator.dependentRequired(\"a\", isPresent: true, requires: [(\"b\", b != nil)])"))
    }

    @Test func ifThenConditionsReadEachKindOfValueAsText() {
        let (code, messages) = validation(
            """
                        mode: {type: string, enum: [fast, slow]}
                        at: {type: string, format: date-time}
                        on: {type: boolean}
                        n: {type: integer}
                        label: {type: string}
            """,
            extra: """
                      allOf:
                        - if: {properties: {mode: {const: fast}, at: {const: x}, on: {const: 'true'}}, required: [mode]}
                          then: {properties: {n: {enum: ['1', '2']}, label: {const: 'a "b"'}}, required: [label]}
                          description: "fast \\"needs\\" n"
                """, required: "[mode]")
        #expect(messages.isEmpty)
        let rule = code.drop { $0 != "validator.rule(" }.prefix { $0 != "try validator.finish()" }
        #expect(
            Array(rule) == [
                "validator.rule(", "when: [",
                "FieldCondition(\"mode\", mode.rawValue, in: [\"fast\"], required: true),",
                "FieldCondition(\"at\", at.map(\\.parameterText), in: [\"x\"], required: false),",
                "FieldCondition(\"on\", on.map { String($0) }, in: [\"true\"], required: false)", "],", "then: [",
                "FieldCondition(\"n\", n.map { String($0) }, in: [\"1\", \"2\"], required: false),",
                "FieldCondition(\"label\", label, in: [\"a \\\"b\\\"\"], required: true)", "],",
                "because: \"fast \\\"needs\\\" n\"", ")",
            ])
        #expect(code.contains("because: \"fast \\\"needs\\\" n\""))
    }

    @Test func anIfThenRuleOnAnObjectPropertyIsAnError() {
        let (_, messages) = validation(
            "            meta: {type: object, properties: {a: {type: string}}}",
            extra: """
                      allOf:
                        - if: {properties: {meta: {const: x}}}
                          then: {required: [meta]}
                """)
        #expect(
            messages == [
                "spec.yaml:12:11: error: if/then rules can only test string, enum, boolean or number properties; "
                    + "'meta' is not one"
            ])
    }

    @Test func aPixelSizeRuleMustNameAProperty() {
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                paths: """
                      /images:
                        post:
                          operationId: upload
                          requestBody:
                            content:
                              multipart/form-data:
                                schema:
                                  type: object
                                  properties:
                                    image: {type: string, format: binary, x-pixel-size-equals: dims}
                          responses: {"204": {description: ok}}
                    """))
        #expect(result.files.isEmpty)
        #expect(
            Spec.messages(result) == [
                "spec.yaml:17:17: error: 'x-pixel-size-equals' names 'dims', which is not a property"
            ])
    }

    @Test func aPropertyNamedValidatorIsNotShadowedByTheLocalValidator() {
        // `validate()` declares `var validator`; a property of that name is then shadowed, and
        // `validator.check(validator, …)` passes the Validator itself (it does not compile).
        let (code, _) = validation("            validator: {type: string, minLength: 2}")
        #expect(code.contains("var validator = Validator(\"Other\")"))
        #expect(!code.contains("validator.check(validator, field: \"validator\", minLength: 2)"))
        #expect(code.contains("validator.check(self.validator, field: \"validator\", minLength: 2)"))
        #expect(code.contains("public var validator: String?"))
    }
}
