import SoraCodegen
import Testing

/// Tier 1: small spec fragments in, Swift fragments out (or the exact diagnostic).
@Suite struct TranslationFragmentTests {
    private func thingFile(_ properties: String, required: String = "") -> (String, [String]) {
        let spec = SpecText.minimal(
            schemas: "    Other:\n      type: object\n      properties:\n\(properties)\n\(required)")
        let result = SpecText.generate(spec)
        return (SpecText.file(result, "Models/Other.swift"), SpecText.messages(result))
    }

    @Test func nullableIdiomsBecomeOptionals() {
        let (file, messages) = thingFile(
            """
                    thing: {oneOf: [{$ref: '#/components/schemas/Thing'}, {type: 'null'}]}
                    note: {type: [string, 'null']}
                    count: {anyOf: [{type: integer}, {type: 'null'}]}
            """, required: "      required: [thing, note, count]")
        #expect(messages.isEmpty)
        #expect(file.contains("public var thing: Thing?\n"))
        #expect(file.contains("public var note: String?\n"))
        #expect(file.contains("public var count: Int?\n"))
    }

    @Test func anyOfStringAndEnumBecomesAnOpenEnum() {
        let (file, messages) = thingFile(
            "        mode: {anyOf: [{type: string}, {type: string, enum: [fast, slow-ish]}]}")
        #expect(messages.isEmpty)
        #expect(file.contains("public var mode: Mode?\n"))
        #expect(file.contains("public enum Mode: OpenStringEnum {"))
        #expect(file.contains("case slowIsh\n"))
        #expect(file.contains("case \"slow-ish\": self = .slowIsh\n"))
        #expect(file.contains("default: self = .unknown(rawValue)\n"))
    }

    @Test func referencesUseJSONPointerEscapes() {
        let spec = SpecText.minimal(
            schemas: """
                    a/b~c:
                      type: string
                    Other:
                      type: object
                      properties:
                        odd: {$ref: '#/components/schemas/a~1b~0c'}
                        inline: {$ref: '#/components/schemas/Thing/properties/name'}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        #expect(SpecText.file(result, "Models/ABC.swift").contains("public typealias ABC = String\n"))
        let other = SpecText.file(result, "Models/Other.swift")
        #expect(other.contains("public var odd: ABC?\n"))
        #expect(other.contains("public var inline: String?\n"))
    }

    @Test func integerBoundsInAnyYAMLFormLoadAndOnlyMeaningfulOnesAreChecked() {
        let (file, messages) = thingFile(
            """
                    a: {type: integer, minimum: 0x10, maximum: 1e3}
                    b: {type: integer, minimum: 0o17, maximum: 99999999999999999999}
                    c: {type: integer, maximum: 0x7FFFFFFFFFFFFFFF}
                    d: {type: number, minimum: 0.5, maximum: 1.5e2}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("validator.check(a, field: \"a\", minimum: 16, maximum: 1000)"))
        #expect(file.contains("validator.check(b, field: \"b\", minimum: 15)"))
        #expect(file.contains("validator.check(c, field: \"c\", maximum: 9223372036854775807)"))
        #expect(file.contains("validator.check(d, field: \"d\", minimum: 0.5, maximum: 150.0)"))
    }

