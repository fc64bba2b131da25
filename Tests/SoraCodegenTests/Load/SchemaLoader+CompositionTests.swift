import Testing
import YAML

@testable import SoraCodegen

/// `allOf` merging, `oneOf`/`anyOf` unions and their idioms, and `discriminator`.
@Suite struct SchemaLoaderCompositionTests {
    static let components = """
        Base: {type: object, required: [id], properties: {id: {type: integer}}}
        Cat: {type: object, properties: {kind: {type: string}, purrs: {type: boolean}}}
        Dog: {type: object, properties: {kind: {type: string}, barks: {type: boolean}}}
        Name: {type: string}

        """

    static func loaded(_ body: String, version: String = "3.1.0") throws -> (Schema, [String]) {
        let (schema, messages) = LoadingSpec.schema(body, version: version, others: components)
        return (try #require(schema), messages)
    }

    @Test func allOfJoinsObjectPartsAndTheirRequiredLists() throws {
        let (schema, messages) = try Self.loaded(
            """
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                required: [extra, id]
                properties:
                  extra: {type: string}
            """)
        #expect(LoadingSpec.summary(schema) == "{id!: integer, extra!: string}")
        guard case .object(let object) = schema.kind else { return }
        #expect(object.requiredNames == ["id", "extra"])
        #expect(messages == [])
    }

    @Test func allOfWithTheSchemasOwnPropertiesPutsThemFirst() throws {
        let (schema, messages) = try Self.loaded(
            "{type: object, properties: {own: {type: string}}, allOf: [{$ref: '#/components/schemas/Base'}]}")
        #expect(LoadingSpec.summary(schema) == "{own: string, id!: integer}")
        #expect(messages == [])
    }

    @Test func aLaterPartRefinesAnEarlierPropertyAndKeepsItRequired() throws {
        let (schema, messages) = try Self.loaded(
            "{allOf: [{$ref: '#/components/schemas/Base'}, {properties: {id: {type: integer, format: int64}}}]}")
        #expect(LoadingSpec.summary(schema) == "{id!: integer:int64}")
        #expect(messages == [])
    }

    @Test(arguments: ["3.0.3", "3.1.0"])
    func theAllOfWrapperIsItsOnePart(_ version: String) throws {
        let (schema, messages) = try Self.loaded(
            "{description: a name, nullable: true, allOf: [{$ref: '#/components/schemas/Name'}]}", version: version)
        #expect(LoadingSpec.summary(schema) == "$Name?")
        #expect(schema.description == "a name")
        #expect(messages == [])
    }

    @Test func annotationPartsOnlyAnnotate() throws {
        let (schema, messages) = try Self.loaded(
            "{allOf: [{description: from a part}, {$ref: '#/components/schemas/Cat'}, {type: 'null'}]}")
        #expect(LoadingSpec.summary(schema) == "$Cat?")
        #expect(schema.description == "from a part")
        #expect(messages == [])
    }

    @Test func aScalarPartWithRulePartsIsThatScalarWithEveryRule() throws {
        let (schema, messages) = try Self.loaded(
            "{allOf: [{type: string}, {minLength: 2}, {maxLength: 9, minLength: 5}]}")
        #expect(LoadingSpec.summary(schema) == "string")
        #expect(schema.constraints.minLength == 2)
        #expect(schema.constraints.maxLength == 9)
        #expect(messages == [])
    }

    @Test func partsThatAreNotAllObjectsAreAny() throws {
        let (schema, messages) = try Self.loaded("{allOf: [{type: string}, {type: integer}]}")
        #expect(LoadingSpec.summary(schema) == "any")
        #expect(
            messages == [
                "7:8: warning: 'allOf' combines parts that are not all objects, which no one Swift type can hold; "
                    + "generated as JSONValue"
            ])
    }

    @Test func allOfMustBeASequence() throws {
        let (_, messages) = try Self.loaded("{allOf: {$ref: '#/components/schemas/Base'}}")
        #expect(messages == ["7:15: error: 'allOf' must be a sequence, found a mapping"])
    }

