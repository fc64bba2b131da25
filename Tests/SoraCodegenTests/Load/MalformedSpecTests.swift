import Foundation
import SoraCodegen
import Testing

/// Broken specs: each gives exact diagnostics with line:column, and the real executable exits 1.
@Suite struct MalformedSpecTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let expected: [String]
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ expected: [String]) {
            self.init(name, Array(text.utf8), expected)
        }

        init(_ name: String, _ bytes: [UInt8], _ expected: [String]) {
            self.name = name
            self.bytes = bytes
            self.expected = expected.map { "spec/broken.yaml:" + $0 }
        }
    }

    static let base = SpecText.minimal()

    static let cases: [Case] = [
        Case(
            "tab indentation", "openapi: 3.1.0\ninfo:\n\ttitle: T\n",
            ["3:1: error: a tab character cannot indent or start a YAML token; use spaces"]),
        Case(
            "unterminated quote", "openapi: \"3.1.0\ninfo:\n  title: T\n",
            ["4:1: error: while scanning a quoted scalar that started at 1:10: found unexpected end of stream"]),
        Case(
            "duplicate key",
            base.replacingOccurrences(
                of: "        name: {type: string}\n",
                with: "        name: {type: string}\n        name: {type: integer}\n"),
            ["27:9: error: duplicate key 'name'"]),
        Case(
            "missing $ref",
            base.replacingOccurrences(of: "schemas/Thing'}", with: "schemas/Nope'}"),
            ["19:30: error: '#/components/schemas/Nope' does not exist: no schema 'Nope' in components.schemas"]),
        Case(
            "$ref loop",
            base + "\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
            ["28:5: error: $ref loop with no object in between: A → B → A"]),
        Case(
            "wrong value types",
            base.replacingOccurrences(
                of: "        name: {type: string}\n",
                with: "        name: {type: string, minLength: ten}\n      required: name\n"),
            [
                "26:41: error: 'minLength' must be a number, found the string 'ten'",
                "27:17: error: 'required' must be a sequence, found the string 'name'",
            ]),
        Case(
            "alias bomb",
            (0..<7).map { level in
                let items =
                    level == 0 ? Array(repeating: "x", count: 10) : Array(repeating: "*l\(level - 1)", count: 10)
                return "l\(level): &l\(level) [\(items.joined(separator: ","))]\n"
            }.joined(),
            ["6:38: error: alias expansion exceeds 1000000 nodes (possible \"billion laughs\")"]),
        Case(
            "100 000-deep nesting",
            "openapi: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            ["1:265: error: nesting is deeper than 256 levels"]),
        Case(
            "invalid UTF-8", Array("openapi: 3.1.0\ninfo:\n  title: ".utf8) + [0xFF, 0x0A],
            ["3:10: error: invalid UTF-8: invalid leading UTF-8 octet #xFF"]),
        Case("empty file", "", ["1:1: error: the spec is empty; expected an OpenAPI 3.0 or 3.1 document"]),
        Case(
            "binary garbage",
            Array(repeating: [0x00, 0x01, 0x02, 0xFE, 0x10, 0x80, 0x7F, 0x03], count: 8).flatMap { $0 },
            ["1:1: error: control characters are not allowed #x00"]),
        Case(
            "path parameter mismatch", base.replacingOccurrences(of: "/things/{id}:", with: "/things/{thing_id}:"),
            [
                "8:7: error: path '/things/{thing_id}' has '{thing_id}' but no path parameter 'thing_id'",
                "10:11: error: path parameter 'id' does not appear in '/things/{thing_id}'",
            ]),
        Case(
            "wrong OpenAPI version", base.replacingOccurrences(of: "openapi: 3.1.0", with: "openapi: 2.0.0"),
            [
                "1:10: error: OpenAPI version '2.0.0' is not supported; sora-codegen reads 3.0.x and 3.1.x "
                    + "(convert a Swagger 2.0 document first)"
            ]),
    ]

    @Test(arguments: cases)
    func diagnosticsAreExact(_ spec: Case) {
        let result = Generator.generate(spec: spec.bytes, specPath: "spec/broken.yaml")
        #expect(result.diagnostics.map(\.description) == spec.expected)
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
    }

    @Test(arguments: cases)
    func executableExitsOne(_ spec: Case) async throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "spec"), withIntermediateDirectories: true)
        try Data(spec.bytes).write(to: folder.appending(path: "spec/broken.yaml"))
        let run = try await Executable.run(["--spec", "spec/broken.yaml", "--output", "out"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").prefix(spec.expected.count).map(String.init) == spec.expected)
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "out").path))
    }
}
