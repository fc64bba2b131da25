import Testing
import YAML

@testable import SoraCodegen

/// `SchemaKeywords`: one name per keyword, one pass per schema, and a warning for every key the loader does not read.
@Suite struct SchemaKeywordsTests {
    @Test func everyKeywordHasExactlyOneName() {
        #expect(SchemaKeywords.names.count == SchemaKeywords.Keyword.allCases.count)
        #expect(Set(SchemaKeywords.names.values) == Set(SchemaKeywords.Keyword.allCases))
        #expect(SchemaKeywords.names["$ref"] == .reference)
        #expect(SchemaKeywords.names["enum"] == .enumValues)
        #expect(SchemaKeywords.names["x-enum-varnames"] == .enumVarnames)
        #expect(SchemaKeywords.names["$defs"] == nil)
    }

    @Test func theKindSpecificListsDoNotOverlap() {
        let lists = [SchemaKeywords.stringOnly, SchemaKeywords.numberOnly, SchemaKeywords.arrayOnly]
        #expect(Set(lists.joined()).count == lists.map(\.count).reduce(0, +))
    }

    @Test func entriesAreFoundByPosition() throws {
        let root = try #require(try YAMLParser.parse(Array("{type: string, format: uuid, minLength: 2}".utf8)))
        var keywords = SchemaKeywords(try #require(root.mapping))
        #expect(keywords[.format] == nil)
        keywords.set(.format, at: 1)
        #expect(keywords[.format]?.key.scalarText == "format")
        #expect(keywords[.format]?.value.scalarText == "uuid")
        #expect(keywords[.type] == nil)
    }

    @Test(arguments: [
        (
            "{type: string, frobnicate: 1}",
            "7:22: warning: keyword 'frobnicate' in a schema is not supported; it is ignored"
        ),
        (
            "{type: string, x-internal: true}",
            "7:22: warning: extension 'x-internal' is not used by the generator; it is ignored"
        ),
        (
            "{type: string, externalDocs: {url: u}}",
            "7:22: warning: 'externalDocs' is documentation the generated code does not carry; it is ignored"
        ),
        (
            "{type: string, $comment: c}",
            "7:22: warning: '$comment' is documentation the generated code does not carry; it is ignored"
        ),
    ])
    func aKeyTheLoaderDoesNotReadIsAWarning(_ body: String, _ message: String) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(messages == [message])
        #expect(try LoadingSpec.summary(#require(schema)) == "string")
    }

    @Test func containersOfReferencedSchemasAreSilent() throws {
        let (schema, messages) = LoadingSpec.schema(
            """
            type: object
            properties:
              a: {$ref: '#/components/schemas/S/$defs/Code'}
            $defs:
              Code: {type: string, maxLength: 4}
            definitions:
              Old: {type: integer}
            """)
        #expect(try LoadingSpec.summary(#require(schema)) == "{a: string}")
        #expect(messages == [])
    }

    @Test func theSameUnusedKeyIsOneWarningWithItsCount() {
        let result = LoadingSpec.schemaDocument(
            "{type: string, frobnicate: 1}",
            others: "T: {type: string, frobnicate: 2}\nU: {type: integer, frobnicate: 3}\n")
        #expect(
            result.messages == [
                "7:22: warning: keyword 'frobnicate' in a schema is not supported; it is ignored "
                    + "(here and in 2 more places)"
            ])
    }

    @Test func aKeyReachedThroughAnAliasIsOnePlace() {
        let result = LoadingSpec.schemaDocument(
            "&shared {type: string, frobnicate: 1}", others: "T: *shared\nU: {type: array, items: *shared}\n")
        #expect(result.messages.count == 1)
        #expect(
            result.messages.first?.hasPrefix("7:30: warning: keyword 'frobnicate' in a schema is not supported") == true
        )
        #expect(result.messages == ["7:30: warning: keyword 'frobnicate' in a schema is not supported; it is ignored"])
    }

    @Test func aKeyOfASchemaAlsoUsedThroughAnInlineRefIsOnePlace() {
        let result = LoadingSpec.paths(
            """
            /a:
              get:
                operationId: a
                parameters: [{name: q, in: query, schema: {$ref: '#/components/schemas/X/properties/p'}}]
                responses: {"200": {description: ok}}
            """,
            components: "schemas:\n  X: {type: object, properties: {p: {type: string, frobnicate: 1}}}\n")
        #expect(result.messages.count == 1)
        #expect(
            result.messages.first?.hasPrefix("11:54: warning: keyword 'frobnicate' in a schema is not supported")
                == true)
        #expect(
            result.messages == ["11:54: warning: keyword 'frobnicate' in a schema is not supported; it is ignored"])
    }

    @Test func aKeyThatIsNotAScalarIsAnError() {
        let (_, messages) = LoadingSpec.schema("{type: string, [a]: 1}")
        #expect(messages == ["7:22: error: keys of a schema must be strings"])
    }
}
