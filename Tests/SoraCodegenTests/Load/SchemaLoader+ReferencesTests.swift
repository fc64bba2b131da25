import Testing
import YAML

@testable import SoraCodegen

/// `$ref` in a schema: component names, other places in the document, their siblings, and broken references.
@Suite struct SchemaLoaderReferencesTests {
    static let components = """
        Name: {type: string}
        Holder: {type: object, properties: {code: {type: string, maxLength: 3, description: a code}}}
        A/B: {type: integer}
        Self: {type: object, properties: {me: {$ref: '#/components/schemas/Self/properties/me'}}}

        """

    static func loaded(_ body: String, version: String = "3.1.0") throws -> (Schema, [String]) {
        let (schema, messages) = LoadingSpec.schema(body, version: version, others: components)
        return (try #require(schema), messages.filter { !$0.contains("Self/properties/me") })
    }

    @Test(arguments: [
        ("{$ref: '#/components/schemas/Name'}", "$Name"),
        ("{$ref: '#/components/schemas/A~1B'}", "$A/B"),
        ("{$ref: '#/components/schemas/N%61me'}", "$Name"),
        ("{$ref: '#/components/schemas/Holder/properties/code'}", "string"),
        ("{$ref: '#/components/schemas/Holder/properties/code', nullable: true}", "string?"),
    ])
    func referencesByName(_ body: String, _ summary: String) throws {
        let (schema, messages) = try Self.loaded(body)
        #expect(LoadingSpec.summary(schema) == summary)
        #expect(messages == [])
    }

    @Test func anInlineTargetBringsItsConstraintsAndDescription() throws {
        let (schema, messages) = try Self.loaded("{$ref: '#/components/schemas/Holder/properties/code'}")
        #expect(LoadingSpec.summary(schema) == "string")
        #expect(schema.constraints.maxLength == 3)
        #expect(schema.description == "a code")
        #expect(messages == [])
    }

    @Test(arguments: ["3.0.3", "3.1.0"])
    func siblingAnnotationsOfARefAreKept(_ version: String) throws {
        let (schema, messages) = try Self.loaded(
            "{$ref: '#/components/schemas/Name', description: mine, nullable: true, readOnly: true, default: x}",
            version: version)
        #expect(LoadingSpec.summary(schema) == "$Name?")
        #expect(schema.description == "mine")
        #expect(schema.flags == [.readOnly])
        #expect(schema.defaultValue == .string("x"))
        #expect(messages == [])
    }

    @Test func siblingConstraintsOfARefAreNotDroppedWithoutAWord() throws {
        let (schema, messages) = try Self.loaded("{$ref: '#/components/schemas/Name', maxLength: 5}")
        #expect(LoadingSpec.summary(schema) == "$Name")
        #expect(schema.constraints.maxLength == 5 || !messages.isEmpty, "\(messages)")
        #expect(
            messages == [
                "7:43: warning: 'maxLength' beside '$ref' is not supported; it is ignored "
                    + "(the referenced schema is used as it is)"
            ])
    }

    @Test(arguments: [
        ("{$ref: '#/components/schemas/Name', type: string}", []),
        ("{$ref: '#/components/schemas/Holder/properties/code', type: [string]}", []),
        (
            "{$ref: '#/components/schemas/Name', type: integer}",
            [
                "7:43: warning: 'type' beside '$ref' is not supported; it is ignored "
                    + "(the referenced schema is used as it is)"
            ]
        ),
        (
            "{$ref: '#/components/schemas/Holder/properties/code', minLength: 1}",
            [
                "7:61: warning: 'minLength' beside '$ref' is not supported; it is ignored "
                    + "(the referenced schema is used as it is)"
            ]
        ),
    ])
    func aTypeBesideARefIsReportedOnlyWhenItDiffersFromTheTarget(_ body: String, _ expected: [String]) throws {
        let (_, messages) = try Self.loaded(body)
        #expect(messages == expected)
    }

    @Test(arguments: [
        (
            "{$ref: '#/components/schemas/Nope'}",
            "7:14: error: '#/components/schemas/Nope' does not exist: no schema 'Nope' in components.schemas"
        ),
        (
            "{$ref: '#/components/schemas/'}",
            "7:14: error: '#/components/schemas/' does not exist: no schema '' in components.schemas"
        ),
        (
            "{$ref: 'other.yaml#/Thing'}",
            "7:14: error: only local references ('#/…') are supported, found 'other.yaml#/Thing'"
        ),
        ("{$ref: 'Name'}", "7:14: error: only local references ('#/…') are supported, found 'Name'"),
        (
            "{$ref: '#/components/schemas/A%2FB'}",
            "7:14: error: '#/components/schemas/A%2FB' does not point to anything in this document"
        ),
        ("{$ref: '#/nowhere/x'}", "7:14: error: '#/nowhere/x' does not point to anything in this document"),
        (
            "{$ref: '#/components/schemas/Holder/properties/none'}",
            "7:14: error: '#/components/schemas/Holder/properties/none' does not point to anything in this document"
        ),
        ("{$ref: [a]}", "7:14: error: '$ref' must be a string, found a sequence"),
        ("{$ref: ~}", "7:14: error: '$ref' must be a string, found null"),
    ])
    func brokenReferencesAreErrorsAtTheReference(_ body: String, _ message: String) throws {
        let (schema, messages) = try Self.loaded(body)
        #expect(LoadingSpec.summary(schema) == "any")
        #expect(messages == [message])
    }

    @Test func anInlineReferenceToItselfIsALoopError() {
        let result = LoadingSpec.schemaDocument("{type: string}", others: Self.components)
        #expect(
            result.messages == [
                "11:50: error: $ref loop: '#/components/schemas/Self/properties/me' refers back to itself"
            ])
    }

    @Test func aComponentThatIsItsOwnAliasIsALoopError() {
        let result = LoadingSpec.schemaDocument(
            "{$ref: '#/components/schemas/T'}",
            others: "T: {$ref: '#/components/schemas/U'}\nU: {$ref: '#/components/schemas/S'}\n")
        #expect(result.messages == ["6:5: error: $ref loop with no object in between: S → T → U → S"])
    }

    @Test func aLoopThroughAnObjectIsFine() throws {
        let result = LoadingSpec.schemaDocument(
            "{type: object, properties: {next: {$ref: '#/components/schemas/S'}, all: {type: array, items: {$ref: '#/components/schemas/S'}}}}"
        )
        #expect(try LoadingSpec.summary(#require(result.schema("S"))) == "{next: $S, all: [$S]}")
        #expect(result.messages == [])
    }

    @Test func anInlineTargetIsLoadedOnceAndItsProblemsReportedOnce() {
        let result = LoadingSpec.schemaDocument(
            """
            type: object
            properties:
              a: {$ref: '#/components/schemas/Holder/properties/bad'}
              b: {$ref: '#/components/schemas/Holder/properties/bad'}
            """,
            others: "Holder: {type: object, properties: {bad: {type: string, minLength: x}}}\n")
        #expect(result.messages == ["11:72: error: 'minLength' must be a number, found the string 'x'"])
    }
}
