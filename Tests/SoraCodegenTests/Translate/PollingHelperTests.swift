import Foundation
import SoraCodegen
import Testing

/// `x-polling`'s helper compares the state as the enum's own cases, whatever the state property looks like.
@Suite struct PollingHelperTests {
    private func spec(status: String, required: Bool, terminal: String) -> String {
        """
        openapi: 3.1.0
        info: {title: Jobs, version: "1"}
        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              x-polling: {method: waitForJob, status: state, terminal: \(terminal)}
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Job'}
        components:
          schemas:
            Job:
              type: object
              required: [id\(required ? ", state" : "")]
              properties:
                id: {type: string}
                state: \(status)
            State:
              type: string
              enum: [queued, 4k-done, failed]
        """
    }

    private func operations(_ text: String) -> (String, [String]) {
        let result = Generator.generate(spec: Array(text.utf8), specPath: "jobs.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let code = result.files.first { $0.path.hasPrefix("Operations/") }?.contents ?? ""
        return (code, result.diagnostics.map(\.message))
    }

    @Test func aNamedEnumIsComparedByItsCasesIncludingADigitLeadingOne() throws {
        let (code, _) = operations(
            spec(status: "{$ref: '#/components/schemas/State'}", required: true, terminal: "[4k-done, failed]"))
        #expect(code.contains("isTerminal: { switch $0.state { case .state4kDone, .failed: true; default: false } }"))
    }

    @Test func anOptionalInlineEnumAndAStateItDoesNotListAreComparedAsCases() throws {
        let (code, messages) = operations(
            spec(status: "{type: string, enum: [running, done]}", required: false, terminal: "[done, gone]"))
        #expect(
            code.contains("isTerminal: { switch $0.state { case .done?, .unknown(\"gone\")?: true; default: false } }"))
        #expect(messages.contains { $0.contains("terminal state 'gone' is not among the values of 'state'") })
    }

    @Test func aPlainStringIsComparedAsText() throws {
        let (code, _) = operations(spec(status: "{type: string}", required: true, terminal: "[done]"))
        #expect(code.contains("isTerminal: { [\"done\"].contains($0.state) }"))
    }

    @Test func everyFormCompiles() async throws {
        for (status, required, terminal) in [
            ("{$ref: '#/components/schemas/State'}", true, "[4k-done, failed]"),
            ("{$ref: '#/components/schemas/State'}", false, "[queued]"),
            ("{type: string, enum: [running, done]}", false, "[done, gone]"),
            ("{type: string}", false, "[done]"),
        ] {
            let result = Generator.generate(
                spec: Array(spec(status: status, required: required, terminal: terminal).utf8), specPath: "jobs.yaml")
            let compile = try await GeneratedCode.compile(result)
            #expect(compile.status == 0, "\(status) \(terminal): \(compile.output)")
        }
    }
}
