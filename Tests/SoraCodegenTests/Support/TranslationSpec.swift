import Testing
import YAML

@testable import SoraCodegen

/// Small documents for the translation tests: schemas start on line 5 (column 5 for their keys), paths follow.
enum TranslationSpec {
    /// A 3.1 (or `version`) document with `schemas` under `components/schemas` and `paths` (none when empty).
    static func text(schemas: String, paths: String = "", version: String = "3.1.0", extra: String = "") -> String {
        """
        openapi: \(version)
        info: {title: T, version: "1"}
        components:
          schemas:
        \(schemas)
        \(extra)
        paths:\(paths.isEmpty ? " {}" : "\n" + paths)
        """
    }

    /// `text` with its common indentation replaced by `spaces` spaces (to place a fragment in a document).
    static func indent(_ text: String, by spaces: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let common =
            lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let pad = String(repeating: " ", count: spaces)
        return lines.map { $0.allSatisfy { $0 == " " } ? "" : pad + $0.dropFirst(common) }.joined(separator: "\n")
    }

    /// Loads the typed document, with loader errors allowed but no `$ref`-loop check (so a loop reaches the table).
    static func document(_ text: String) throws -> SpecDocument {
        let root = try #require(try YAMLParser.parse(Array(text.utf8)))
        var loader = SpecLoader(root: root, file: "spec.yaml")
        let document = loader.load()
        return try #require(document)
    }

    /// The type table of a document and the diagnostics building it reported.
    static func table(_ document: SpecDocument, clientName: String = "APIClient") -> (TypeTable, [String]) {
        var bag = DiagnosticBag(file: "spec.yaml")
        let table = TypeTable(document, clientName: clientName, diagnostics: &bag)
        return (table, bag.sorted.map(\.description))
    }

    /// Generates from text, as users do.
    static func generate(_ text: String) -> GenerationResult {
        Generator.generate(spec: Array(text.utf8), specPath: "spec.yaml")
    }

    /// The text of one generated file, or "" when it is missing.
    static func file(_ result: GenerationResult, _ path: String) -> String {
        result.files.first { $0.path == path }?.contents ?? ""
    }

    /// The file's lines, without leading spaces and without doc comments (for looking up one declaration).
    static func code(_ file: String) -> [String] {
        file.split(separator: "\n").map { String($0.drop { $0 == " " }) }.filter { !$0.hasPrefix("///") }
    }

    /// The diagnostics as printed.
    static func messages(_ result: GenerationResult) -> [String] {
        result.diagnostics.map(\.description)
    }
}
