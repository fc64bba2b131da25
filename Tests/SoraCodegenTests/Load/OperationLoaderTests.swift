import Testing
import YAML

@testable import SoraCodegen

/// `paths`: operations, their parameters (every place, style and explode), request bodies and path templates.
@Suite struct OperationLoaderTests {
    @Test func anOperationIsReadWhole() throws {
        let result = LoadingSpec.paths(
            """
            /videos/{video_id}:
              summary: ignored here
              parameters:
                - {name: video_id, in: path, required: true, schema: {type: string}}
              get:
                operationId: getVideo
                summary: Get a video
                description: The whole video
                tags: [Videos, Media]
                deprecated: true
                parameters:
                  - {name: expand, in: query, schema: {type: boolean}}
                responses:
                  "200": {description: ok}
              delete:
                operationId: deleteVideo
                responses:
                  "204": {description: gone}
            """)
        #expect(result.messages == [])
        let operations = try #require(result.document?.operations)
        #expect(operations.map(\.operationID) == ["getVideo", "deleteVideo"])
        #expect(operations.map(\.method) == [.get, .delete])
        #expect(operations.map(\.path) == ["/videos/{video_id}", "/videos/{video_id}"])
        let get = operations[0]
        #expect(get.summary == "Get a video")
        #expect(get.description == "The whole video")
        #expect(get.tags == ["Videos", "Media"])
        #expect(get.isDeprecated)
        #expect(get.mark == Mark(line: 9, column: 7))
        #expect(get.parameters.map(\.name) == ["video_id", "expand"])
        #expect(get.parameters.map(\.location) == [.path, .query])
        #expect(get.parameters.map(\.isRequired) == [true, false])
        #expect(get.security == nil)
        #expect(get.requestBody == nil)
        #expect(operations[1].parameters.map(\.name) == ["video_id"])
        #expect(!operations[1].isDeprecated)
    }

    @Test func everyMethodIsAnOperationInSpecOrder() throws {
        let methods = ["trace", "options", "head", "patch", "delete", "post", "put", "get"]
        let paths =
            "/x:\n"
            + methods.map { "  \($0): {operationId: \($0)X, responses: {\"200\": {description: ok}}}\n" }.joined()
        let result = LoadingSpec.paths(paths)
        #expect(result.messages == [])
        #expect(result.document?.operations.map(\.method.rawValue) == methods)
    }

    @Test func anOperationLevelParameterReplacesThePathLevelOneOfTheSameNameAndPlace() throws {
        let result = LoadingSpec.paths(
            """
            /p:
              parameters:
                - {name: a, in: query, description: path level, schema: {type: string}}
                - {name: a, in: header, schema: {type: string}}
              get:
                operationId: op
                parameters:
                  - {name: a, in: query, description: operation level, schema: {type: integer}}
                responses: {"200": {description: ok}}
            """)
        let parameters = try #require(result.operation("op")?.parameters)
        #expect(parameters.map(\.location) == [.header, .query])
        #expect(parameters.map(\.description) == [nil, "operation level"])
        #expect(parameters.map { LoadingSpec.summary($0.schema) } == ["string", "integer"])
        #expect(result.messages == [])
    }

    static let styles: [(parameter: String, style: ParameterStyle?, effective: ParameterStyle, explode: Bool)] = [
        ("{name: q, in: query, schema: {type: string}}", nil, .form, true),
        ("{name: q, in: query, explode: false, schema: {type: string}}", nil, .form, false),
        ("{name: q, in: query, style: pipeDelimited, schema: {type: array}}", .pipeDelimited, .pipeDelimited, false),
        (
            "{name: q, in: query, style: spaceDelimited, explode: true, schema: {type: array}}", .spaceDelimited,
            .spaceDelimited, true
        ),
        (
            "{name: q, in: query, style: deepObject, explode: true, schema: {type: object}}", .deepObject, .deepObject,
            true
        ),
        ("{name: h, in: header, schema: {type: string}}", nil, .simple, false),
        ("{name: c, in: cookie, schema: {type: string}}", nil, .form, true),
        ("{name: id, in: path, required: true, style: label, schema: {type: string}}", .label, .label, false),
        (
            "{name: id, in: path, required: true, style: matrix, explode: true, schema: {type: string}}", .matrix,
            .matrix, true
        ),
    ]

