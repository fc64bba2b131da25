import SoraCodegen
import Testing

/// `oneOf` / `anyOf`: an enum decoded by discriminator or by trying each alternative, or a struct keeping every
/// alternative an overlapping `anyOf` matched.
@Suite struct UnionTranslatorTests {
    private typealias Spec = TranslationSpec

    private static let pets = """
            Cat: {type: object, required: [kind], properties: {kind: {type: string}, lives: {type: integer, minimum: 0}}}
            Dog: {type: object, required: [kind], properties: {kind: {type: string}}}
        """

    private func union(_ schemas: String, _ name: String = "Pet") -> ([String], [String]) {
        let result = Spec.generate(Spec.text(schemas: schemas))
        return (Spec.code(Spec.file(result, "Models/\(name).swift")), Spec.messages(result))
    }

    @Test func aDiscriminatorMappingSelectsTheCaseAndUnmappedComponentsUseTheirName() {
        let (code, messages) = union(
            Self.pets + """

                    Pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                      discriminator:
                        propertyName: kind
                        mapping: {kitty: '#/components/schemas/Cat', "say \\"cat\\"": '#/components/schemas/Cat'}
                """)
        #expect(messages.isEmpty)
        #expect(code.contains("public indirect enum Pet: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("case cat(Cat)"))
        #expect(code.contains("case dog(Dog)"))
        #expect(code.contains("case undocumented(JSONValue)"))
        #expect(code.contains("switch UnionCoding.discriminator(\"kind\", in: decoder) {"))
        #expect(code.contains("case \"kitty\", \"say \\\"cat\\\"\": self = .cat(try Cat(from: decoder))"))
        #expect(code.contains("case \"Dog\": self = .dog(try Dog(from: decoder))"))
        #expect(code.contains("default: self = .undocumented(try JSONValue(from: decoder))"))
        #expect(code.contains("case .cat(let value): try value.encode(to: encoder)"))
        #expect(code.contains("case .cat(let value): try value.validate()"))
        #expect(code.contains("case .dog(let value): try value.validate()"))
    }

    @Test func withoutADiscriminatorAFixedRequiredPropertyIsInferredAsOne() {
        let (code, messages) = union(
            """
                Pet:
                  oneOf:
                    - {type: object, required: [type], properties: {type: {const: text}, body: {type: string}}}
                    - {type: object, required: [type], properties: {type: {enum: [image]}, url: {type: string}}}
            """)
        #expect(messages.isEmpty)
        #expect(code.contains("switch UnionCoding.discriminator(\"type\", in: decoder) {"))
        #expect(code.contains("case \"text\": self = .variant1(try Variant1(from: decoder))"))
        #expect(code.contains("case \"image\": self = .variant2(try Variant2(from: decoder))"))
        #expect(code.contains("public init(type: String = \"text\", body: String? = nil) {"))
    }

    @Test func aPropertyThatIsNotFixedInEveryAlternativeIsNoDiscriminator() {
        let (code, _) = union(
            """
                Pet:
                  oneOf:
                    - {type: object, required: [type], properties: {type: {const: text}}}
                    - {type: object, properties: {type: {const: image}}}
            """)
        #expect(!code.contains { $0.contains("UnionCoding.discriminator") })
        #expect(code.contains("if let value = UnionCoding.attempt(Variant1.self, from: decoder) {"))
    }

