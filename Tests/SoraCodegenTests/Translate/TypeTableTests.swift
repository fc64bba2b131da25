import Testing
import YAML

@testable import SoraCodegen

/// The type table: the Swift name of every named schema (with clashes reported once, where they are), and the
/// walks through `$ref` chains the translators rely on.
@Suite struct TypeTableTests {
    private typealias Spec = TranslationSpec

    private func table(_ schemas: String, clientName: String = "APIClient") throws -> (TypeTable, [String]) {
        Spec.table(try Spec.document(Spec.text(schemas: schemas)), clientName: clientName)
    }

    // MARK: Swift names

    @Test(arguments: [
        ("video_list", "VideoList"), ("video-list", "VideoList"), ("APIError", "APIError"), ("4k", "_4k"),
        ("a/b~c", "ABC"), ("Type", "TypeValue"), ("self", "SelfValue"), ("x.y.z", "XYZ"),
    ])
    func aSchemaNameBecomesItsSwiftTypeName(spec: String, swift: String) throws {
        let (table, messages) = try table("    '\(spec)': {type: string}")
        #expect(messages.isEmpty)
        #expect(table.swiftNames == [spec: swift])
        #expect(table.swiftName(spec) == swift)
    }

    @Test func aNameTheTableDoesNotHoldIsConvertedTheSameWay() throws {
        let (table, _) = try table("    A: {type: string}")
        #expect(table.swiftName("not_listed") == "NotListed")
        #expect(table.schemas["not_listed"] == nil)
    }

