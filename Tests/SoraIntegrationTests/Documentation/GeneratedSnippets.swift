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

    /// The generated files for `yaml`, each one's text, in path order, or the generator's complaint.
    static func generate(_ yaml: String) async throws -> Result<[String], GenerationFailure> {
        let folder = FileManager.default.temporaryDirectory.appending(path: "generated-snippet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(document(from: yaml).utf8).write(to: folder.appending(path: "spec.yaml"))
        let run = try await ProgramRun.run(
            BuiltExecutable.url("sora-codegen"),
            ["--spec", "spec.yaml", "--output", "Out", "--access-modifier", "internal", "--no-cache"], in: folder)
        guard run.status == 0, run.exited else { return .failure(GenerationFailure(output: run.stdout + run.stderr)) }
        let out = folder.appending(path: "Out")
        let files = FileManager.default.enumerator(atPath: out.path)?.allObjects.compactMap { $0 as? String } ?? []
        return .success(
            try files.sorted().filter { $0.hasSuffix(".swift") }.map {
                try String(contentsOf: out.appending(path: $0), encoding: .utf8)
            })
    }

    /// Why a document did not generate.
    struct GenerationFailure: Error {
        let output: String
    }

    /// Nil when one generated file holds `shown`: its runs of lines (split at `// …`) each as consecutive lines,
    /// in order, blank lines aside; else the first line of the run that no file holds there.
    static func firstMissingLine(_ shown: String, in files: [String]) -> String? {
        let runs = runs(of: shown)
        guard !runs.isEmpty else { return nil }
        var best: (matched: Int, missing: String)?
        for file in files {
            let lines = file.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            var position = 0
            var matched = 0
            for run in runs {
                guard let start = find(run, in: lines, from: position) else { break }
                position = start + run.count
                matched += 1
            }
            if matched == runs.count { return nil }
            if matched >= (best?.matched ?? 0) { best = (matched, runs[matched][0]) }
        }
        return best?.missing ?? runs[0][0]
    }

    /// The block's trimmed, non-blank lines, cut into runs at `// …`.
    private static func runs(of shown: String) -> [[String]] {
        var runs: [[String]] = [[]]
        for line in shown.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line == "// …" || line == "// ..." {
                runs.append([])
            } else if !line.isEmpty {
                runs[runs.count - 1].append(line)
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The first index at or after `start` where `run` stands as consecutive lines of `lines`.
    private static func find(_ run: [String], in lines: [String], from start: Int) -> Int? {
        guard run.count <= lines.count else { return nil }
        var index = start
        while index + run.count <= lines.count {
            if Array(lines[index..<(index + run.count)]) == run { return index }
            index += 1
        }
        return nil
    }
}