    @Test func scalarAlternativesAreTriedInOrderWithIntegersBeforeNumbers() {
        let (code, messages) = union(
            """
                Pet:
                  oneOf:
                    - {type: number}
                    - {type: string}
                    - {type: integer}
                    - {type: array, items: {type: string}}
                    - {type: object, additionalProperties: {type: boolean}}
                    - {type: boolean}
            """)
        #expect(messages.isEmpty)
        let attempts = code.filter { $0.hasPrefix("if let value = UnionCoding.attempt(") }
        #expect(
            attempts == [
                "if let value = UnionCoding.attempt(Int.self, from: decoder) {",
                "if let value = UnionCoding.attempt(Double.self, from: decoder) {",
                "if let value = UnionCoding.attempt(String.self, from: decoder) {",
                "if let value = UnionCoding.attempt([String].self, from: decoder) {",
                "if let value = UnionCoding.attempt([String: Bool].self, from: decoder) {",
                "if let value = UnionCoding.attempt(Bool.self, from: decoder) {",
            ])
        #expect(code.contains("case number(Double)"))
        #expect(code.contains("case dictionary([String: Bool])"))
        #expect(code.contains("case boolean(Bool)"))
        #expect(code.contains("public func validate() throws(ValidationError) {"))
        #expect(!code.contains("switch self {\ncase .number"), "scalars have no rules of their own")
    }

    @Test func anOverlappingAnyOfKeepsEveryAlternativeThatMatched() {
        let (code, messages) = union(
            Self.pets + """

                    Pet:
                      anyOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                """)
        #expect(messages.isEmpty)
        #expect(code.contains("public struct Pet: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("public var cat: Cat?"))
        #expect(code.contains("public var undocumented: JSONValue?"))
        #expect(code.contains("cat = UnionCoding.attempt(Cat.self, from: decoder)"))
        #expect(code.contains("undocumented = cat == nil && dog == nil ? try JSONValue(from: decoder) : nil"))
        // Objects merge into one JSON object.
        #expect(code.contains("try cat?.encode(to: encoder)"))
        #expect(code.contains("try dog?.encode(to: encoder)"))
        #expect(code.contains("try cat?.validate()"))
    }

    @Test func anOverlappingAnyOfOfScalarsEncodesTheFirstThatIsSet() {
        let (code, _) = union("    Pet:\n      anyOf: [{type: string}, {type: string, format: date-time}]")
        #expect(code.contains("public var string: String?"))
        #expect(code.contains("public var string2: Date?"))
        #expect(code.contains("if let string {"))
        #expect(code.contains("try string.encode(to: encoder)"))
        #expect(code.contains("try undocumented?.encode(to: encoder)"))
    }

    @Test func anAnyOfWhoseAlternativesCannotOverlapIsAnEnum() {
        let (code, _) = union("    Pet:\n      anyOf: [{type: integer}, {type: string}, {type: boolean}]")
        #expect(code.contains("public indirect enum Pet: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("case integer(Int)"))
    }

    @Test func aNullAlternativeMakesUsesOptionalAndIsNoCase() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Pet:
                          oneOf: [{type: string}, {type: integer}, {type: 'null'}]
                        Holder:
                          type: object
                          required: [pet]
                          properties:
                            pet: {$ref: '#/components/schemas/Pet'}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let code = Spec.code(Spec.file(result, "Models/Pet.swift"))
        #expect(!code.contains { $0.contains("null") })
        #expect(code.contains("case string(String)"))
        let holder = Spec.code(Spec.file(result, "Models/Holder.swift"))
        #expect(holder.contains("public var pet: Pet?"))
        #expect(holder.contains("try container.encode(pet, forKey: .pet)"))
    }

    @Test func alternativesNamedByTitleAndByKindWithClashesNumbered() {
        let (code, _) = union(
            """
                Pet:
                  oneOf:
                    - {title: Small Cat, type: object, properties: {a: {type: string}}}
                    - {type: string, enum: [x]}
                    - {type: string}
                    - {type: string, format: uuid}
            """)
        #expect(code.contains("case smallCat(SmallCat)"))
        #expect(code.contains("case case2(Case2)"))
        #expect(code.contains("case string(String)"))
        #expect(code.contains("case string4(String)"))
        #expect(code.contains("public struct SmallCat: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("public enum Case2: OpenStringEnum {"))
    }

    @Test func hostileDescriptionsOfAlternativesStayInComments() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Pet:
                          description: "*/ }\\n enum Evil {"
                          oneOf:
                            - {type: string, description: "\\"\\"\\" \\\\(x)\\nnext"}
                            - {type: integer}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "Models/Pet.swift")
        #expect(file.contains("/// */ }\n///  enum Evil {\n///\n/// Spec: `#/components/schemas/Pet`\n"))
        #expect(file.contains("    /// \"\"\" \\(x)\n    /// next\n    case string(String)\n"))
        #expect(file.contains("    /// `Int`\n    case integer(Int)\n"))
    }

    @Test func alternativesWithTheSameTitleGetNestedTypesOfTheirOwn() {
        // The cases are told apart (`firstChoice`, `firstChoice2`), but both nested structs are `FirstChoice`:
        // an invalid redeclaration, and the second case holds the first struct.
        let (code, _) = union(
            """
                Pet:
                  oneOf:
                    - {title: first choice, type: object, properties: {a: {type: string}}}
                    - {title: first choice, type: object, properties: {b: {type: string}}}
            """)
        #expect(code.contains("case firstChoice(FirstChoice)"))
        #expect(code.filter { $0.hasPrefix("public struct FirstChoice:") }.count == 1)
        #expect(!code.contains("case firstChoice2(FirstChoice)"))
        #expect(code.contains("case firstChoice2(FirstChoice2)"))
        #expect(code.contains("public struct FirstChoice2: Codable, Hashable, Sendable, Validatable {"))
    }

    @Test func aUnionWithAFileIsOnlyWrittenAsMultipartParts() {
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                paths: """
                      /up:
                        post:
                          operationId: up
                          requestBody:
                            content:
                              multipart/form-data:
                                schema:
                                  type: object
                                  properties:
                                    input:
                                      oneOf:
                                        - {type: string, format: binary}
                                        - {type: string}
                                        - {type: object, properties: {url: {type: string}}}
                          responses: {"204": {description: ok}}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let code = Spec.code(Spec.file(result, "Models/UpRequest.swift"))
        #expect(code.contains("public enum Input: Hashable, Sendable {"))
        #expect(code.contains("case string(FileUpload)"))
        #expect(
            code.contains(
                "@_spi(Generated) public func appendParts(named name: String, to form: inout MultipartForm) {"))
        #expect(code.contains("case .string(let value): form.append(name, value)"))
        #expect(code.contains("case .string2(let value): form.append(name, value)"))
        #expect(code.contains("case .variant3(let value): form.appendJSON(name, value)"))
        #expect(!code.contains("case undocumented(JSONValue)"), "nothing is decoded, so nothing is undocumented")
        #expect(code.contains("input?.appendParts(named: \"input\", to: &form)"))
    }
}
