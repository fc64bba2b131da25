import Testing
import YAML

@testable import SoraCodegen

/// Loads small documents into the model for the loading-stage tests, keeping the model even when there are errors,
/// and writes schemas and diagnostics in short forms that make exact assertions readable.
enum LoadingSpec {
    /// A loaded document and its diagnostics as `LINE:COL: SEVERITY: MESSAGE` (the file name left out).
    struct Result {
        var document: SpecDocument?
        var messages: [String]

        /// The errors only.
        var errors: [String] { messages.filter { $0.contains(": error: ") } }
        /// The warnings only.
        var warnings: [String] { messages.filter { $0.contains(": warning: ") } }

        /// The component schema `name`.
        func schema(_ name: String) -> Schema? {
            document?.schemas.first { $0.name == name }?.schema
        }

        /// The operation with `operationID`.
        func operation(_ operationID: String) -> Operation? {
            document?.operations.first { $0.operationID == operationID }
        }
    }

    /// The text before a schema body: `components.schemas.S` is on line 6, its body starts on line 7, column 7.
    static func header(_ version: String) -> String {
        """
        openapi: \(version)
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            S:

        """
    }

    /// Parses and loads `text` like `SpecReader`, but returns the document whatever the diagnostics say.
    static func load(_ text: String) -> Result {
        load(Array(text.utf8))
    }

    /// Parses and loads bytes like `SpecReader`, but returns the document whatever the diagnostics say.
    static func load(_ bytes: [UInt8]) -> Result {
        do {
            guard let root = try YAMLParser.parse(bytes) else { return Result(document: nil, messages: ["empty"]) }
            var loader = SpecLoader(root: root, file: "spec.yaml")
            let document = loader.load()
            if let document { loader.checkReferenceLoops(document.schemas) }
            return Result(document: document, messages: loader.diagnostics.sorted.map(short))
        } catch {
            return Result(document: nil, messages: ["\(error.mark): error: \(error.message)"])
        }
    }

    /// Loads a document whose schema `S` has `body` (block YAML, unindented): body line K is spec line K + 6, and
    /// its columns are 6 more than in `body`. `others` are more schemas (unindented, each `Name: …`), after `S`.
    static func schemaDocument(_ body: String, version: String = "3.1.0", others: String = "") -> Result {
        load(header(version) + indent(body, by: 6) + indent(others, by: 4))
    }

    /// The schema `S` of `schemaDocument(body)` and the diagnostics.
    static func schema(_ body: String, version: String = "3.1.0", others: String = "") -> (Schema?, [String]) {
        let result = schemaDocument(body, version: version, others: others)
        return (result.schema("S"), result.messages)
    }

    /// Loads a document whose `paths` are `paths` (block YAML, unindented): paths line K is spec line K + 3, and its
    /// columns are 2 more than in `paths`. `components` (unindented) follow under `components:`.
    static func paths(_ paths: String, components: String = "", version: String = "3.1.0") -> Result {
        var text = "openapi: \(version)\ninfo: {title: T, version: \"1\"}\npaths:\n" + indent(paths, by: 2)
        if !components.isEmpty { text += "components:\n" + indent(components, by: 2) }
        return load(text)
    }

    /// Every line of `text` indented by `count` spaces (empty lines stay empty).
    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n") + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n")
    }

    /// A diagnostic as `LINE:COL: SEVERITY: MESSAGE`.
    static func short(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.mark): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    }

    /// A schema in a short form: `string:date`, `$Thing`, `[integer]`, `{id!: integer, name: string}`,
    /// `map<string>`, `enum(a,b)`, `oneOf(string | integer)`; a nullable schema ends in `?`.
    static func summary(_ schema: Schema) -> String {
        summary(schema.kind) + (schema.isNullable ? "?" : "")
    }

    /// A schema kind in the short form of `summary(_:)`.
    static func summary(_ kind: SchemaKind) -> String {
        switch kind {
        case .reference(let name): "$" + name
        case .string(let format): "string" + (format.map { ":" + $0 } ?? "")
        case .binary: "binary"
        case .integer(let format): "integer" + (format.map { ":" + $0 } ?? "")
        case .number(let format): "number" + (format.map { ":" + $0 } ?? "")
        case .boolean: "boolean"
        case .enumeration(let values): "enum(\(values.values.joined(separator: ",")))"
        case .integerEnumeration(let values): "intEnum(\(values.values.map(String.init).joined(separator: ",")))"
        case .constant(let value): "const(\(value))"
        case .union(let union):
            (union.isAnyOf ? "anyOf(" : "oneOf(") + union.alternatives.map(summary).joined(separator: " | ") + ")"
        case .array(let items): "[\(summary(items))]"
        case .object(let object):
            "{"
                + object.properties.map { "\($0.name)\($0.isRequired ? "!" : ""): \(summary($0.schema))" }
                .joined(separator: ", ")
                + (object.additionalProperties.map { "; more: " + summary($0) } ?? "") + "}"
        case .map(let values): values.map { "map<\(summary($0))>" } ?? "map"
        case .any: "any"
        }
    }
}
