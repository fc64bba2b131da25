import SoraCodegen
import Testing

/// What real documents do that a strict reading would refuse: nullable aliases, path-item references, `trace`,
/// multipart part types, unsatisfiable bounds.
@Suite struct DocumentQuirkTests {
    @Test func aRequiredPropertyThroughANullableAliasIsOptional() {
        let spec = SpecText.minimal(
            schemas: """
                    Maybe: {anyOf: [{$ref: '#/components/schemas/Thing'}, {type: 'null'}]}
                    Other:
                      type: object
                      required: [m]
                      properties:
                        m: {$ref: '#/components/schemas/Maybe'}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let file = SpecText.file(result, "Models/Other.swift")
        #expect(file.contains("public var m: Maybe?\n"))
        #expect(file.contains("try container.encode(m, forKey: .m)"), "required: sent as null when nil")
    }

    @Test func pathItemReferencesAndTraceGenerate() {
        let spec = SpecText.minimal(
            paths: """
                  /copy:
                    $ref: '#/components/pathItems/Echo'
                  /probe:
                    trace:
                      operationId: probe
                      parameters:
                        - {name: old, in: query, deprecated: true, schema: {type: string}}
                      responses:
                        "200": {description: ok}
                """
        ).replacingOccurrences(
            of: "components:\n",
            with: """
                components:
                  pathItems:
                    Echo:
                      get:
                        operationId: echo
                        responses:
                          "200": {description: ok, content: {application/json: {schema: {type: string}}}}

                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(operations.contains("OperationRequest(operationID: \"echo\", method: .get, path: \"/copy\")"))
        #expect(operations.contains("OperationRequest(operationID: \"probe\", method: .trace, path: \"/probe\")"))
        #expect(operations.contains("///   - old: `old` (query). Deprecated in the spec.\n"))
    }

    @Test func multipartPartTypesAreSentForValueAndJSONParts() {
        let spec = SpecText.minimal(
            paths: """
                  /uploads:
                    post:
                      operationId: upload
                      requestBody:
                        content:
                          multipart/form-data:
                            schema:
                              type: object
                              properties:
                                meta: {type: object, properties: {a: {type: string}}}
                                note: {type: string}
                                tags: {type: array, items: {type: string}}
                                file: {type: string, format: binary}
                            encoding:
                              meta: {contentType: application/vnd.meta+json}
                              note: {contentType: text/markdown}
                              tags: {contentType: text/csv}
                              file: {contentType: image/png}
                      responses:
                        "204": {description: done}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let body = SpecText.file(result, "Models/UploadRequest.swift")
        #expect(body.contains("form.appendJSON(\"meta\", meta, contentType: \"application/vnd.meta+json\")"))
        #expect(body.contains("form.append(\"note\", note, contentType: \"text/markdown\")"))
        #expect(body.contains("form.append(\"tags\", tags)\n"), "a list of values has no typed overload")
        #expect(body.contains("form.append(\"file\", file)\n"), "a file sends its FileUpload's own type")
    }

    @Test func boundsNoValueMeetsAreWarningsAndLeftUnchecked() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        a: {type: string, minLength: 5, maxLength: 2}
                        b: {type: integer, minimum: 9, maximum: 1}
                        c: {type: array, items: {type: string}, minItems: 3, maxItems: 1}
                """)
        let result = SpecText.generate(spec)
        let messages = SpecText.messages(result)
        #expect(!result.hasErrors)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.contains(": warning: ") && $0.hasSuffix("; neither is checked") })
        #expect(!SpecText.file(result, "Models/Other.swift").contains("validate()"))
    }

    @Test func serversOnlyOnOperationsBecomeTheDefaultAndTheOthersKeepTheirs() {
        let spec = SpecText.minimal(
            paths: """
                  /a:
                    servers: [{url: 'https://api.example.com/v2'}]
                    get:
                      operationId: getA
                      responses: {"204": {description: done}}
                  /b:
                    get:
                      operationId: getB
                      servers: [{url: 'https://uploads.example.com'}]
                      responses: {"204": {description: done}}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        #expect(SpecText.file(result, "APIClient.swift").contains("\"https://api.example.com/v2\""))
        let operations = SpecText.file(result, "Operations/Default.swift")
        #expect(operations.contains("httpRequest.setServer(\"https://uploads.example.com\")"))
        #expect(!operations.contains("httpRequest.setServer(\"https://api.example.com/v2\")"))
    }

    @Test func anAnswersEnumHoldingADateImportsFoundation() {
        let spec = SpecText.minimal(
            paths: """
                  /when:
                    get:
                      operationId: when
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: string, format: date-time}}}}
                        "201": {description: new, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let answers = SpecText.file(result, "Models/WhenResponse.swift")
        #expect(answers.contains("case ok(Date)"))
        #expect(answers.contains("import Foundation\n"))
        #expect(!SpecText.file(result, "Models/WhenCreatedBody.swift").contains("import Foundation"))
    }

    @Test func exclusiveBoundsAtIntsEdgeAreReportedNotWrapped() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        n: {type: integer, exclusiveMinimum: 9223372036854775807}
                """)
        let result = SpecText.generate(spec)
        #expect(
            SpecText.messages(result).contains {
                $0.hasSuffix("warning: minimum 9223372036854775808 is outside Int's range, so no value can satisfy it")
            })
        #expect(!SpecText.file(result, "Models/Other.swift").contains("minimum: 9223372036854775807"))
    }

    @Test func additionalPropertiesOfAFormBodyAreAWarning() {
        let spec = SpecText.minimal(
            paths: """
                  /forms:
                    post:
                      operationId: sendForm
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}
                      responses: {"204": {description: done}}
                """)
        let result = SpecText.generate(spec)
        #expect(
            SpecText.messages(result).contains {
                $0.hasSuffix(
                    "warning: 'additionalProperties' of a multipart or form body is not generated; only named fields are sent"
                )
            })
        #expect(!SpecText.file(result, "Models/SendFormRequest.swift").contains("additionalProperties"))
    }

    @Test func oneOfRequiredListsBesidePropertiesKeepTheObject() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        a: {type: string}
                        b: {type: string}
                      oneOf:
                        - required: [a]
                        - {type: object, required: [b], description: b instead}
                """)
        let result = SpecText.generate(spec)
        #expect(
            SpecText.messages(result).map { $0.drop { $0 != " " } } == [
                " warning: 'oneOf' alternatives that only list required properties are not checked before sending"
            ])
        let file = SpecText.file(result, "Models/Other.swift")
        #expect(file.contains("public struct Other: Codable"))
        #expect(file.contains("public var b: String?\n"))
    }

    @Test func allOfOfATypeAndRulesIsThatTypeWithTheRules() {
        let spec = SpecText.minimal(
            schemas: """
                    Other:
                      type: object
                      properties:
                        code: {allOf: [{type: string}, {minLength: 2}, {pattern: '^[A-Z]+$'}]}
                        free: {minLength: 2}
                """)
        let result = SpecText.generate(spec)
        #expect(SpecText.messages(result).isEmpty)
        let file = SpecText.file(result, "Models/Other.swift")
        #expect(file.contains("public var code: String?\n"))
        #expect(file.contains("validator.check(code, field: \"code\", minLength: 2, pattern: \"^[A-Z]+$\")"))
        #expect(file.contains("public var free: JSONValue?\n"))
        #expect(!file.contains("field: \"free\""), "an untyped value is not checked")
    }
}

/// Schema names that would shadow a type generated code uses get a `Model` suffix.
@Suite struct ShadowedNameTests {
    @Test(arguments: ["Credential", "SecurityScheme", "Date", "ResponseWithHeaders", "URLEncodedForm"])
    func aSchemaNamedLikeARuntimeTypeIsRenamed(name: String) {
        let spec = SpecText.minimal(
            schemas: "    \(name):\n      type: object\n      properties:\n        a: {type: string}")
        let result = SpecText.generate(spec)
        #expect(SpecText.file(result, "Models/\(name)Model.swift").contains("public struct \(name)Model:"))
        #expect(SpecText.messages(result).count == 1)
    }
}
