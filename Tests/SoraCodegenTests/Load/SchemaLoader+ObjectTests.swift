import Testing
import YAML

@testable import SoraCodegen

/// Objects: `required` names, `dependentRequired` and `allOf: [{if, then}]` rules.
@Suite struct SchemaLoaderObjectTests {
    static func object(_ body: String) throws -> (ObjectSchema?, [String]) {
        let (schema, messages) = LoadingSpec.schema(body)
        guard case .object(let object) = try #require(schema).kind else { return (nil, messages) }
        return (object, messages)
    }

    @Test func aRequiredNameWithoutAPropertyIsAWarningAtTheName() throws {
        let (object, messages) = try Self.object(
            """
            type: object
            required:
              - a
              - nope
            properties:
              a: {type: string}
            """)
        #expect(object?.requiredNames == ["a", "nope"])
        #expect(object?.properties.map(\.isRequired) == [true])
        #expect(messages == ["10:11: warning: required property 'nope' is not among the properties; ignored"])
    }

    @Test func requiredNamesOfAnAllOfPartMayNameAnotherPartsProperties() throws {
        let (schema, messages) = LoadingSpec.schema(
            "allOf:\n  - {type: object, required: [b], properties: {a: {type: string}}}\n"
                + "  - {type: object, properties: {b: {type: integer}}}\n")
        #expect(try LoadingSpec.summary(#require(schema)) == "{a: string, b!: integer}")
        #expect(messages == [])
    }

    @Test(arguments: [
        (
            "{type: object, properties: {a: {type: string}}, required: a}",
            "7:65: error: 'required' must be a sequence, found the string 'a'"
        ),
        ("{type: object, properties: [a]}", "7:34: error: 'properties' must be a mapping, found a sequence"),
        (
            "{type: object, properties: {a: {type: string}}, required: [a, ~]}",
            "7:69: error: each entry of 'required' must be a string, found null"
        ),
    ])
    func wrongTypesInAnObject(_ body: String, _ message: String) {
        let (_, messages) = LoadingSpec.schema(body)
        #expect(messages == [message])
    }

    @Test func dependentRequired() throws {
        let (object, messages) = try Self.object(
            """
            type: object
            properties:
              card: {type: string}
              address: {type: string}
              zip: {type: string}
            dependentRequired:
              card: [address, zip]
            """)
        let rules = try #require(object?.dependentRequired)
        #expect(rules.map(\.property) == ["card"])
        #expect(rules.map(\.requires) == [["address", "zip"]])
        #expect(rules.map(\.mark) == [Mark(line: 13, column: 9)])
        #expect(messages == [])
    }

    @Test func dependentRequiredNamingNoPropertyIsAnError() throws {
        let (_, messages) = try Self.object(
            "{type: object, properties: {a: {type: string}}, dependentRequired: {a: [b], c: [a]}}")
        #expect(
            messages == [
                "7:75: error: 'dependentRequired' names 'b', which is not a property",
                "7:83: error: 'dependentRequired' names 'c', which is not a property",
            ])
    }

    @Test func dependentRequiredNeedsAnObject() {
        let (_, messages) = LoadingSpec.schema("{type: string, dependentRequired: {a: [b]}}")
        #expect(messages == ["7:41: error: 'dependentRequired' needs an object schema with properties"])
    }

    @Test func ifThenRules() throws {
        let (object, messages) = try Self.object(
            """
            type: object
            properties:
              kind: {type: string}
              size: {type: integer}
            allOf:
              - if: {properties: {kind: {const: big}}, required: [kind]}
                then: {required: [size]}
                description: big ones need a size
              - if: {properties: {kind: {enum: [small, tiny]}}}
                then: {properties: {size: {const: '1'}}}
            """)
        let rules = try #require(object?.conditionals)
        #expect(rules.count == 2)
        #expect(rules.map(\.description) == ["big ones need a size", nil])
        #expect(rules.map(\.mark) == [Mark(line: 12, column: 11), Mark(line: 15, column: 11)])
        #expect(rules[0].conditions.map(\.property) == ["kind"])
        #expect(rules[0].conditions.map(\.values) == [["big"]])
        #expect(rules[0].conditions.map(\.mustBePresent) == [true])
        #expect(rules[0].consequences.map(\.property) == ["size"])
        #expect(rules[0].consequences.map(\.values) == [[]])
        #expect(rules[0].consequences.map(\.mustBePresent) == [true])
        #expect(rules[1].conditions.map(\.values) == [["small", "tiny"]])
        #expect(rules[1].conditions.map(\.mustBePresent) == [false])
        #expect(rules[1].consequences.map(\.values) == [["1"]])
        #expect(messages == [])
    }

    @Test func brokenIfThenRules() throws {
        let (object, messages) = try Self.object(
            """
            type: object
            properties:
              kind: {type: string}
            allOf:
              - if: {properties: {kind: {const: a}}}
              - if: {properties: {zzz: {const: a}}}
                then: {properties: {kind: {type: string}}}
            """)
        #expect(object?.conditionals.count == 1)
        #expect(
            messages == [
                "11:11: warning: an 'if' rule without 'then' checks nothing; ignored",
                "12:15: error: 'if' names 'zzz', which is not a property",
                "13:37: error: a property of 'then' needs 'enum' or 'const'",
                "13:38: warning: keyword 'type' in a property of 'then' is not supported; it is ignored",
            ])
    }

    @Test func ifThenRulesNeedAnObject() {
        let (_, messages) = LoadingSpec.schema("{type: string, allOf: [{if: {required: [a]}, then: {required: [b]}}]}")
        #expect(messages == ["7:30: warning: 'if'/'then' rules are only checked on an object with properties; ignored"])
    }
}
