import Foundation
import TestSupport

/// Checks a block of generated Swift against what `sora-codegen` makes of the YAML block before it.
enum GeneratedSnippets {
    /// The YAML as a whole document: `openapi`, `info` and `paths` added when the block has none.
    static func document(from yaml: String) -> String {
        let keys = Set(
            yaml.split(separator: "\n").compactMap { line -> String? in
                guard let first = line.first, !first.isWhitespace, first != "#" else { return nil }
                return line.split(separator: ":", maxSplits: 1).first.map(String.init)
            })
        var head = ""
        if !keys.contains("openapi") { head += "openapi: 3.1.0\n" }
        if !keys.contains("info") { head += "info: {title: Snippet, version: 1.0.0}\n" }
        if !keys.contains("paths") { head += "paths: {}\n" }
        return head + yaml + "\n"
    }

    /// The generated files for `yaml`, concatenated in path order, or the generator's complaint.
    static func generate(_ yaml: String) async throws -> Result<String, GenerationFailure> {
        let folder = FileManager.default.temporaryDirectory.appending(path: "generated-snippet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(document(from: yaml).utf8).write(to: folder.appending(path: "spec.yaml"))
        let run = try await ProgramRun.run(
            BuiltExecutable.url("sora-codegen"),
            ["--spec", "spec.yaml", "--output", "Out", "--access-modifier", "internal", "--no-cache"], in: folder)
        guard run.status == 0 else { return .failure(GenerationFailure(output: run.stdout + run.stderr)) }
        let out = folder.appending(path: "Out")
        let files = FileManager.default.enumerator(atPath: out.path)?.allObjects.compactMap { $0 as? String } ?? []
        var text = ""
        for file in files.sorted() where file.hasSuffix(".swift") {
            text += try String(contentsOf: out.appending(path: file), encoding: .utf8) + "\n"
        }
        return .success(text)
    }

    /// Why a document did not generate.
    struct GenerationFailure: Error {
        let output: String
    }

    /// The first line of `shown` (trimmed, blank and `// …` lines left out) that does not occur in `generated`
    /// after the lines before it, or nil when all do, in order.
    static func firstMissingLine(_ shown: String, in generated: String) -> String? {
        let lines = generated.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var position = 0
        for line in shown.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.isEmpty || line == "// …" || line == "// ..." { continue }
            guard let found = lines[position...].firstIndex(of: line) else { return line }
            position = found + 1
        }
        return nil
    }
}
