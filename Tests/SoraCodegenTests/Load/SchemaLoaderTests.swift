import Testing
import YAML

@testable import SoraCodegen

/// `loadSchema`: types, formats, nullability in both dialects, annotations and flags, and what is not a schema.
@Suite struct SchemaLoaderTests {
    static let kinds: [(body: String, summary: String)] = [
        ("{type: string}", "string"),
        ("{type: string, format: uuid}", "string:uuid"),
        ("{type: string, format: binary}", "binary"),
        ("{type: integer, format: int64}", "integer:int64"),
        ("{type: number, format: float}", "number:float"),
        ("{type: boolean}", "boolean"),
        ("{}", "any"),
        ("{description: only words}", "any"),
        ("{type: array, items: {type: string, format: date}}", "[string:date]"),
        ("{type: array}", "[any]"),
        ("{items: {type: integer}}", "[integer]"),
        ("{type: array, items: {type: array, items: {type: boolean}}}", "[[boolean]]"),
        ("{type: object}", "map"),
        ("{additionalProperties: {type: string}}", "map<string>"),
        ("{type: object, additionalProperties: true}", "map<any>"),
        ("{type: object, additionalProperties: false}", "map"),
        ("{type: object, additionalProperties: {type: array, items: {type: integer}}}", "map<[integer]>"),
        ("{properties: {a: {type: string}}}", "{a: string}"),
        (
            "{type: object, properties: {a: {type: string}}, additionalProperties: {type: integer}}",
            "{a: string; more: integer}"
        ),
        ("{type: object, properties: {a: {type: string}}, additionalProperties: true}", "{a: string; more: any}"),
        ("{type: object, properties: {a: {type: string}}, additionalProperties: false}", "{a: string}"),
        ("{type: [string, 'null']}", "string?"),
        ("{type: ['null', integer]}", "integer?"),
        ("{type: [integer, number]}", "number"),
        ("{type: [integer, number, 'null']}", "number?"),
        ("{type: [string, string]}", "string"),
        ("{type: [string, integer]}", "oneOf(string | integer)"),
        ("{type: [string, boolean, 'null']}", "oneOf(string | boolean)?"),
        ("{type: ['null']}", "any?"),
        ("{type: []}", "any"),
        ("{type: string, nullable: true}", "string?"),
        ("{type: string, nullable: false}", "string"),
    ]

    @Test(arguments: kinds)
    func kindsOfSchema(_ body: String, _ summary: String) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(try LoadingSpec.summary(#require(schema)) == summary)
        #expect(messages == [])
    }

    @Test func openAPI30NullableIsTheSameAsA31TypeList() throws {
        let (old, oldMessages) = LoadingSpec.schema("{type: integer, format: int32, nullable: true}", version: "3.0.3")
        let (new, newMessages) = LoadingSpec.schema("{type: [integer, 'null'], format: int32}")
        #expect(try LoadingSpec.summary(#require(old)) == "integer:int32?")
        #expect(try LoadingSpec.summary(#require(new)) == "integer:int32?")
        #expect(oldMessages == [] && newMessages == [])
    }

    @Test func propertiesKeepSpecOrderRequirednessAndTheirKeysPlace() throws {
        let (schema, messages) = LoadingSpec.schema(
            """
            type: object
            required: [id, tags]
            properties:
              id: {type: integer}
              name: {type: string}
              tags: {type: array, items: {type: string}}
            """)
        let object = try #require(schema)
        #expect(LoadingSpec.summary(object) == "{id!: integer, name: string, tags!: [string]}")
        guard case .object(let content) = object.kind else { return }
        #expect(content.requiredNames == ["id", "tags"])
        #expect(
            content.properties.map(\.mark) == [
                Mark(line: 10, column: 9), Mark(line: 11, column: 9), Mark(line: 12, column: 9),
            ])
        #expect(content.properties[0].schema.mark == Mark(line: 10, column: 13))
        #expect(object.mark == Mark(line: 7, column: 7))
        #expect(messages == [])
    }

    @Test func annotationsAndFlagsAreRead() throws {
        let (schema, messages) = LoadingSpec.schema(
            "{type: string, description: d, title: t, readOnly: true, writeOnly: false, deprecated: true, "
                + "example: abc, default: xyz}")
        let loaded = try #require(schema)
        #expect(loaded.description == "d")
        #expect(loaded.title == "t")
        #expect(loaded.flags == [.readOnly, .deprecated])
        #expect(loaded.example == .string("abc"))
        #expect(loaded.defaultValue == .string("xyz"))
        #expect(!loaded.isNullable)
        #expect(messages == [])
    }

    @Test func writeOnlyAndNumericExamples() throws {
        let (schema, _) = LoadingSpec.schema("{type: integer, writeOnly: true, example: 42, default: 0x10}")
        let loaded = try #require(schema)
        #expect(loaded.flags == [.writeOnly])
        #expect(loaded.example == .number(SpecNumber(integerDigits: "42")))
        #expect(loaded.defaultValue == .number(SpecNumber(integerDigits: "16")))
    }

