import Testing
import YAML

@testable import SoraCodegen

/// `responses`: status keys, content of each media type, headers, and shared component responses.
@Suite struct ResponseLoaderTests {
    /// One operation whose `responses` are `responses` (unindented): responses line K is spec line K + 7, and its
    /// columns are 8 more than in `responses`.
    static func responses(_ responses: String, components: String = "") -> LoadingSpec.Result {
        LoadingSpec.paths(
            "/p:\n  get:\n    operationId: op\n    responses:\n" + LoadingSpec.indent(responses, by: 6),
            components: components)
    }

    /// A short form of a response's content.
    static func content(_ content: ResponseContent) -> String {
        switch content {
        case .none: "none"
        case .json(let schema, let mediaType): "json(\(mediaType): \(LoadingSpec.summary(schema)))"
        case .text(let mediaTypes): "text(\(mediaTypes.joined(separator: ", ")))"
        case .binary(let mediaTypes): "binary(\(mediaTypes.joined(separator: ", ")))"
        }
    }

    @Test func statusKeysOfEveryForm() throws {
        let result = Self.responses(
            """
            "200": {description: ok}
            201: {description: created}
            2XX: {description: other success}
            4xx: {description: client error}
            default: {description: anything else}
            """)
        #expect(result.messages == [])
        let responses = try #require(result.operation("op")?.responses)
        #expect(responses.map(\.status) == [.code(200), .code(201), .range(2), .range(4), .default])
        #expect(responses.map(\.status.isSuccess) == [true, true, true, false, false])
        #expect(responses.map(\.description) == ["ok", "created", "other success", "client error", "anything else"])
        #expect(responses.map(\.mark.line) == [8, 9, 10, 11, 12])
        #expect(responses.map(\.mark.column) == [9, 9, 9, 9, 9])
    }

    @Test(arguments: ["600", "20", "2000", "ok", "0XX", "2X1", "X00", "+20"])
    func aKeyThatIsNotAStatusIsAnError(_ key: String) {
        let result = Self.responses("'\(key)': {description: d}\n\"204\": {description: none}\n")
        #expect(
            result.messages == [
                "8:9: error: response key '\(key)' must be a status code (e.g. 200), a range (e.g. 4XX) or 'default'"
            ])
        #expect(result.operation("op")?.responses.map(\.status) == [.code(204)])
    }

    static let contents: [(content: String, expected: String)] = [
        ("{application/json: {schema: {type: string}}}", "json(application/json: string)"),
        (
            "{application/problem+json: {schema: {type: integer}}, application/json: {}}",
            "json(application/problem+json: integer)"
        ),
        ("{application/json: {}}", "json(application/json: any)"),
        ("{text/plain: {}, text/csv: {schema: {type: string}}}", "text(text/plain, text/csv)"),
        ("{text/event-stream: {}}", "text(text/event-stream)"),
        ("{image/png: {}, application/pdf: {}}", "binary(image/png, application/pdf)"),
        ("{image/png: {}, text/plain: {}}", "binary(image/png, text/plain)"),
        ("{}", "none"),
    ]

    @Test(arguments: contents)
    func contentOfEachMediaType(_ content: String, _ expected: String) throws {
        let result = Self.responses("\"200\": {description: ok, content: \(content)}\n")
        #expect(result.messages == [])
        #expect(try Self.content(#require(result.operation("op")?.responses.first).content) == expected)
    }

    @Test func jsonNextToBytesIsBytesAndJsonNextToTextIsJson() throws {
        let result = Self.responses(
            """
            "200": {description: ok, content: {video/mp4: {}, application/json: {schema: {type: object}}}}
            "201": {description: ok, content: {text/plain: {}, application/json: {schema: {type: string}}}}
            """)
        let responses = try #require(result.operation("op")?.responses)
        #expect(
            responses.map { Self.content($0.content) } == [
                "binary(video/mp4, application/json)", "json(application/json: string)",
            ])
        #expect(
            result.messages == [
                "8:43: warning: a response that is bytes or JSON is returned as bytes with its content type",
                "9:43: warning: a response that is JSON or another media type is decoded as JSON (the client asks for JSON)",
            ])
    }

    @Test func headersOfAResponse() throws {
        let result = Self.responses(
            """
            "200":
              description: ok
              headers:
                X-Rate-Limit: {description: calls left, required: true, schema: {type: integer}}
                Retry-After: {}
                X-Shared: {$ref: '#/components/headers/Shared'}
            """,
            components: "headers:\n  Shared: {schema: {type: string, format: uuid}}\n")
        #expect(result.messages == [])
        let headers = try #require(result.operation("op")?.responses.first?.headers)
        #expect(headers.map(\.name) == ["X-Rate-Limit", "Retry-After", "X-Shared"])
        #expect(headers.map { LoadingSpec.summary($0.schema) } == ["integer", "string", "string:uuid"])
        #expect(headers.map(\.isRequired) == [true, false, false])
        #expect(headers.map(\.description) == ["calls left", nil, nil])
    }

    @Test func aComponentResponseIsLoadedOnceForEveryUse() throws {
        let result = LoadingSpec.paths(
            """
            /a:
              get:
                operationId: a
                responses: {"404": {$ref: '#/components/responses/Problem'}}
            /b:
              get:
                operationId: b
                responses: {"400": {$ref: '#/components/responses/Problem'}, "500": {$ref: '#/components/responses/Alias'}}
            """,
            components: """
                responses:
                  Problem:
                    description: a problem
                    content: {application/json: {schema: {type: object, properties: {code: {type: integer, minimum: no}}}}}
                  Alias: {$ref: '#/components/responses/Problem'}
                """)
        #expect(result.operation("a")?.responses.map(\.status) == [.code(404)])
        #expect(result.operation("b")?.responses.map(\.status) == [.code(400), .code(500)])
        #expect(result.operation("b")?.responses.map(\.description) == ["a problem", "a problem"])
        #expect(
            result.operation("b")?.responses.map(\.mark) == [Mark(line: 11, column: 19), Mark(line: 11, column: 68)])
        #expect(result.messages == ["16:103: error: 'minimum' must be a number, found the string 'no'"])
    }

    @Test(arguments: [
        ("\"200\": ok", "8:16: error: response '200' must be a mapping, found the string 'ok'"),
        ("\"200\": {description: [d]}", "8:30: error: 'description' must be a string, found a sequence"),
        (
            "\"200\": {description: d, content: []}",
            "8:42: error: a response's 'content' must be a mapping, found a sequence"
        ),
        ("\"200\": {description: d, headers: [a]}", "8:42: error: 'headers' must be a mapping, found a sequence"),
        (
            "\"200\": {description: d, links: {}}",
            "8:33: warning: keyword 'links' in a response is not supported; it is ignored"
        ),
        (
            "\"200\": {description: d, headers: {X-A: {schema: {type: string}, example: a}}}",
            "8:73: warning: 'example' is documentation the generated code does not carry; it is ignored"
        ),
        (
            "\"200\": {$ref: '#/components/responses/Nope'}",
            "8:23: error: '#/components/responses/Nope' does not exist: no entry 'Nope' in components.responses"
        ),
    ])
    func brokenResponses(_ responses: String, _ message: String) {
        #expect(Self.responses(responses + "\n").messages == [message])
    }

    @Test func responsesMustBeAMapping() {
        let result = LoadingSpec.paths("/p:\n  get: {operationId: op, responses: [ok]}\n")
        #expect(result.messages == ["5:39: error: 'responses' must be a mapping, found a sequence"])
        #expect(result.operation("op")?.responses.isEmpty == true)
    }
}