    @Test func oneOfWithADiscriminatorMapping() throws {
        let (schema, messages) = try Self.loaded(
            """
            oneOf:
              - $ref: '#/components/schemas/Cat'
              - $ref: '#/components/schemas/Dog'
            discriminator:
              propertyName: kind
              mapping:
                cat: '#/components/schemas/Cat'
                dog: Dog
            """)
        #expect(LoadingSpec.summary(schema) == "oneOf($Cat | $Dog)")
        guard case .union(let union) = schema.kind else { return }
        #expect(!union.isAnyOf)
        let discriminator = try #require(union.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping.map(\.value) == ["cat", "dog"])
        #expect(discriminator.mapping.map(\.schema) == ["Cat", "Dog"])
        #expect(discriminator.mark == Mark(line: 11, column: 9))
        #expect(messages == [])
    }

    @Test func aMappingToSomethingThatIsNotAComponentSchemaIsDropped() throws {
        let (schema, messages) = try Self.loaded(
            """
            anyOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
            discriminator:
              propertyName: kind
              mapping: {bird: '#/components/schemas/Bird', cat: Cat}
            """)
        guard case .union(let union) = schema.kind else {
            Issue.record("not a union: \(LoadingSpec.summary(schema))")
            return
        }
        #expect(union.isAnyOf)
        #expect(union.discriminator?.mapping.map(\.value) == ["cat"])
        #expect(
            messages == [
                "10:25: warning: discriminator mapping 'bird' points to '#/components/schemas/Bird', which is not a "
                    + "component schema; ignored"
            ])
    }

    @Test func aDiscriminatorWithoutPropertyNameIsIgnored() throws {
        let (schema, messages) = try Self.loaded(
            "{oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}], discriminator: {}}")
        guard case .union(let union) = schema.kind else { return }
        #expect(union.discriminator == nil)
        #expect(messages == ["7:104: warning: 'discriminator' needs 'propertyName'; it is ignored"])
    }

    @Test func aDiscriminatorWithoutAlternativesIsNotUsed() throws {
        let (_, messages) = try Self.loaded(
            "{type: object, properties: {kind: {type: string}}, discriminator: {propertyName: kind}}")
        #expect(
            messages == [
                "7:58: warning: 'discriminator' without 'oneOf' or 'anyOf' is not used (allOf children are merged types)"
            ])
    }

    static let idioms: [(body: String, summary: String)] = [
        ("{oneOf: [{type: string}, {type: 'null'}]}", "string?"),
        ("{anyOf: [{$ref: '#/components/schemas/Name'}, {type: 'null'}]}", "$Name?"),
        ("{oneOf: [{type: integer}]}", "integer"),
        ("{oneOf: [{type: integer}, {type: string}]}", "oneOf(integer | string)"),
        ("{anyOf: [{type: integer}, {type: string}]}", "anyOf(integer | string)"),
        ("{anyOf: [{type: string}, {enum: [a, b]}]}", "enum(a,b)"),
        ("{anyOf: [{type: string, enum: [x, y]}, {type: string}]}", "enum(x,y)"),
        ("{oneOf: [{const: a}, {const: b}, {enum: [c]}]}", "enum(a,b,c)"),
        (
            "{type: object, oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}",
            "oneOf($Cat | $Dog)"
        ),
        (
            "{oneOf: [{type: array, items: {type: string}}, {type: 'null'}, {type: boolean}]}",
            "oneOf([string] | boolean)?"
        ),
    ]

    @Test(arguments: idioms)
    func alternativesAndTheirIdioms(_ body: String, _ summary: String) throws {
        let (schema, messages) = try Self.loaded(body)
        #expect(LoadingSpec.summary(schema) == summary)
        #expect(messages == [])
    }

    @Test func alternativesThatOnlyListRequiredPropertiesKeepTheObject() throws {
        let (schema, messages) = try Self.loaded(
            "{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}"
        )
        #expect(LoadingSpec.summary(schema) == "{a: string, b: string}")
        #expect(
            messages == [
                "7:74: warning: 'oneOf' alternatives that only list required properties are not checked before sending"
            ])
    }

    @Test func alternativesNextToOwnPropertiesAreAny() throws {
        let (schema, messages) = try Self.loaded(
            "{type: object, properties: {a: {type: string}}, anyOf: [{type: string}, {type: integer}]}")
        #expect(LoadingSpec.summary(schema) == "any")
        #expect(
            messages == [
                "7:55: warning: 'anyOf' next to the schema's own type or properties is not generated; generated as "
                    + "JSONValue"
            ])
    }

    @Test func oneOfMustBeASequence() throws {
        let (_, messages) = try Self.loaded("{oneOf: {type: string}}")
        #expect(messages == ["7:15: error: 'oneOf' must be a sequence, found a mapping"])
    }
}