    @Test func namesThatDifferOnlyInPunctuationOrCaseOfWordsClashAndTheFirstKeepsTheName() throws {
        let (table, messages) = try table(
            """
                video_list: {type: string}
                VideoList: {type: integer}
                video-list!: {type: boolean}
            """)
        #expect(
            messages == [
                "spec.yaml:6:5: error: schema 'VideoList' becomes the Swift type 'VideoList', which schema "
                    + "'video_list' already has",
                "spec.yaml:7:5: error: schema 'video-list!' becomes the Swift type 'VideoList', which schema "
                    + "'video_list' already has",
            ])
        // Every schema keeps an entry; the clash is reported, not renamed away.
        #expect(table.swiftNames == ["video_list": "VideoList", "VideoList": "VideoList", "video-list!": "VideoList"])
    }

    @Test func namesThatDifferOnlyInLetterCaseAreDistinctTypesInDistinctFiles() throws {
        let (table, messages) = try table("    VideoList: {type: string}\n    Videolist: {type: integer}")
        #expect(messages.isEmpty)
        #expect(table.swiftNames == ["VideoList": "VideoList", "Videolist": "Videolist"])
        // Swift tells them apart; a case-insensitive disk would not, so the second file gets a number.
        let result = Spec.generate(Spec.text(schemas: "    VideoList: {type: string}\n    Videolist: {type: integer}"))
        #expect(Spec.messages(result).isEmpty)
        #expect(Spec.file(result, "Models/VideoList.swift").contains("public typealias VideoList = String\n"))
        #expect(Spec.file(result, "Models/Videolist2.swift").contains("public typealias Videolist = Int\n"))
    }

    @Test func theClientTypesNameIsTakenFromTheStart() throws {
        let (_, messages) = try table("    api_client: {type: string}\n    Other: {type: string}", clientName: "Other")
        #expect(
            messages == [
                "spec.yaml:6:5: error: schema 'Other' becomes the Swift type 'Other', which the client type "
                    + "(info.x-client-name) already has"
            ])
        let (_, defaultName) = try table("    APIClient: {type: string}")
        #expect(defaultName.count == 1)
        #expect(defaultName.first?.hasPrefix("spec.yaml:5:5: error: schema 'APIClient' becomes the Swift type") == true)
    }

    @Test(arguments: ["String", "Indirect", "JSONValue", "Validator", "CodingKeys", "Date", "URL", "OpenStringEnum"])
    func aReservedRuntimeNameGetsAModelSuffixAndAWarning(name: String) throws {
        let (table, messages) = try table("    \(name): {type: string}")
        #expect(table.swiftName(name) == name + "Model")
        #expect(
            messages == [
                "spec.yaml:5:5: warning: schema '\(name)' is generated as '\(name)Model' so it does not shadow "
                    + "Swift's or the runtime's '\(name)'"
            ])
    }

    @Test func aSuffixedNameCanStillClashWithASchemaOfThatName() throws {
        let (table, messages) = try table("    String: {type: string}\n    StringModel: {type: integer}")
        #expect(table.swiftNames == ["String": "StringModel", "StringModel": "StringModel"])
        #expect(
            messages == [
                "spec.yaml:5:5: warning: schema 'String' is generated as 'StringModel' so it does not shadow Swift's "
                    + "or the runtime's 'String'",
                "spec.yaml:6:5: error: schema 'StringModel' becomes the Swift type 'StringModel', which schema "
                    + "'String' already has",
            ])
    }

    @Test func aClashIsReportedOnceForEachLaterSchemaAndThroughTheGenerator() {
        let result = Spec.generate(Spec.text(schemas: "    a_b: {type: string}\n    AB: {type: string}"))
        #expect(result.files.isEmpty, "an error stops generation")
        #expect(
            Spec.messages(result) == [
                "spec.yaml:6:5: error: schema 'AB' becomes the Swift type 'AB', which schema 'a_b' already has"
            ])
    }

    // MARK: $ref chains

    private static let chain = """
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/C'}
            C: {type: object, properties: {x: {type: string}}}
            D: {$ref: '#/components/schemas/E'}
            E: {type: [integer, 'null']}
            F: {anyOf: [{$ref: '#/components/schemas/C'}, {type: 'null'}]}
            G: {$ref: '#/components/schemas/F'}
        """

    private func reference(_ name: String) -> Schema {
        Schema(mark: Mark(line: 1, column: 1), kind: .reference(name))
    }

    @Test func resolvedFollowsAChainToTheSchemaThatDefinesTheValue() throws {
        let (table, _) = try table(Self.chain)
        guard case .object(let object)? = table.resolved(reference("A"))?.kind else {
            Issue.record("A does not resolve to C's object")
            return
        }
        #expect(object.properties.map(\.name) == ["x"])
        guard case .integer? = table.resolved(reference("D"))?.kind else {
            Issue.record("D does not resolve to E's integer")
            return
        }
        let plain = Schema(mark: Mark(line: 1, column: 1), kind: .boolean)
        guard case .boolean? = table.resolved(plain)?.kind else {
            Issue.record("a schema that is no reference is its own resolution")
            return
        }
        #expect(table.resolved(reference("Missing")) == nil)
        #expect(table.resolved(reference("Z")) == nil, "a chain that ends in a missing name resolves to nothing")
    }

    @Test func isNullableSeesNullOnTheSchemaOrAnyAliasOnTheWay() throws {
        let (table, _) = try table(Self.chain)
        #expect(table.isNullable(reference("D")), "E is [integer, null]")
        #expect(table.isNullable(reference("F")))
        #expect(table.isNullable(reference("G")), "G → F, and F allows null though it resolves to C")
        #expect(!table.isNullable(reference("A")))
        #expect(!table.isNullable(reference("C")))
        #expect(!table.isNullable(reference("Missing")))
        var nullable = reference("A")
        nullable.isNullable = true
        #expect(table.isNullable(nullable))
    }

    @Test func objectNameIsTheLastNameOfAChainEndingInAnObject() throws {
        let (table, _) = try table(Self.chain)
        #expect(table.objectName(reference("A")) == "C")
        #expect(table.objectName(reference("C")) == "C")
        #expect(table.objectName(reference("D")) == nil, "an integer is no object")
        #expect(table.objectName(reference("Missing")) == nil)
        #expect(table.objectName(Schema(mark: Mark(line: 1, column: 1), kind: .object(ObjectSchema()))) == nil)
    }

    @Test(arguments: [
        ["S"],  // S → S
        ["A", "B"],  // A → B → A
        ["A", "B", "C"],  // A → B → C → A
        ["A", "B", "C", "D", "E"],  // past the loop guard's two inline names
    ])
    func aReferenceLoopResolvesToNothingAndEnds(names: [String]) throws {
        let schemas = names.indices.map { index in
            "    \(names[index]): {$ref: '#/components/schemas/\(names[(index + 1) % names.count])'}"
        }.joined(separator: "\n")
        var document = try Spec.document(Spec.text(schemas: "    Seed: {type: string}"))
        // Built by hand: the loader reports such loops, so the generator never hands one over.
        document.schemas = names.indices.map { index in
            NamedSchema(
                name: names[index], schema: reference(names[(index + 1) % names.count]),
                mark: Mark(line: index + 5, column: 5))
        }
        let (table, messages) = Spec.table(document)
        #expect(messages.isEmpty)
        for name in names {
            #expect(table.resolved(reference(name)) == nil)
            #expect(!table.isNullable(reference(name)))
            #expect(table.objectName(reference(name)) == nil)
        }
        // The generator stops such a document at loading, with the loop named.
        let result = Spec.generate(Spec.text(schemas: schemas))
        #expect(result.files.isEmpty)
        #expect(Spec.messages(result).contains { $0.contains("error: $ref loop with no object in between: ") })
    }

    @Test func aLoopReachedAfterALeadInResolvesToNothing() throws {
        var document = try Spec.document(Spec.text(schemas: "    Seed: {type: string}"))
        document.schemas = [("X", "A"), ("A", "B"), ("B", "A")].map { pair in
            NamedSchema(name: pair.0, schema: reference(pair.1), mark: Mark(line: 5, column: 5))
        }
        let (table, _) = Spec.table(document)
        #expect(table.resolved(reference("X")) == nil)
        #expect(table.objectName(reference("X")) == nil)
        #expect(!table.isNullable(reference("X")))
    }

    // MARK: Recursion boxing

    private func boxed(_ schemas: String) throws -> Set<String> {
        let document = try Spec.document(Spec.text(schemas: schemas))
        let (table, _) = Spec.table(document)
        return RecursionBreaker.boxedProperties(document, table: table)
    }

    @Test func aStructHoldingItselfIsBoxedAtThatProperty() throws {
        #expect(
            try boxed(
                """
                    Node:
                      type: object
                      properties:
                        value: {type: string}
                        next: {$ref: '#/components/schemas/Node'}
                """) == ["Node.next"])
    }

    @Test func mutualRecursionIsBrokenOnceWhereTheWalkCloses() throws {
        let schemas = """
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
            """
        #expect(try boxed(schemas) == ["B.a"])
        let three = """
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                B: {type: object, properties: {c: {$ref: '#/components/schemas/C'}}}
                C: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, c: {$ref: '#/components/schemas/C'}}}
            """
        #expect(try boxed(three) == ["C.a", "C.c"])
    }

    @Test func recursionThroughArraysMapsAndUnionsIsNotBoxed() throws {
        #expect(
            try boxed(
                """
                    Tree:
                      type: object
                      properties:
                        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
                        byName: {type: object, additionalProperties: {$ref: '#/components/schemas/Tree'}}
                        either: {oneOf: [{$ref: '#/components/schemas/Tree'}, {type: string}]}
                """
            ).isEmpty)
    }

    @Test func anOptionalIsStoredInlineSoItIsBoxed() throws {
        // `Optional<Node>` holds a `Node` inline: only a box gives the struct a size.
        #expect(
            try boxed(
                """
                    Node:
                      type: object
                      properties:
                        next: {anyOf: [{$ref: '#/components/schemas/Node'}, {type: 'null'}]}
                """) == ["Node.next"])
    }

    @Test func recursionThroughAnInlineObjectOrAnAliasIsBoxed() throws {
        #expect(
            try boxed(
                """
                    Wrapper:
                      type: object
                      properties:
                        inner: {type: object, properties: {back: {$ref: '#/components/schemas/Wrapper'}}}
                    Alias: {$ref: '#/components/schemas/Aliased'}
                    Aliased:
                      type: object
                      properties:
                        again: {$ref: '#/components/schemas/Alias'}
                    Plain:
                      type: object
                      properties:
                        other: {$ref: '#/components/schemas/Aliased'}
                """) == ["Wrapper.inner", "Aliased.again"])
    }

    @Test func boxedPropertiesAreStoredOutOfLineInTheGeneratedStruct() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        A:
                          type: object
                          required: [b]
                          properties:
                            b: {$ref: '#/components/schemas/B'}
                        B:
                          type: object
                          required: [a]
                          properties:
                            a: {$ref: '#/components/schemas/A'}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let a = Spec.code(Spec.file(result, "Models/A.swift"))
        #expect(a.contains("public var b: B"))
        #expect(!a.contains { $0.contains("Indirect") }, "one box per cycle")
        let b = Spec.code(Spec.file(result, "Models/B.swift"))
        #expect(b.contains("private var _a: Indirect<A>"))
        #expect(b.contains("_a = Indirect(newValue)"))
        #expect(b.contains("self._a = Indirect(a)"))
        #expect(b.contains("validator.nested(a, field: \"a\")"))
        #expect(b.contains("case _a = \"a\""))
    }
}
