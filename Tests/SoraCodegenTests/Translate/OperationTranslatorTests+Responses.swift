import Foundation
import SoraCodegen
import Testing

/// Answers: error types by status, answer enums, default-only answers, downloads, and `let` requests.
extension OperationTranslatorTests {
    // MARK: Responses

    @Test func errorAnswersDecodeIntoTheirTypesAndTheDefaultCoversTheSameType() {
        let (file, messages) = operations(
            """
            /x:
              get:
                operationId: getX
                responses:
                  "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                  "204": {description: none}
                  "404": {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                  "4XX": {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                  default: {description: other, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("public func getX() async throws(SoraError) -> Item? {"))
        #expect(
            file.contains(
                "let httpResponse = try await core.send(httpRequest, errorTypes: [404: Item.self, .default: Problem.self])"
            ))
        #expect(
            file.contains(
                "        if httpResponse.response.status.code == 204 {\n            return nil\n        }\n"
                    + "        return try await httpResponse.decodeJSON(Item.self)\n"))
    }

    @Test func severalAnswerTypesBecomeAnAnswersEnumByStatus() {
        let result = generate(
            """
            /x:
              get:
                operationId: getX
                responses:
                  "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                  "202": {description: later, content: {text/plain: {schema: {type: string}}}}
                  "2XX": {description: other, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
            """)
        #expect(Spec.messages(result).isEmpty)
        let answers = Spec.code(Spec.file(result, "Models/GetXResponse.swift"))
        #expect(answers.contains("public enum GetXResponse: Sendable {"))
        #expect(answers.contains("case ok(Item)"))
        #expect(answers.contains("case accepted(String)"))
        #expect(answers.contains("case status2xx(BinaryContent)"))
        let code = Spec.code(Spec.file(result, "Operations/Default.swift"))
        #expect(
            code.contains(
                "httpRequest.setHeader(\"Accept\", \"application/json, text/plain, application/octet-stream\")"))
        #expect(code.contains("switch httpResponse.response.status.code {"))
        #expect(code.contains("case 200: return .ok(try await httpResponse.decodeJSON(Item.self))"))
        #expect(code.contains("case 202: return .accepted(try await httpResponse.text())"))
        #expect(code.contains("case 200..<300: return .status2xx(httpResponse.binaryContent())"))
        #expect(code.contains("default: return .ok(try await httpResponse.decodeJSON(Item.self))"))
    }

    @Test func onlyADefaultAnswerIsTheUsualAnswerAndNoSuccessIsAWarning() {
        let (file, messages) = operations(
            """
            /x:
              get:
                operationId: getX
                responses:
                  default: {description: any, content: {application/json: {schema: {type: integer}}}}
            /y:
              get:
                operationId: getY
                responses:
                  "400": {description: bad}
            """)
        #expect(messages == ["spec.yaml:20:7: warning: operation 'getY' documents no 2xx response"])
        #expect(file.contains("public func getX() async throws(SoraError) -> Int {"))
        #expect(file.contains("return try await httpResponse.decodeJSON(Int.self)\n"))
        #expect(file.contains("public func getY() async throws(SoraError) {"))
    }

    @Test func aBinaryAnswerAlsoGetsADownloadMethod() {
        let (file, _) = operations(
            """
            /f/{id}:
              get:
                operationId: getFile
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                responses:
                  "200": {description: ok, content: {image/png: {schema: {type: string, format: binary}}}}
            """)
        #expect(file.contains("public func getFile(_ id: String) async throws(SoraError) -> BinaryContent {"))
        #expect(
            file.contains(
                "public func getFile(_ id: String, to destination: URL) async throws(SoraError) -> DownloadedFile {"))
        #expect(file.contains("return try await core.download(httpRequest, to: destination)\n"))
        #expect(file.contains("httpRequest.setHeader(\"Accept\", \"image/png\")\n"))
    }

    @Test func aMethodThatSetsNothingDeclaresItsRequestWithLet() {
        // With a single-token client and no parameters or body, `var httpRequest` is never mutated: Swift warns
        // ("variable 'httpRequest' was never mutated"), which a package built with warnings as errors rejects.
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                paths: "  /a:\n    get:\n      operationId: getA\n      responses: {\"204\": {description: ok}}",
                extra: "  securitySchemes:\n    bearer: {type: http, scheme: bearer}\nsecurity: [{bearer: []}]"))
        let file = Spec.file(result, "Operations/Default.swift")
        #expect(file.contains("OperationRequest(operationID: \"getA\", method: .get, path: \"/a\")\n"))
        #expect(!file.contains("setSecurity"))
        #expect(!file.contains("var httpRequest"))
        #expect(file.contains("let httpRequest = OperationRequest("))
    }
}
