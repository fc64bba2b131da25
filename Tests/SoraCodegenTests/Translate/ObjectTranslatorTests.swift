import SoraCodegen
import Testing

/// Object schemas: flat structs whose members, initialiser, coding keys and coders follow the spec's
/// properties, `required`, nullability, defaults and `additionalProperties`.
@Suite struct ObjectTranslatorTests {
    typealias Spec = TranslationSpec

    func model(_ schemas: String, _ name: String = "Other", version: String = "3.1.0") -> (
        String, [String]
    ) {
        let result = Spec.generate(Spec.text(schemas: schemas, version: version))
        return (Spec.file(result, "Models/\(name).swift"), Spec.messages(result))
    }

    @Test func everyConstAndAnIntegerEnumsDefaultAreInitDefaultsAndATitleLeadsTheDoc() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  required: [kind, version, ratio, final, level]
                  properties:
                    kind: {const: message}
                    version: {const: 2}
                    ratio: {type: number, const: 0.5}
                    final: {const: true}
                    level: {type: integer, enum: [1, 2], default: 2}
                    a: {type: string, title: The A field, description: More about it.}
            """)
        #expect(messages.isEmpty)
        let code = Spec.code(file)
        for parameter in [
            "kind: String = \"message\",", "version: Int = 2,", "ratio: Double = 0.5,", "final: Bool = true,",
            "level: Level = 2,",
        ] {
            #expect(code.contains(parameter), "\(parameter)")
        }
        #expect(file.contains("    /// The A field\n    ///\n    /// More about it.\n"))
    }

    @Test func requiredOptionalAndNullableMembersInBothVersions() {
        let schemas30 = """
                Other:
                  type: object
                  required: [id, note, count]
                  properties:
                    id: {type: string}
                    note: {type: string, nullable: true}
                    count: {type: integer}
                    extra: {type: boolean}
            """
        let schemas31 = """
                Other:
                  type: object
                  required: [id, note, count]
                  properties:
                    id: {type: string}
                    note: {type: [string, 'null']}
                    count: {type: integer}
                    extra: {type: boolean}
            """
        for (version, schemas) in [("3.0.3", schemas30), ("3.1.0", schemas31)] {
            let (file, messages) = model(schemas, version: version)
            #expect(messages.isEmpty, "\(version)")
            let code = Spec.code(file)
            #expect(code.contains("public struct Other: Codable, Hashable, Sendable, Validatable {"))
            #expect(code.contains("public var id: String"), "\(version)")
            #expect(code.contains("public var note: String?"), "\(version)")
            #expect(code.contains("public var count: Int"), "\(version)")
            #expect(code.contains("public var extra: Bool?"), "\(version)")
            #expect(
                file.contains(
                    "    public init(\n        id: String,\n        note: String? = nil,\n        count: Int,\n"
                        + "        extra: Bool? = nil\n    ) {\n"),
                "\(version)")
            #expect(code.contains("public func encode(to encoder: any Encoder) throws {"), "\(version)")
            #expect(code.contains("try container.encode(note, forKey: .note)"), "\(version)")
            #expect(code.contains("try container.encodeIfPresent(extra, forKey: .extra)"), "\(version)")
        }
    }

    @Test func withoutRequiredNullablesTheSynthesisedEncoderIsUsed() {
        let (file, _) = model(
            """
                Other:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    note: {type: [string, 'null']}
            """)
        #expect(!file.contains("func encode(to"))
        #expect(file.contains("    enum CodingKeys: String, CodingKey {\n        case id\n        case note\n    }\n"))
    }

    @Test func defaultsBecomeInitialiserDefaultsOnlyWhenTheyFitTheType() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  required: [s, i, d, b, wrong]
                  properties:
                    s: {type: string, default: hi}
                    i: {type: integer, default: 3}
                    d: {type: number, default: 2}
                    b: {type: boolean, default: true}
                    wrong: {type: integer, default: three}
                    c: {const: fixed}
                    o: {type: string, default: unused}
            """)
        #expect(
            messages == [
                "spec.yaml:13:41: warning: 'default' is the string 'three', which does not fit the schema's type; "
                    + "ignored"
            ])
        #expect(
            file.contains(
                "        s: String = \"hi\",\n        i: Int = 3,\n        d: Double = 2.0,\n        b: Bool = true,\n"
                    + "        wrong: Int,\n        c: String? = \"fixed\",\n        o: String? = nil\n"))
        #expect(
            file.contains("    /// Default: `hi`\n    ///\n    /// Spec: `#/components/schemas/Other/properties/s`\n"))
    }

    @Test func hostileTextStaysInCommentsAndLiterals() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  title: "Title */ \\n}"
                  description: "/* struct Evil {} */"
                  required: [q]
                  properties:
                    q:
                      type: string
                      description: "\\"\\"\\"\\n#endif"
                      default: "\\\\(boom) \\" \\n"
                      example: "*/ x"
                    'a"b\\c': {type: string}
                    '*/x': {type: string}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("/// Title */\n/// }\n///\n/// /* struct Evil {} */\n///\n/// Spec: "))
        #expect(file.contains("    /// \"\"\"\n    /// #endif\n    ///\n    /// Default: `\\(boom) \"\n    /// `\n"))
        #expect(file.contains("    /// Example: `*/ x`\n"))
        #expect(file.contains("public init(\n        q: String = \"\\\\(boom) \\\" \\n\",\n"))
        #expect(file.contains("        case aBC = \"a\\\"b\\\\c\"\n"))
        #expect(file.contains("        case x = \"*/x\"\n"))
        #expect(file.contains("    /// Spec: `#/components/schemas/Other/properties/*~1x`\n"))
    }

    @Test func propertiesNamedLikeGeneratedMembersOrKeywordsAreRenamed() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  properties:
                    validate: {type: string}
                    encodeFields: {type: string}
                    '': {type: string}
                    self: {type: string}
                    default: {type: string}
            """)
        #expect(
            messages == [
                "spec.yaml:8:9: warning: property 'validate' would become the Swift property 'validate', which the "
                    + "generated code uses; it is 'validate2'",
                "spec.yaml:9:9: warning: property 'encodeFields' would become the Swift property 'encodeFields', "
                    + "which the generated code uses; it is 'encodeFields2'",
            ])
        let code = Spec.code(file)
        #expect(code.contains("public var validate2: String?"))
        #expect(code.contains("case validate2 = \"validate\""))
        #expect(code.contains("public var empty: String?"))
        #expect(code.contains("case empty = \"\""))
        #expect(code.contains("public var self_: String?"))
        #expect(code.contains("case self_ = \"self\""))
        #expect(code.contains("public var `default`: String?"))
        #expect(code.contains("self.`default` = `default`"))
        #expect(code.contains("case `default`"))
    }

    @Test func inlineObjectsArraysAndMapsGetNestedTypesNamedAfterTheProperty() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  properties:
                    owner: {type: object, properties: {name: {type: string}}}
                    items: {type: array, items: {type: object, properties: {n: {type: integer}}}}
                    scores: {type: object, additionalProperties: {type: [number, 'null']}}
                    anything: {}
                    when: {type: string, format: date-time}
            """)
        #expect(messages.isEmpty)
        let code = Spec.code(file)
        #expect(code.contains("public var owner: Owner?"))
        #expect(code.contains("public var items: [ItemsItem]?"))
        #expect(code.contains("public var scores: [String: Double?]?"))
        #expect(code.contains("public var anything: JSONValue?"))
        #expect(code.contains("public var when: Date?"))
        #expect(code.contains("public struct Owner: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("public struct ItemsItem: Codable, Hashable, Sendable, Validatable {"))
        #expect(file.hasPrefix("// DO NOT EDIT") && file.contains("import Foundation\n"))
        #expect(code.contains("validator.nested(owner, field: \"owner\")"))
        #expect(code.contains("validator.nested(each: items, field: \"items\")"))
    }

    @Test func readOnlyAndWriteOnlyThroughAReferenceAreOptionalToo() {
        let (file, messages) = model(
            """
                Stamp: {type: string, readOnly: true}
                Other:
                  type: object
                  required: [stamp, name]
                  properties:
                    stamp: {$ref: '#/components/schemas/Stamp'}
                    name: {type: string}
            """)
        #expect(messages.isEmpty)
        let code = Spec.code(file)
        #expect(code.contains("public var stamp: Stamp?"))
        #expect(code.contains("public var name: String"))
        #expect(file.contains("/// Read-only: the server sets it; requests leave it out when nil.\n"))
    }

    // MARK: additionalProperties

    @Test(arguments: [
        ("true", "JSONValue"), ("{}", "JSONValue"), ("{type: string}", "String"),
        ("{type: array, items: {type: integer}}", "[Int]"), ("{$ref: '#/components/schemas/Thing'}", "Thing"),
    ])
    func additionalPropertiesBesidePropertiesKeepTheOtherKeys(extra: String, valueType: String) {
        let (file, messages) = model(
            """
                Thing: {type: object, properties: {a: {type: string}}}
                Other:
                  type: object
                  additionalProperties: \(extra)
                  properties:
                    id: {type: string}
            """)
        #expect(messages.isEmpty)
        let code = Spec.code(file)
        #expect(code.contains("public var additionalProperties: [String: \(valueType)]"))
        #expect(code.contains("public init(id: String? = nil, additionalProperties: [String: \(valueType)] = [:]) {"))
        #expect(code.contains("static let knownKeys: Set<String> = [\"id\"]"))
        #expect(code.contains("self.id = try container.decodeIfPresent(String.self, forKey: .id)"))
        #expect(
            code.contains(
                "try AdditionalProperties.encode(additionalProperties, to: encoder, excluding: Self.knownKeys)"))
    }

    @Test func additionalPropertiesFalseIsAPlainStruct() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  additionalProperties: false
                  properties:
                    id: {type: string}
            """)
        #expect(messages.isEmpty)
        #expect(!file.contains("additionalProperties"))
        #expect(!file.contains("knownKeys"))
        #expect(file.contains("    enum CodingKeys: String, CodingKey {\n        case id\n    }\n"))
    }

    @Test func anInlineObjectAsAdditionalPropertiesIsANestedType() {
        let (file, _) = model(
            """
                Other:
                  type: object
                  additionalProperties: {type: object, properties: {z: {type: integer}}}
                  properties:
                    id: {type: string}
            """)
        let code = Spec.code(file)
        #expect(code.contains("public var additionalProperties: [String: AdditionalProperty]"))
        #expect(code.contains("public struct AdditionalProperty: Codable, Hashable, Sendable, Validatable {"))
        #expect(file.contains("/// Spec: `#/components/schemas/Other/additionalProperties/properties/z`\n"))
    }

    @Test func aMapWithoutPropertiesIsADictionaryAlias() {
        let (file, messages) = model("    Other:\n      type: object\n      additionalProperties: {type: integer}")
        #expect(messages.isEmpty)
        #expect(Spec.code(file).contains("public typealias Other = [String: Int]"))
        let (free, _) = model("    Other: {type: object}")
        #expect(Spec.code(free).contains("public typealias Other = [String: JSONValue]"))
    }

    @Test func boxedMembersAreDecodedAndEncodedThroughTheirStorageBesideAdditionalProperties() {
        let (file, messages) = model(
            """
                Other:
                  type: object
                  required: [next]
                  additionalProperties: {type: string}
                  properties:
                    next: {$ref: '#/components/schemas/Other'}
            """)
        #expect(messages.isEmpty)
        let code = Spec.code(file)
        #expect(code.contains("self._next = try container.decode(Indirect<Other>.self, forKey: ._next)"))
        #expect(code.contains("try container.encode(_next, forKey: ._next)"))
        #expect(code.contains("case _next = \"next\""))
        #expect(code.contains("static let knownKeys: Set<String> = [\"next\"]"))
    }

}