    @Test func booleanSchemas() throws {
        let (anything, anythingMessages) = LoadingSpec.schema("true")
        #expect(try LoadingSpec.summary(#require(anything)) == "any")
        #expect(anythingMessages == [])
        let (nothing, nothingMessages) = LoadingSpec.schema("false")
        #expect(try LoadingSpec.summary(#require(nothing)) == "any")
        #expect(nothingMessages == ["7:7: warning: the schema 'false' accepts no value; generated as JSONValue"])
    }

    @Test(arguments: [
        ("[1, 2]", "7:7: error: a schema must be a mapping, found a sequence"),
        ("hello", "7:7: error: a schema must be a mapping, found the string 'hello'"),
        ("42", "7:7: error: a schema must be a mapping, found the number 42"),
        ("{type: array, items: 3}", "7:28: error: a schema must be a mapping, found the number 3"),
    ])
    func aSchemaThatIsNotAMappingIsAnError(_ body: String, _ message: String) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(messages == [message])
        #expect(schema != nil)
    }

    @Test func anEmptySchemaValueIsAnError() {
        let result = LoadingSpec.load(LoadingSpec.header("3.1.0") + "    T: {type: string}\n")
        #expect(result.messages == ["6:7: error: a schema must be a mapping, found null"])
    }

    @Test(arguments: [
        (
            "{type: strin}",
            "7:14: warning: unknown type 'strin' (expected one of array, boolean, integer, null, number, object, "
                + "string); generated as JSONValue"
        ),
        (
            "{type: [string, date]}",
            "7:14: warning: unknown type 'date' (expected one of array, boolean, integer, null, number, object, "
                + "string); generated as JSONValue"
        ),
        ("{type: {a: b}}", "7:14: error: 'type' must be a string, found a mapping"),
        ("{type: [string, [x]]}", "7:23: error: each entry of 'type' must be a string, found a sequence"),
        ("{type: string, description: [a]}", "7:35: error: 'description' must be a string, found a sequence"),
        ("{type: string, title: ~}", "7:29: error: 'title' must be a string, found null"),
        ("{type: string, nullable: yes}", "7:32: error: 'nullable' must be true or false, found the string 'yes'"),
        ("{type: string, readOnly: 1}", "7:32: error: 'readOnly' must be true or false, found the number 1"),
    ])
    func wrongKeywordTypes(_ body: String, _ message: String) {
        let (_, messages) = LoadingSpec.schema(body)
        #expect(messages == [message])
    }

    @Test func anUnknownTypeIsAny() throws {
        let (schema, _) = LoadingSpec.schema("{type: strin, format: uuid}")
        #expect(try LoadingSpec.summary(#require(schema)) == "any")
    }

    @Test func xPixelSizeEqualsBelongsOnBinariesOnly() throws {
        let (binary, binaryMessages) = LoadingSpec.schema("{type: string, format: binary, x-pixel-size-equals: size}")
        #expect(try #require(binary).pixelSizeEquals == "size")
        #expect(binaryMessages == [])
        let (text, textMessages) = LoadingSpec.schema("{type: string, x-pixel-size-equals: size}")
        #expect(try #require(text).pixelSizeEquals == nil)
        #expect(textMessages == ["7:43: error: 'x-pixel-size-equals' applies to binary (file) properties only"])
    }

    @Test func deepNestingStopsAtTheBudgetWithOneErrorAndNoCrash() {
        let depth = SchemaBudget.maxDepth + 8
        let body =
            String(repeating: "{type: array, items: ", count: depth) + "{type: string}"
            + String(repeating: "}", count: depth)
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(schema != nil)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "error: schemas nest deeper than 32 levels (counting inline '$ref's followed); "
                    + "move inner schemas to components/schemas") == true)
        // The 33rd schema is refused: 32 `{type: array, items: ` of 21 characters each come before it.
        #expect(messages.first?.hasPrefix("7:\(7 + 32 * 21):") == true)
    }

    @Test func constraintsOfEachTypeOfATypeListGoToTheirAlternative() throws {
        let (schema, messages) = LoadingSpec.schema("{type: [string, integer], maxLength: 5, minimum: 1}")
        let loaded = try #require(schema)
        guard case .union(let union) = loaded.kind else {
            Issue.record("expected a union, got \(LoadingSpec.summary(loaded))")
            return
        }
        #expect(union.alternatives.map(\.constraints.maxLength) == [5, nil])
        #expect(union.alternatives.map(\.constraints.minimum?.text) == [nil, "1"])
        // Valid JSON Schema: each keyword applies to the values of its type.
        #expect(messages == [])
    }

    @Test func aKeywordForNoTypeOfATypeListIsReportedOnce() {
        let (_, messages) = LoadingSpec.schema("{type: [string, integer], maxLength: 5, minItems: 1}")
        #expect(messages == ["7:47: warning: 'minItems' applies to arrays only; ignored"])
    }
}
