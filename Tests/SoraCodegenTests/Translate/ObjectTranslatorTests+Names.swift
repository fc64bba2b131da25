import SoraCodegen
import Testing

/// Names inside a struct that must not collide, and form bodies.
extension ObjectTranslatorTests {
    // MARK: Names inside the struct

    @Test func propertiesWhoseNestedTypesShareANameGetTypesOfTheirOwn() {
        // `a_b` and `aB` are told apart as members (`aB`, `aB2`), but both declare the nested type `AB`:
        // an invalid redeclaration.
        let (file, messages) = model(
            """
                Other:
                  type: object
                  properties:
                    a_b: {type: object, properties: {x: {type: string}}}
                    aB: {type: string, enum: [p, q]}
            """)
        #expect(messages.count == 1)
        let code = Spec.code(file)
        #expect(code.filter { $0.hasSuffix(" AB: Codable, Hashable, Sendable, Validatable {") }.count == 1)
        #expect(code.filter { $0.hasPrefix("public enum AB: ") }.isEmpty)
        #expect(code.contains("public var aB: AB?"))
        #expect(code.contains("public var aB2: AB2?"))
        #expect(code.contains("public enum AB2: OpenStringEnum {"))
    }

    @Test func aPropertyWhoseNestedTypeIsCalledCodingKeysDoesNotCollideWithTheCodingKeys() {
        let (file, _) = model(
            """
                Other:
                  type: object
                  properties:
                    coding_keys: {type: string, enum: [a]}
            """)
        let code = Spec.code(file)
        #expect(code.contains("enum CodingKeys: String, CodingKey {"))
        #expect(!code.contains("public enum CodingKeys: OpenStringEnum {"))
        #expect(code.contains("public var codingKeys: CodingKeys2?"))
        #expect(code.contains("public enum CodingKeys2: OpenStringEnum {"))
    }

    @Test func propertiesNamedLikeTheCodersLocalsAreNotShadowed() {
        // `encode(to encoder:)` declares `encoder` and `container`: properties of those names are shadowed, so
        // `try container.encode(encoder, forKey: .encoder)` encodes the Encoder (it does not compile).
        let (file, _) = model(
            """
                Other:
                  type: object
                  required: [encoder, container]
                  properties:
                    encoder: {type: [string, 'null']}
                    container: {type: [string, 'null']}
            """)
        let code = Spec.code(file)
        #expect(code.contains("public func encode(to encoder: any Encoder) throws {"))
        #expect(!code.contains("try container.encode(encoder, forKey: .encoder)"))
        #expect(!code.contains("try container.encode(container, forKey: .container)"))
        #expect(code.contains("try container.encode(self.encoder, forKey: .encoder)"))
        #expect(code.contains("try container.encode(self.container, forKey: .container)"))
    }

    @Test func aNamedUnionUsedAsAMultipartPartCanWriteItselfAsParts() {
        // The multipart encoder calls `meta?.appendParts(named:to:)`, but a named union gets `appendParts` only
        // when it is itself a request body's schema: "value of type 'Choice' has no member 'appendParts'".
        let result = Spec.generate(
            Spec.text(
                schemas: "    Choice:\n      oneOf: [{type: string}, {type: integer}]",
                paths: Spec.indent(
                    """
                    /up:
                      post:
                        operationId: up
                        requestBody:
                          content:
                            multipart/form-data:
                              schema: {type: object, properties: {meta: {$ref: '#/components/schemas/Choice'}}}
                        responses: {"204": {description: ok}}
                    """, by: 2)))
        #expect(Spec.messages(result).isEmpty)
        #expect(Spec.file(result, "Models/UpRequest.swift").contains("meta?.appendParts(named: \"meta\", to: &form)\n"))
        let choice = Spec.file(result, "Models/Choice.swift")
        #expect(choice.contains("public indirect enum Choice: Codable, Hashable, Sendable, Validatable {"))
        #expect(choice.contains("public func appendParts(named name: String, to form: inout MultipartForm)"))
    }

    // MARK: Form bodies

    @Test func aFormBodyGetsAFieldEncoderThatSendsObjectsAsObjects() {
        let result = Spec.generate(
            Spec.text(
                schemas: """
                        Login:
                          type: object
                          required: [user]
                          properties:
                            user: {type: string}
                            remember: {type: boolean}
                            scopes: {type: array, items: {type: string, enum: [read, write]}}
                            meta: {type: object, properties: {a: {type: string}}}
                    """,
                paths: """
                      /login:
                        post:
                          operationId: login
                          requestBody:
                            required: true
                            content:
                              application/x-www-form-urlencoded:
                                schema: {$ref: '#/components/schemas/Login'}
                          responses: {"204": {description: ok}}
                    """))
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "Models/Login.swift")
        #expect(
            file.contains(
                "    @_spi(Generated) public func encodeFields(into form: inout URLEncodedForm) {\n"
                    + "        form.append(\"user\", user)\n        form.append(\"remember\", remember)\n"
                    + "        form.append(\"scopes\", scopes)\n        form.appendObject(\"meta\", meta)\n    }\n"))
        #expect(file.contains("public struct Login: Codable, Hashable, Sendable, Validatable {"))
        #expect(!file.contains("encodeParts"))
        let operations = Spec.file(result, "Operations/Default.swift")
        #expect(operations.contains("try httpRequest.setFormBody(body, fields: body.encodeFields(into:))\n"))
    }
}
