import Testing
import YAML

@testable import SoraCodegen

/// `SpecReader`: bytes in, a typed spec or diagnostics out; hostile input never crashes.
@Suite struct SpecReaderTests {
    static func read(_ text: String, file: String = "api/spec.yaml") -> (SpecDocument?, [String]) {
        let (document, diagnostics) = SpecReader.read(Array(text.utf8), file: file)
        return (document, diagnostics.map(\.description))
    }

    @Test func aValidDocumentHasNoDiagnostics() throws {
        let (document, messages) = Self.read(SpecText.minimal())
        #expect(messages == [])
        #expect(try #require(document).operations.map(\.operationID) == ["getThing"])
        #expect(document?.schemas.map(\.name) == ["Thing"])
    }

    @Test func anErrorLeavesNoDocumentAndNamesTheFileAsGiven() {
        let (document, messages) = Self.read(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n", file: "../specs/x.yaml")
        #expect(document == nil)
        #expect(messages == ["../specs/x.yaml:1:1: error: the document has no 'paths'"])
    }

    @Test func warningsAloneKeepTheDocument() {
        let (document, messages) = Self.read("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-a: 1\n")
        #expect(document != nil)
        #expect(messages == ["api/spec.yaml:4:1: warning: extension 'x-a' is not used by the generator; it is ignored"])
    }

    @Test(arguments: [
        ("", "1:1: error: the spec is empty; expected an OpenAPI 3.0 or 3.1 document"),
        ("# only a comment\n", "1:1: error: the spec is empty; expected an OpenAPI 3.0 or 3.1 document"),
        ("hello", "1:1: error: the OpenAPI document must be a mapping, found the string 'hello'"),
        ("42", "1:1: error: the OpenAPI document must be a mapping, found the number 42"),
        ("~", "1:1: error: the OpenAPI document must be a mapping, found null"),
        ("- openapi: 3.1.0\n", "1:1: error: the OpenAPI document must be a mapping, found a sequence"),
        ("[1, 2, 3]", "1:1: error: the OpenAPI document must be a mapping, found a sequence"),
        (
            "{openapi: 3.1.0",
            "2:1: error: while parsing a flow mapping that started at 1:1: did not find expected ',' or '}'"
        ),
        ("a: b: c", "1:5: error: mapping values are not allowed in this context"),
        ("openapi: 3.1.0\n---\nopenapi: 3.1.0\n", "2:1: error: expected a single YAML document, found a second one"),
    ])
    func documentsThatAreNotOpenAPI(_ text: String, _ message: String) {
        let (document, messages) = Self.read(text)
        #expect(document == nil)
        #expect(messages == ["api/spec.yaml:" + message])
    }

    @Test func nonUTF8BytesAreAnErrorAtTheirPlace() {
        let bytes = Array("openapi: 3.1.0\ninfo: {title: \"".utf8) + [0xC3, 0x28] + Array("\", version: '1'}\n".utf8)
        let (document, diagnostics) = SpecReader.read(bytes, file: "spec.yaml")
        #expect(document == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.mark.line == 2)
        #expect(diagnostics.first?.message.hasPrefix("invalid UTF-8") == true)
    }

    @Test func oddScalarsAreReadAsWritten() throws {
        let (document, messages) = Self.read(
            """
            openapi: 3.1.0
            info: {title: "Tab\\tand \\u00e9 and \\U0001F600", version: 0o17, description: "null"}
            paths: {}

            """)
        #expect(messages == [])
        #expect(document?.title == "Tab\tand é and 😀")
        // Scalars keep their text: an octal version is not turned into 15.
        #expect(document?.version == "0o17")
        #expect(document?.description == "null")
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let (document, diagnostics) = SpecReader.read(
            [0xEF, 0xBB, 0xBF] + Array("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n".utf8),
            file: "spec.yaml")
        #expect(diagnostics.map(\.description) == [])
        #expect(document?.title == "T")
    }

    @Test func anchorsAndAliasesAreReadAsTheirTargets() throws {
        let (document, messages) = Self.read(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Id: &id {type: string, format: uuid}
                Pair: {type: object, properties: {a: *id, b: *id}}
                Again: *id

            """)
        #expect(messages == [])
        let schemas = try #require(document?.schemas)
        #expect(
            schemas.map { LoadingSpec.summary($0.schema) } == [
                "string:uuid", "{a: string:uuid, b: string:uuid}", "string:uuid",
            ])
    }

    @Test func anAliasLoopIsAnErrorNotACrash() {
        let (document, messages) = Self.read("openapi: 3.1.0\ninfo: &a {title: T, version: '1', self: *a}\npaths: {}\n")
        #expect(document == nil)
        #expect(messages.count == 1)
        #expect(messages.first?.contains(": error: ") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 10_000
        let text =
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {Deep: "
            + String(repeating: "{type: array, items: ", count: depth) + "{}" + String(repeating: "}", count: depth)
            + "}}\n"
        let (document, messages) = Self.read(text)
        #expect(document == nil)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("api/spec.yaml:4:") == true)
        #expect(messages.first?.hasSuffix("error: nesting is deeper than 256 levels") == true)
    }

    @Test func aHundredLevelsOfSchemasAreOneError() {
        let depth = 100
        let text =
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {Deep: "
            + String(repeating: "{type: array, items: ", count: depth) + "{}" + String(repeating: "}", count: depth)
            + "}}\n"
        let (document, messages) = Self.read(text)
        #expect(document == nil)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("error: schemas nest deeper than 32 levels") == true)
    }

    @Test func manyProblemsAreReportedAtOnceInOrder() {
        let (_, messages) = Self.read(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /b/{id}:
                get: {operationId: b, responses: {"200": {description: ok}}}
            components:
              schemas:
                A: {type: string, minLength: -1}
                B: {$ref: '#/components/schemas/Nope'}

            """)
        #expect(
            messages == [
                "api/spec.yaml:5:10: error: path '/b/{id}' has '{id}' but no path parameter 'id'",
                "api/spec.yaml:8:34: error: 'minLength' must be a non-negative integer, found -1",
                "api/spec.yaml:9:15: error: '#/components/schemas/Nope' does not exist: no schema 'Nope' in "
                    + "components.schemas",
            ])
    }

    @Test func loadedKeepsTheDiagnosticsOpenToASelection() throws {
        let loaded = SpecReader.load(
            Array("openapi: 3.1.0\ninfo: {title: T, version: '1', x-a: 1}\npaths: {}\nx-b: 1\n".utf8), file: "s.yaml")
        #expect(loaded.document != nil)
        #expect(loaded.diagnostics(keeping: { _ in true }).count == 2)
        #expect(
            loaded.diagnostics(keeping: { $0.line == 4 }).map(\.description) == [
                "s.yaml:4:1: warning: extension 'x-b' is not used by the generator; it is ignored"
            ])
        #expect(loaded.diagnostics(keeping: { _ in false }) == [])
    }
}
