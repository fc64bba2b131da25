import Testing
import YAML

@testable import SoraCodegen

/// Request bodies of each media type and their part encodings, and per-operation servers.
extension OperationLoaderTests {
    static let bodies: [(mediaType: String, encoding: BodyEncoding)] = [
        ("application/json", .json),
        ("application/merge-patch+json", .json),
        ("application/json; charset=utf-8", .json),
        ("multipart/form-data", .multipart),
        ("application/x-www-form-urlencoded", .form),
        ("text/plain", .text),
        ("application/octet-stream", .binary),
        ("image/png", .binary),
    ]

    @Test(arguments: bodies)
    func requestBodiesOfEachMediaType(_ mediaType: String, _ encoding: BodyEncoding) throws {
        let result = LoadingSpec.paths(
            """
            /p:
              post:
                operationId: op
                requestBody:
                  description: the body
                  required: true
                  content:
                    '\(mediaType)': {schema: {type: string}}
                responses: {"200": {description: ok}}
            """)
        let body = try #require(result.operation("op")?.requestBody)
        #expect(body.contents.map(\.mediaType) == [mediaType])
        #expect(body.contents.map(\.encoding) == [encoding])
        #expect(body.contents.map { LoadingSpec.summary($0.schema) } == ["string"])
        #expect(body.contents.map(\.mark) == [Mark(line: 11, column: 11)])
        #expect(body.isRequired)
        #expect(body.description == "the body")
        #expect(body.mark == Mark(line: 8, column: 9))
        #expect(result.messages == [])
    }

    @Test func aBodyWithSeveralMediaTypesAndPartEncodings() throws {
        let result = LoadingSpec.paths(
            """
            /p:
              post:
                operationId: op
                requestBody:
                  $ref: '#/components/requestBodies/Upload'
                responses: {"200": {description: ok}}
            """,
            components: """
                requestBodies:
                  Upload:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}, meta: {type: object}}}
                        encoding:
                          file: {contentType: image/png}
                          meta: {contentType: application/json}
                      application/octet-stream: {}
                """)
        let body = try #require(result.operation("op")?.requestBody)
        #expect(!body.isRequired)
        #expect(body.contents.map(\.encoding) == [.multipart, .binary])
        #expect(body.contents.map { LoadingSpec.summary($0.schema) } == ["{file: binary, meta: map}", "any"])
        #expect(body.contents[0].partContentTypes.map(\.part) == ["file", "meta"])
        #expect(body.contents[0].partContentTypes.map(\.contentType) == ["image/png", "application/json"])
        #expect(result.messages == [])
    }

    @Test(arguments: [
        ("{description: d}", "8:20: error: 'requestBody' needs 'content'"),
        ("{content: []}", "8:30: error: 'requestBody.content' must be a mapping, found a sequence"),
        (
            "{content: {application/json: {schema: {type: string}, examples: {}}}}",
            "8:74: warning: 'examples' is documentation the generated code does not carry; it is ignored"
        ),
        (
            "{$ref: '#/components/requestBodies/None'}",
            "8:27: error: '#/components/requestBodies/None' does not exist: no entry 'None' in components.requestBodies"
        ),
    ])
    func brokenRequestBodies(_ body: String, _ message: String) {
        let result = LoadingSpec.paths(
            "/p:\n  post:\n    operationId: op\n    responses: {\"200\": {description: ok}}\n    requestBody: \(body)\n"
        )
        #expect(result.messages == [message])
    }

    @Test func serversOfAnOperationWinOverItsPathItems() throws {
        let result = LoadingSpec.paths(
            """
            /a:
              servers: [{url: 'https://path.example'}]
              get: {operationId: a, responses: {"200": {description: ok}}}
              put:
                operationId: b
                servers: [{url: 'https://op.example'}]
                responses: {"200": {description: ok}}
            """)
        // The document has no servers: the first path-level list becomes its own, and operations using it need none.
        #expect(result.document?.servers.map(\.url) == ["https://path.example"])
        #expect(result.operation("a")?.servers.map(\.url) == [])
        #expect(result.operation("b")?.servers.map(\.url) == ["https://op.example"])
        #expect(result.messages == [])
    }
}