    @Test func anUnsatisfiableIntegerBoundIsAWarning() {
        let (_, messages) = thingFile("        a: {type: integer, minimum: 99999999999999999999}")
        #expect(
            messages == [
                "spec.yaml:30:12: warning: minimum 99999999999999999999 is outside Int's range, so no value can satisfy it"
            ])
    }

    @Test func collidingPropertyNamesGetANumberAndAWarning() {
        let (file, messages) = thingFile("        camelCase: {type: string}\n        camel_case: {type: string}")
        #expect(
            messages == [
                "spec.yaml:31:9: warning: property 'camel_case' would become the Swift property 'camelCase', which "
                    + "'camelCase' already has; it is 'camelCase2'"
            ])
        #expect(file.contains("public var camelCase2: String?\n"))
        #expect(file.contains("case camelCase2 = \"camel_case\"\n"))
    }

    @Test func collidingEnumValuesGetANumberAndAWarning() {
        let (file, messages) = thingFile("        mode: {type: string, enum: [a-b, a_b]}")
        #expect(
            messages == [
                "spec.yaml:30:42: warning: enum value 'a_b' would become the Swift case 'aB', which 'a-b' already has; "
                    + "it is 'aB2' (name it with x-enum-varnames)"
            ])
        #expect(file.contains("case aB2\n") && file.contains("case \"a_b\": self = .aB2"))
    }

    @Test func enumVarnamesNameTheCases() {
        let (file, messages) = thingFile(
            "        size: {type: string, enum: [720x1280, 1792x1024], x-enum-varnames: [portrait, landscapeHD]}")
        #expect(messages.isEmpty)
        #expect(file.contains("case portrait\n"))
        #expect(file.contains("case \"1792x1024\": self = .landscapeHD\n"))
        let (_, wrong) = thingFile("        size: {type: string, enum: [a, b], x-enum-varnames: [onlyOne]}")
        #expect(wrong == ["spec.yaml:30:61: error: 'x-enum-varnames' has 1 names for 2 enum values"])
    }

    @Test func aTreeThroughAPropertyIsValidAndBoxed() {
        let (file, messages) = thingFile(
            """
                    parent: {$ref: '#/components/schemas/Other'}
                    children: {type: array, items: {$ref: '#/components/schemas/Other'}}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("private var _parent: Indirect<Other>?\n"))
        #expect(file.contains("public var children: [Other]?\n"))
        #expect(file.contains("case _parent = \"parent\"\n"))
    }

    @Test func crossFieldRulesBecomeRuntimeCalls() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        size: {type: string, enum: [small, big]}
                        model: {type: string}
                        a: {type: string}
                        b: {type: string}
                      dependentRequired: {a: [b]}
                      allOf:
                        - if: {properties: {size: {const: big}}, required: [size]}
                          then: {properties: {model: {enum: [pro]}}}
                """)
        let file = SpecText.file(SpecText.generate(spec), "Models/Other.swift")
        #expect(
            file.contains(
                "validator.dependentRequired(\"a\", isPresent: a != nil, requires: [(\"b\", b != nil)])"))
        #expect(
            file.contains(
                "validator.rule(\n"
                    + "            when: [FieldCondition(\"size\", size?.rawValue, in: [\"big\"], required: true)],\n"
                    + "            then: [FieldCondition(\"model\", model, in: [\"pro\"], required: false)],\n"
                    + "            because: nil\n        )"))
    }

    @Test func rulesNamingMissingPropertiesAreDiagnostics() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        a: {type: string}
                      dependentRequired: {a: [zz]}
                """)
        #expect(
            SpecText.messages(SpecText.generate(spec)) == [
                "spec.yaml:31:27: error: 'dependentRequired' names 'zz', which is not a property"
            ])
    }

    @Test func operationParametersOverridePathLevelOnes() {
        let spec = SpecText.minimal(
            paths: """
                  /items/{item_id}:
                    parameters:
                      - {name: item_id, in: path, required: true, schema: {type: string}}
                      - {name: trace, in: header, schema: {type: string}}
                    get:
                      operationId: getItem
                      parameters:
                        - {name: trace, in: header, required: true, schema: {type: integer}}
                        - {name: limit, in: query, schema: {type: integer, minimum: 1}}
                      responses:
                        "200": {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(
            operations.contains(
                "public func getItem(\n        _ itemId: String,\n        trace: Int,\n        limit: Int? = nil\n    ) async throws(SoraError) -> BinaryContent {"
            ))
        #expect(operations.contains("httpRequest.setHeader(\"trace\", trace)\n"))
        #expect(operations.contains("return httpResponse.binaryContent()\n"))
    }

    @Test func unusedConstructsAreWarningsNotDrops() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      discriminator: {propertyName: kind}
                      properties:
                        kind: {type: string, exclusiveMinimum: 3}
                """)
        #expect(
            SpecText.messages(SpecText.generate(spec)) == [
                "spec.yaml:29:7: warning: 'discriminator' without 'oneOf' or 'anyOf' is not used (allOf children are "
                    + "merged types)",
                "spec.yaml:31:30: warning: 'exclusiveMinimum' applies to numbers only; ignored",
            ])
    }

    @Test func descriptionsCannotInjectCode() {
        let (file, messages) = thingFile(
            """
                    a:
                      type: string
                      description: "*/ } public func pwned() { \\\"\\\"\\\" \\\\(x) \\n\\u202E"
                      default: "\\\"\\\"\\\" \\\\(exit(1))"
            """, required: "      required: [a]")
        #expect(messages.isEmpty)
        #expect(file.contains("    /// */ } public func pwned() { \"\"\" \\(x)\n    /// \\u{202E}\n"))
        #expect(file.contains("a: String = \"\\\"\\\"\\\" \\\\(exit(1))\""))
    }

    @Test func helperExtensionsNameRealProperties() {
        let spec = SpecText.minimal().replacingOccurrences(
            of: "      operationId: getThing\n",
            with:
                "      operationId: getThing\n      x-polling: {method: waitForThing, status: state, terminal: [done]}\n"
        )
        #expect(
            SpecText.messages(SpecText.generate(spec)) == [
                "spec.yaml:9:18: error: 'x-polling' needs a JSON object answer with the property 'state'"
            ])
        let good = SpecText.minimal().replacingOccurrences(
            of: "      operationId: getThing\n",
            with:
                "      operationId: getThing\n      x-polling: {method: waitForThing, status: name, terminal: [done]}\n"
        )
        let operations = SpecText.file(SpecText.generate(good), "Operations/Default.swift")
        #expect(operations.contains("public func waitForThing(\n        of id: String,"))
        #expect(operations.contains("isTerminal: { [\"done\"].contains($0.name) }"))
    }
}