    @Test(arguments: styles)
    func stylesAndExplode(_ parameter: String, _ style: ParameterStyle?, _ effective: ParameterStyle, _ explode: Bool)
        throws
    {
        let path = parameter.contains("in: path") ? "/p/{id}" : "/p"
        let result = LoadingSpec.paths(
            "\(path):\n  get:\n    operationId: op\n    parameters:\n      - \(parameter)\n"
                + "    responses: {\"200\": {description: ok}}\n")
        #expect(result.messages == [])
        let loaded = try #require(result.operation("op")?.parameters.first)
        #expect(loaded.style == style)
        #expect(loaded.effectiveStyle == effective)
        #expect(loaded.effectiveExplode == explode)
    }

    /// One operation on `/p/{id}` with `parameter` after its `id`; the parameter's line is 9, its column 11.
    static func withParameter(_ parameter: String) -> LoadingSpec.Result {
        LoadingSpec.paths(
            """
            /p/{id}:
              get:
                operationId: op
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                  - \(parameter)
                responses: {"200": {description: ok}}
            """)
    }

    @Test(arguments: [
        ("{in: query, schema: {type: string}}", "9:11: error: a parameter needs a 'name'"),
        ("{name: q, schema: {type: string}}", "9:11: error: parameter 'q' needs 'in'"),
        (
            "{name: q, in: body, schema: {type: string}}",
            "9:25: error: parameter 'q' is in 'body'; expected path, query, header or cookie"
        ),
        ("{name: [q], in: query}", "9:18: error: a parameter's 'name' must be a string, found a sequence"),
        (
            "{name: q, in: query, required: yes, schema: {}}",
            "9:42: error: 'required' must be true or false, found the string 'yes'"
        ),
        (
            "{name: q, in: query, style: weird, schema: {type: string}}",
            "9:39: warning: unknown parameter style 'weird'; the default is used"
        ),
        (
            "{name: q, in: query, explode: 0, schema: {type: string}}",
            "9:41: error: 'explode' must be true or false, found the number 0"
        ),
        ("{name: q, in: query}", "9:11: warning: parameter 'q' has no 'schema'; generated as a String"),
        (
            "{name: Accept, in: header, schema: {type: string}}",
            "9:11: warning: header parameter 'Accept' is set by the client itself (OpenAPI ignores it); ignored"
        ),
        (
            "{name: q, in: query, allowReserved: true, schema: {type: string}}",
            "9:32: warning: keyword 'allowReserved' in a parameter is not supported; it is ignored"
        ),
        ("plain", "9:11: error: a parameter must be a mapping, found the string 'plain'"),
        (
            "{$ref: '#/components/parameters/Nope'}",
            "9:18: error: '#/components/parameters/Nope' does not exist: no entry 'Nope' in components.parameters"
        ),
    ])
    func brokenParameters(_ parameter: String, _ message: String) {
        #expect(Self.withParameter(parameter).messages == [message])
    }

    @Test func aPathParameterIsAlwaysRequired() throws {
        let result = LoadingSpec.paths(
            """
            /p/{id}:
              get:
                operationId: op
                parameters:
                  - {name: id, in: path, schema: {type: string}}
                responses: {"200": {description: ok}}
            """)
        #expect(result.messages == ["8:11: warning: path parameter 'id' is always required; 'required: true' assumed"])
        #expect(result.operation("op")?.parameters.first?.isRequired == true)
    }

