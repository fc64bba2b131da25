import SoraCodegen
import Testing

/// Tier 1 for the schema forms of real documents: extra keys, read-only fields, dates, list and number rules,
/// typed response headers.
@Suite struct SchemaFormTranslationTests {
    private func otherFile(_ properties: String, required: String = "", extra: String = "") -> (String, [String]) {
        let spec = SpecText.minimal(
            schemas: "    Other:\n      type: object\n\(extra)      properties:\n\(properties)\n\(required)")
        let result = SpecText.generate(spec)
        return (SpecText.file(result, "Models/Other.swift"), SpecText.messages(result))
    }

    @Test func propertiesWithAdditionalPropertiesKeepTheUnnamedKeys() {
        let (file, messages) = otherFile(
            "        id: {type: string}\n        count: {type: integer}", required: "      required: [id]",
            extra: "      additionalProperties: {type: integer}\n")
        #expect(messages.isEmpty)
        #expect(file.contains("public var additionalProperties: [String: Int]\n"))
        #expect(file.contains("static let knownKeys: Set<String> = [\"id\", \"count\"]\n"))
        #expect(file.contains("count: Int? = nil,\n        additionalProperties: [String: Int] = [:]\n"))
        #expect(file.contains("self.id = try container.decode(String.self, forKey: .id)\n"))
        #expect(file.contains("self.count = try container.decodeIfPresent(Int.self, forKey: .count)\n"))
        #expect(
            file.contains(
                "self.additionalProperties = try AdditionalProperties.decode(Int.self, from: decoder, excluding: Self.knownKeys)\n"
            ))
        #expect(
            file.contains(
                "try AdditionalProperties.encode(additionalProperties, to: encoder, excluding: Self.knownKeys)\n"))
    }

    @Test func additionalPropertiesTrueKeepsAnyJSON() {
        let (file, _) = otherFile("        id: {type: string}", extra: "      additionalProperties: true\n")
        #expect(file.contains("public var additionalProperties: [String: JSONValue]\n"))
    }

    @Test func requiredReadOnlyAndWriteOnlyFieldsAreOptional() {
        let (file, messages) = otherFile(
            """
                    id: {type: string, readOnly: true}
                    secret: {type: string, writeOnly: true}
                    old: {type: string, deprecated: true}
                    name: {type: string}
            """, required: "      required: [id, secret, name]")
        #expect(messages.isEmpty)
        #expect(file.contains("public var id: String?\n"))
        #expect(file.contains("public var secret: String?\n"))
        #expect(file.contains("public var name: String\n"))
        #expect(file.contains("/// Read-only: the server sets it; requests leave it out when nil.\n"))
        #expect(file.contains("/// Write-only: sent in requests; answers leave it out.\n"))
        #expect(file.contains("/// Deprecated in the spec.\n"))
        #expect(!file.contains("func encode(to"), "no null-preserving encoder: a nil read-only id is left out")
    }

    @Test func dateTimeIsADateAndItsFileImportsFoundation() {
        let (file, messages) = otherFile(
            """
                    at: {type: string, format: date-time, default: '2024-01-01T00:00:00Z'}
                    day: {type: string, format: date}
                    id: {type: string, format: uuid}
                    link: {type: string, format: uri}
            """, required: "      required: [at]")
        #expect(messages.isEmpty)
        #expect(file.contains("import Foundation\n@_spi(Generated) import SoraRuntime\n"))
        #expect(file.contains("public var at: Date\n"))
        #expect(file.contains("        at: Date,\n"), "a text default is no Date literal, so there is none")
        #expect(file.contains("public var day: String?\n"))
        #expect(file.contains("public var id: String?\n"))
        #expect(file.contains("public var link: String?\n"))
        let (plain, _) = otherFile("        day: {type: string, format: date}")
        #expect(plain.hasPrefix("// DO NOT EDIT") && !plain.contains("import Foundation"))
    }

    @Test func listAndNumberRulesAreChecked() {
        let (file, messages) = otherFile(
            """
                    tags: {type: array, items: {type: string}, minItems: 1, maxItems: 3, uniqueItems: true}
                    page: {type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 2}
                    low: {type: integer, minimum: 5, exclusiveMinimum: 2}
                    ratio: {type: number, exclusiveMinimum: 0, maximum: 1, multipleOf: 0.25}
                    half: {type: integer, exclusiveMaximum: 2.5}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("validator.checkItems(tags, field: \"tags\", minItems: 1, maxItems: 3, unique: true)"))
        #expect(file.contains("validator.check(page, field: \"page\", minimum: 1, maximum: 9, multipleOf: 2)"))
        #expect(file.contains("validator.check(low, field: \"low\", minimum: 5)"))
        #expect(
            file.contains(
                "validator.check(ratio, field: \"ratio\", maximum: 1.0, exclusiveMinimum: 0.0, multipleOf: 0.25)"))
        #expect(file.contains("validator.check(half, field: \"half\", maximum: 2)"))
    }

    @Test func numberAndBooleanEnumsAndConstsAreChecked() {
        let (file, messages) = otherFile(
            """
                    ratio: {type: number, enum: [0.5, 1, 1.5]}
                    level: {type: integer, const: 3}
                    on: {type: boolean, enum: [true]}
                    either: {type: boolean, enum: [true, false]}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("public var ratio: Double?\n"))
        #expect(file.contains("validator.check(ratio, field: \"ratio\", allowed: [0.5, 1.0, 1.5])"))
        #expect(file.contains("validator.check(level, field: \"level\", allowed: [3])"))
        #expect(file.contains("validator.check(on, field: \"on\", allowed: [true])"))
        #expect(!file.contains("field: \"either\""))
    }

    @Test func aFractionalMultipleOfOnAnIntegerIsAWarning() {
        let (file, messages) = otherFile("        n: {type: integer, multipleOf: 0.5}")
        #expect(
            messages == [
                "spec.yaml:30:12: warning: multipleOf 0.5 on an integer is not a positive whole number; it is not checked"
            ])
        #expect(!file.contains("multipleOf"))
    }

    @Test func documentedResponseHeadersGetATypedTwinMethod() {
        let spec = SpecText.minimal(
            paths: """
                  /counts:
                    get:
                      operationId: getCount
                      responses:
                        "200":
                          description: ok
                          headers:
                            X-Rate-Remaining: {schema: {type: integer}, description: Calls left.}
                            X-Trace: {schema: {type: string}}
                            X-Cached: {schema: {type: boolean}}
                          content:
                            application/json:
                              schema: {type: integer}
                  /pings:
                    post:
                      operationId: ping
                      responses:
                        "204":
                          description: done
                          headers:
                            X-Trace: {schema: {type: string}}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let headers = SpecText.file(result, "Models/GetCountResponseHeaders.swift")
        #expect(headers.contains("public struct GetCountResponseHeaders: Hashable, Sendable {"))
        #expect(headers.contains("/// Calls left.\n"))
        #expect(headers.contains("public var xRateRemaining: Int?\n"))
        #expect(headers.contains("public var xTrace: String?\n"))
        #expect(headers.contains("public var xCached: Bool?\n"))
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(operations.contains("public func getCount() async throws(SoraError) -> Int {"))
        #expect(
            operations.contains(
                "public func getCountWithHeaders() async throws(SoraError) -> ResponseWithHeaders<Int, GetCountResponseHeaders> {"
            ))
        #expect(
            operations.contains(
                "let headers = GetCountResponseHeaders(\n"
                    + "            xRateRemaining: httpResponse.header(\"X-Rate-Remaining\", as: Int.self),\n"
                    + "            xTrace: httpResponse.header(\"X-Trace\"),\n"
                    + "            xCached: httpResponse.header(\"X-Cached\", as: Bool.self)\n"
                    + "        )"
            ))
        #expect(operations.contains("return ResponseWithHeaders(body: try await readBody(), headers: headers)"))
        #expect(operations.contains("public func pingWithHeaders() async throws(SoraError) -> PingResponseHeaders {"))
    }
}

/// `$ref` to any place in the document, not only `components`.
@Suite struct AnyPointerReferenceTests {
    /// `/b` reuses `/a`'s parameter and answer through pointers into `paths`.
    static let paths = """
          /a:
            get:
              operationId: getA
              parameters:
                - {name: q, in: query, schema: {type: integer, minimum: 2}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: string}}}}
          /b:
            get:
              operationId: getB
              parameters:
                - $ref: '#/paths/~1a/get/parameters/0'
              responses:
                "200": {$ref: '#/paths/~1a/get/responses/200'}
        """

    @Test func aPointerToNowhereIsOneErrorAtItsPlace() {
        let spec = SpecText.minimal(
            paths: Self.paths + """

                  /c:
                    get:
                      operationId: getC
                      responses:
                        "200": {$ref: '#/paths/~1nowhere/get/responses/200'}
                """)
        let result = SpecText.generate(spec)
        let messages = SpecText.messages(result)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                ": error: '#/paths/~1nowhere/get/responses/200' does not point into this document "
                    + "(only local '#/…' references are read)") == true)
    }

    @Test func aPointerIntoPathsGeneratesLikeTheOriginal() {
        let spec = SpecText.minimal(paths: Self.paths)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(operations.contains("public func getB(q: Int? = nil) async throws(SoraError) -> String {"))
        #expect(operations.contains("validator.check(q, field: \"q\", minimum: 2)"))
    }
}

/// Operations whose answers or parameters once produced code that did not compile or did not decode.
@Suite struct OperationShapeTests {
    @Test func severalInlineAnswersArrayPathsAndInlineDiscriminators() {
        let spec = SpecText.minimal(
            schemas: """
                    Shape:
                      oneOf:
                        - {type: object, required: [kind], properties: {kind: {enum: [circle]}, r: {type: number}}}
                        - {type: object, required: [kind], properties: {kind: {const: square}, side: {type: number}}}
                      discriminator: {propertyName: kind}
                """,
            paths: """
                  /make/{ids}:
                    post:
                      operationId: make
                      parameters:
                        - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                        "201": {description: made, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}
                        "202": {description: later, content: {text/plain: {schema: {type: string}}}}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        #expect(SpecText.file(result, "Models/MakeOkBody.swift").contains("public struct MakeOkBody:"))
        #expect(SpecText.file(result, "Models/MakeCreatedBody.swift").contains("public struct MakeCreatedBody:"))
        #expect(SpecText.file(result, "Models/MakeResponse.swift").contains("public enum MakeResponse:"))
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(operations.contains("public func make(_ ids: [Int]) async throws(SoraError) -> MakeResponse {"))
        #expect(operations.contains("httpRequest.setHeader(\"Accept\", \"application/json, text/plain\")"))
        let shape = SpecText.file(result, "Models/Shape.swift")
        #expect(shape.contains("case \"circle\":"))
        #expect(shape.contains("case \"square\":"))
    }
}
