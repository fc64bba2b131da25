import Foundation
import SoraCodegen
import Testing

/// Operations: one method per request media type, its arguments (path first, then the body, required, optional),
/// the calls that put each value on the request, and how the answers are read.
@Suite struct OperationTranslatorTests {
    typealias Spec = TranslationSpec

    static let schemas = """
            Item:
              type: object
              required: [name]
              properties:
                name: {type: string, maxLength: 5}
            Problem: {type: object, properties: {detail: {type: string}}}
        """

    func generate(_ paths: String) -> GenerationResult {
        Spec.generate(Spec.text(schemas: Self.schemas, paths: Spec.indent(paths, by: 2)))
    }

    func operations(_ paths: String) -> (String, [String]) {
        let result = generate(paths)
        return (Spec.file(result, "Operations/Default.swift"), Spec.messages(result))
    }

    // MARK: Parameters

    @Test func argumentsArePathThenBodyThenRequiredThenOptionalAndEachIsSetInItsPlace() {
        let (file, messages) = operations(
            """
            /items/{item_id}/parts/{part}:
              put:
                operationId: put_item
                parameters:
                  - {name: item_id, in: path, required: true, schema: {type: integer}}
                  - {name: part, in: path, required: true, schema: {type: string, enum: [a, b]}}
                  - {name: tags, in: query, schema: {type: array, items: {type: string}}, style: pipeDelimited, explode: false}
                  - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {q: {type: string}}}}
                  - {name: X-Req, in: header, required: true, schema: {type: string, pattern: '^[a-z]+$'}}
                  - {name: limit, in: query, required: true, schema: {type: integer, default: 10, maximum: 100}}
                  - {name: sess, in: cookie, schema: {type: string}}
                requestBody:
                  required: true
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Item'}}
                responses:
                  "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
            """)
        #expect(messages.isEmpty)
        #expect(
            file.contains(
                """
                    public func putItem(
                        itemId: Int,
                        part: PutItemPart,
                        body: Item,
                        xReq: String,
                        tags: [String]? = nil,
                        filter: PutItemFilter? = nil,
                        limit: Int = 10,
                        sess: String? = nil
                    ) async throws(SoraError) -> Item {
                        var httpRequest = OperationRequest(operationID: "put_item", method: .put, path: "/items/{item_id}/parts/{part}")
                        var validator = Validator("put_item")
                        validator.nested(filter, field: "filter")
                        validator.check(xReq, field: "X-Req", pattern: "^[a-z]+$")
                        validator.check(limit, field: "limit", maximum: 100)
                        try httpRequest.check(validator)
                        httpRequest.setSecurity([])
                        httpRequest.setPathParameter("item_id", itemId)
                        httpRequest.setPathParameter("part", part)
                        httpRequest.addQuery("tags", tags, style: .pipeDelimited, explode: false)
                        try httpRequest.addQuery("filter", object: filter, style: .deepObject, explode: false)
                        httpRequest.setHeader("X-Req", xReq)
                        httpRequest.addQuery("limit", limit)
                        httpRequest.addCookie("sess", sess)
                        try httpRequest.setJSONBody(body)
                        let httpResponse = try await core.send(httpRequest)
                        return try await httpResponse.decodeJSON(Item.self)
                    }

                """))
        let parameters = Spec.file(generate(""), "Models/PutItemParameters.swift")
        #expect(parameters.isEmpty, "generated only for this operation's inline parameter types")
    }

    @Test func anOptionalParametersDefaultIsDocumentedAsTheServers() {
        let (file, messages) = operations(
            """
            /items:
              get:
                operationId: list_items
                parameters:
                  - {name: limit, in: query, schema: {type: integer, default: 20}}
                  - {name: order, in: query, description: Sort order, schema: {type: string, default: desc}, example: asc}
                responses: {"204": {description: ok}}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("///   - limit: `limit` (query). Default: `20` (the server's, when nil).\n"))
        #expect(file.contains("///   - order: Sort order. Default: `desc` (the server's, when nil). Example: `asc`.\n"))
        #expect(file.contains("limit: Int? = nil"), "nil sends nothing, so the server applies its default")
    }

    @Test func inlineParameterTypesAreDeclaredInTheirOwnFile() {
        let result = generate(
            """
            /x:
              get:
                operationId: getX
                parameters:
                  - {name: mode, in: query, schema: {type: string, enum: [a, b]}}
                responses: {"204": {description: ok}}
            """)
        let code = Spec.code(Spec.file(result, "Models/GetXParameters.swift"))
        #expect(code.contains("public enum GetXMode: OpenStringEnum {"))
        #expect(Spec.file(result, "Operations/Default.swift").contains("public func getX(mode: GetXMode? = nil)"))
    }

    @Test func parametersNamedLikeTheMethodsLocalsAreRenamedByLocation() {
        let (file, messages) = operations(
            """
            /x:
              get:
                operationId: getX
                parameters:
                  - {name: body, in: query, schema: {type: string}}
                  - {name: validator, in: header, schema: {type: string}}
                  - {name: core, in: cookie, schema: {type: string}}
                responses: {"204": {description: ok}}
            """)
        #expect(
            messages == [
                "spec.yaml:17:11: warning: parameter 'body' of 'getX' becomes the Swift name 'body', which is taken; "
                    + "it is 'bodyQuery'",
                "spec.yaml:18:11: warning: parameter 'validator' of 'getX' becomes the Swift name 'validator', which "
                    + "is taken; it is 'validatorHeader'",
                "spec.yaml:19:11: warning: parameter 'core' of 'getX' becomes the Swift name 'core', which is taken; "
                    + "it is 'coreCookie'",
            ])
        #expect(file.contains("httpRequest.addQuery(\"body\", bodyQuery)\n"))
        #expect(file.contains("httpRequest.setHeader(\"validator\", validatorHeader)\n"))
        #expect(file.contains("httpRequest.addCookie(\"core\", coreCookie)\n"))
    }

    @Test func anObjectInAHeaderIsSentAsTextWithAWarning() {
        let (file, messages) = operations(
            """
            /x:
              get:
                operationId: getX
                parameters:
                  - {name: obj, in: header, schema: {type: object, properties: {a: {type: string}}}}
                responses: {"204": {description: ok}}
            """)
        #expect(
            messages == [
                "spec.yaml:17:11: warning: header parameter 'obj' is an object or a union; it is generated as a "
                    + "String holding the text to send"
            ])
        #expect(file.contains("public func getX(obj: String? = nil) async throws(SoraError) {"))
    }

    @Test func hostileNamesAndDescriptionsStayInLiteralsAndComments() {
        let (file, messages) = operations(
            """
            '/q/{a"b}':
              get:
                operationId: getQ
                summary: "Gets */ a \\"thing\\"\\n}"
                parameters:
                  - {name: 'a"b', in: path, required: true, description: 'The \\(id)', schema: {type: string}}
                  - {name: 'x\\y', in: query, schema: {type: string}}
                responses: {"204": {description: ok}}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("    /// Gets */ a \"thing\"\n    /// }\n    ///\n"))
        #expect(file.contains("    ///   - aB: The \\(id)\n"))
        #expect(file.contains("path: \"/q/{a\\\"b}\")\n"))
        #expect(file.contains("httpRequest.setPathParameter(\"a\\\"b\", aB)\n"))
        #expect(file.contains("httpRequest.addQuery(\"x\\\\y\", xY)\n"))
    }

    @Test func operationIdsThatBecomeTheSameMethodAreNumbered() {
        let (file, messages) = operations(
            """
            /a:
              get:
                operationId: get_thing
                responses: {"204": {description: ok}}
            /b:
              get:
                operationId: get-thing
                responses: {"204": {description: ok}}
            """)
        #expect(
            messages == [
                "spec.yaml:19:7: warning: operations 'get_thing' and 'get-thing' both become the Swift method "
                    + "'getThing'; this one is 'getThing2' (rename one operationId)"
            ])
        #expect(file.contains("public func getThing() async throws(SoraError) {"))
        #expect(file.contains("public func getThing2() async throws(SoraError) {"))
        #expect(file.contains("OperationRequest(operationID: \"get-thing\", method: .get, path: \"/b\")"))
    }

    @Test func tagsGroupOperationsIntoFilesAndDeprecationIsMarked() {
        let result = generate(
            """
            /a:
              get:
                operationId: listPets
                tags: [pet store]
                deprecated: true
                responses: {"204": {description: ok}}
            """)
        let file = Spec.file(result, "Operations/PetStore.swift")
        #expect(file.contains("extension APIClient {\n"))
        #expect(file.contains("    @available(*, deprecated)\n    public func listPets() async throws(SoraError) {\n"))
        #expect(Spec.file(result, "Operations/Default.swift").isEmpty)
    }

    // MARK: Compiling

    @Test func aDocumentUsingEveryTranslatorCompilesWithoutWarnings() async throws {
        let schemas = """
                Node:
                  type: object
                  required: [next, mode]
                  properties:
                    next: {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    mode: {type: string, enum: ['', 'a"b', '\\(x)', '*/', default, 4k, unknown]}
                    level: {type: integer, enum: [-1, 0, 2]}
                    note: {type: [string, 'null'], description: '*/ \\(x) "q"'}
                    extra: {type: object, additionalProperties: true, properties: {a: {type: string}}}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Node'}, {type: string}, {type: integer}]
                Both:
                  anyOf: [{$ref: '#/components/schemas/Node'}, {type: object, properties: {b: {type: string}}}]
                Login: {type: object, required: [user], properties: {user: {type: string}, meta: {type: object}}}
            """
        let paths = """
            /nodes/{id}:
              post:
                operationId: postNode
                security: [{bearer: []}, {basic: []}, {header: [], query: []}, {cookie: []}, {}]
                parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                  - {name: tags, in: query, schema: {type: array, items: {type: string}}, style: pipeDelimited}
                  - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {q: {type: string}}}}
                requestBody:
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Login'}}
                    multipart/form-data:
                      schema:
                        type: object
                        required: [image, size]
                        properties:
                          size: {type: string, enum: [1024x1024]}
                          image: {type: string, format: binary, x-pixel-size-equals: size}
                          meta: {anyOf: [{type: string}, {type: object, properties: {b: {type: string}}}]}
                responses:
                  "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Both'}}}}
                  "202": {description: later, content: {text/plain: {schema: {type: string}}}}
                  "404": {description: gone, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
            """
        let extra = """
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                basic: {type: http, scheme: basic}
                header: {type: apiKey, in: header, name: X-Key}
                query: {type: apiKey, in: query, name: key}
                cookie: {type: apiKey, in: cookie, name: session}
            """
        let result = Spec.generate(Spec.text(schemas: schemas, paths: Spec.indent(paths, by: 2), extra: extra))
        try await expectCompilesWithoutWarnings(result)
    }

    @Test func namesThatClashWithGeneratedNamesCompileWithoutWarnings() async throws {
        // Nested types named alike or `CodingKeys`, members named like the locals of generated bodies, repeated
        // enum values, a named union sent as a multipart part, and a method that sets nothing on its request.
        let schemas = """
                Clash:
                  type: object
                  required: [encoder, container]
                  dependentRequired: {validator: [mode]}
                  properties:
                    a_b: {type: object, properties: {x: {type: string}}}
                    aB: {type: string, enum: [p, q]}
                    coding_keys: {type: string, enum: [a]}
                    encoder: {type: [string, 'null']}
                    container: {type: [string, 'null']}
                    validator: {type: string, minLength: 2}
                    mode: {type: string, enum: [a, a, b]}
                    level: {type: integer, enum: [2, 2]}
                Titled:
                  oneOf:
                    - {title: first choice, type: object, properties: {a: {type: string}}}
                    - {title: first choice, type: object, properties: {b: {type: string}}}
                Choice:
                  oneOf: [{type: string}, {type: integer}]
                Alias: {$ref: '#/components/schemas/Choice'}
                Fields: {type: object, properties: {form: {type: string}, validator: {type: string, maxLength: 3}}}
            """
        let paths = """
            /ping:
              get:
                operationId: ping
                responses: {"204": {description: ok}}
            /clash:
              post:
                operationId: postClash
                requestBody:
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Clash'}}
                responses:
                  "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Titled'}}}}
            /up:
              post:
                operationId: up
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        required: [image, form]
                        properties:
                          form: {type: string, enum: [1024x1024]}
                          image: {type: string, format: binary, x-pixel-size-equals: form}
                          meta: {$ref: '#/components/schemas/Choice'}
                          other: {$ref: '#/components/schemas/Alias'}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Fields'}}
                responses: {"204": {description: ok}}
            """
        let extra = "  securitySchemes:\n    bearer: {type: http, scheme: bearer}\nsecurity: [{bearer: []}]"
        let result = Spec.generate(Spec.text(schemas: schemas, paths: Spec.indent(paths, by: 2), extra: extra))
        #expect(Spec.file(result, "Operations/Default.swift").contains("let httpRequest = OperationRequest("))
        #expect(Spec.file(result, "Models/Alias.swift").contains("public typealias Alias = Choice\n"))
        try await expectCompilesWithoutWarnings(result)
    }

    /// Compiles every generated file with warnings as errors.
    func expectCompilesWithoutWarnings(_ result: GenerationResult) async throws {
        #expect(!result.hasErrors, "\(Spec.messages(result))")
        #expect(result.files.count > 5)
        let compile = try await GeneratedCode.compile(result)
        #expect(compile.status == 0, "\(compile.output)")
    }
}