    @Test func parameterSchemasFromContentExamplesAndDeprecation() throws {
        let result = Self.withParameter(
            "{name: filter, in: query, deprecated: true, example: 3, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}"
        )
        let parameter = try #require(result.operation("op")?.parameters.last)
        #expect(LoadingSpec.summary(parameter.schema) == "string")
        #expect(parameter.schema.example == .number(SpecNumber(integerDigits: "3")))
        #expect(parameter.isDeprecated)
        #expect(
            result.messages == [
                "9:11: warning: parameter 'filter' is sent as JSON text; generated as a String holding it"
            ])
        let plain = Self.withParameter("{name: n, in: query, content: {text/plain: {schema: {type: integer}}}}")
        #expect(try LoadingSpec.summary(#require(plain.operation("op")?.parameters.last).schema) == "integer")
        #expect(plain.messages == [])
    }

    @Test func componentParametersAreSharedAndLoadedOnce() throws {
        let result = LoadingSpec.paths(
            """
            /a:
              get:
                operationId: a
                parameters: [{$ref: '#/components/parameters/Limit'}]
                responses: {"200": {description: ok}}
            /b:
              get:
                operationId: b
                parameters: [{$ref: '#/components/parameters/Alias'}]
                responses: {"200": {description: ok}}
            """,
            components: """
                parameters:
                  Limit: {name: limit, in: query, schema: {type: integer, minimum: x}}
                  Alias: {$ref: '#/components/parameters/Limit'}
                """)
        #expect(result.operation("a")?.parameters.map(\.name) == ["limit"])
        #expect(result.operation("b")?.parameters.map(\.name) == ["limit"])
        #expect(result.messages == ["16:70: error: 'minimum' must be a number, found the string 'x'"])
    }

    @Test func aReferenceChainThatLoopsStops() {
        let result = LoadingSpec.paths(
            """
            /a:
              get:
                operationId: a
                parameters: [{$ref: '#/components/parameters/Loop'}]
                responses: {"200": {description: ok}}
            """,
            components: "parameters:\n  Loop: {$ref: '#/components/parameters/Loop'}\n")
        #expect(
            result.messages == [
                "11:18: error: '#/components/parameters/Loop' starts a chain of more than 16 references"
            ])
    }

    @Test func aParameterReferenceMayPointAnywhereInTheDocument() throws {
        let result = LoadingSpec.paths(
            """
            /a:
              get:
                operationId: a
                parameters: [{name: shared, in: query, schema: {type: string}}]
                responses: {"200": {description: ok}}
            /b:
              get:
                operationId: b
                parameters: [{$ref: '#/paths/~1a/get/parameters/0'}]
                responses: {"200": {description: ok}}
            """)
        #expect(result.operation("b")?.parameters.map(\.name) == ["shared"])
        #expect(result.messages == [])
    }

    @Test func pathTemplatesAndPathParametersMustAgree() {
        let result = LoadingSpec.paths(
            """
            /p/{a}/{b}:
              get:
                operationId: op
                parameters:
                  - {name: a, in: path, required: true, schema: {type: string}}
                  - {name: c, in: path, required: true, schema: {type: string}}
                  - {name: b, in: query, schema: {type: string}}
                responses: {"200": {description: ok}}
            """)
        #expect(
            result.messages == [
                "6:7: error: path '/p/{a}/{b}' has '{b}' but no path parameter 'b'",
                "9:11: error: path parameter 'c' does not appear in '/p/{a}/{b}'",
            ])
    }

    @Test func aPathMustStartWithASlash() {
        let result = LoadingSpec.paths("things:\n  get: {operationId: op, responses: {\"200\": {description: ok}}}\n")
        #expect(result.messages == ["4:3: error: path 'things' must start with '/'"])
    }

    @Test func anOperationWithoutIdOrResponses() throws {
        let result = LoadingSpec.paths(
            "/v1/video-jobs/{job_id}:\n  post: {parameters: [{name: job_id, in: path, required: true}]}\n")
        #expect(result.document?.operations.map(\.operationID) == ["postV1VideoJobsJobId"])
        #expect(
            result.messages == [
                "5:11: error: operation 'postV1VideoJobsJobId' has no 'responses'",
                "5:11: warning: operation has no 'operationId'; using 'postV1VideoJobsJobId'",
                "5:25: warning: parameter 'job_id' has no 'schema'; generated as a String",
            ])
    }

    @Test func duplicateOperationIdsLoadAndAreReportedWhenTranslated() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /a:
                get: {operationId: same, responses: {"204": {description: ok}}}
              /b:
                get: {operationId: same, responses: {"204": {description: ok}}}

            """
        let loaded = LoadingSpec.load(text)
        #expect(loaded.document?.operations.map(\.operationID) == ["same", "same"])
        #expect(loaded.messages == [])
        let generated = SpecText.generate(text)
        #expect(
            SpecText.messages(generated) == [
                "spec.yaml:7:10: warning: operations 'same' and 'same' both become the Swift method 'same'; this one is "
                    + "'same2' (rename one operationId)"
            ])
    }

    @Test func unknownKeysOfPathItemsAndOperations() {
        let result = LoadingSpec.paths(
            "/p:\n  query: {}\n  get: {operationId: op, callbacks: {}, responses: {\"200\": {description: ok}}}\n")
        #expect(
            result.messages == [
                "5:5: warning: keyword 'query' in a path item is not supported; it is ignored",
                "6:28: warning: keyword 'callbacks' in an operation is not supported; it is ignored",
            ])
    }

}
