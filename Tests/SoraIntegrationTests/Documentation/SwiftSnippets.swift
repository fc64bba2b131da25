import Foundation
import TestSupport
import Testing

/// Compiles Swift snippets with the toolchain's `swiftc` against the modules `swift test` built, warnings as
/// errors, as far as SIL (so the diagnostics that come after type checking, such as data races, a missing return or
/// a use before initialization, count too); the compiler's messages point at the documents' lines.
enum SwiftSnippets {
    /// One compile's outcome.
    struct Outcome {
        let succeeded: Bool
        let output: String
    }

    /// A block's source as a file: statements wrapped in an `async throws` function, imports before it, and
    /// `#sourceLocation` so diagnostics name the document.
    static func source(for blocks: [Snippet], index: Int) -> String {
        let path = Documentation.root.appending(path: blocks[0].document).path
        var imports: [String] = []
        var body: [String] = []
        for block in blocks {
            body.append("#sourceLocation(file: \"\(path)\", line: \(block.line))")
            for line in block.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("import ") || line.hasPrefix("@preconcurrency import ") {
                    imports.append(String(line))
                    body.append("")
                } else {
                    body.append(String(line))
                }
            }
            body.append("#sourceLocation()")
        }
        let header = Set(imports).sorted().joined(separator: "\n")
        if blocks.contains(where: declaresTypes) { return header + "\n" + body.joined(separator: "\n") + "\n" }
        return header + "\nfunc snippet\(index)() async throws {\n" + body.joined(separator: "\n") + "\n}\n"
    }

    /// True when `snippet` declares a type or extension at its top level, so it is a file, not statements.
    static func declaresTypes(_ snippet: Snippet) -> Bool {
        snippet.text.split(separator: "\n").contains { line in
            guard let first = line.first, !first.isWhitespace else { return false }
            let words = line.split(separator: " ").map(String.init).filter {
                !["public", "internal", "private", "fileprivate", "final", "nonisolated"].contains($0)
                    && !$0.hasPrefix("@")
            }
            return line.hasPrefix("@main")
                || ["struct", "enum", "extension", "actor", "class", "protocol"].contains(words.first ?? "")
        }
    }

    /// Compiles `files` (name → source) as one module; `library` when none holds top-level code.
    static func check(_ files: [(name: String, source: String)], library: Bool) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appending(path: "swift-snippets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appending(path: file.name)
            try Data(file.source.utf8).write(to: url)
            paths.append(url.path)
        }
        let arguments =
            [
                "nice", "-n", "10", "swiftc", "-emit-sil", "-o", "/dev/null", "-swift-version", "6",
                "-warnings-as-errors", "-module-name", "Snippets",
            ]
            + (library ? ["-parse-as-library"] : []) + moduleSearchArguments + paths
        let run = try await ProgramRun.run(
            URL(filePath: "/usr/bin/env"), arguments, in: folder, limit: .seconds(90))
        return Outcome(
            succeeded: run.status == 0 && run.exited && !run.timedOut,
            output: run.timedOut ? "swiftc timed out" : run.stderr)
    }

    /// The compiler's errors in `output` that point into `document`: its line and message.
    static func errors(in output: String, document: String) -> [(line: Int, message: String)] {
        let path = Documentation.root.appending(path: document).path
        return output.split(whereSeparator: \.isNewline).compactMap { line in
            guard line.hasPrefix(path + ":") else { return nil }
            let rest = line.dropFirst(path.count + 1).split(separator: ":", maxSplits: 2)
            guard rest.count == 3, let number = Int(rest[0]), rest[2].hasPrefix(" error: ") else { return nil }
            return (number, String(rest[2].dropFirst(" error: ".count)))
        }
    }

    /// `-I` for the built modules, and the C module maps their imports need (as SwiftPM passes them).
    static let moduleSearchArguments: [String] = {
        let build = Documentation.buildFolder
        var arguments = ["-I", build.appending(path: "Modules").path]
        let items = (try? FileManager.default.contentsOfDirectory(atPath: build.path)) ?? []
        for item in items.sorted() where item.hasSuffix(".build") {
            let map = build.appending(path: "\(item)/module.modulemap")
            if FileManager.default.fileExists(atPath: map.path) {
                arguments += ["-Xcc", "-fmodule-map-file=\(map.path)"]
            }
        }
        var checkouts = build
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: checkouts.appending(path: "checkouts").path) {
            checkouts = checkouts.deletingLastPathComponent()
        }
        checkouts = checkouts.appending(path: "checkouts")
        let found =
            FileManager.default.enumerator(atPath: checkouts.path)?.allObjects.compactMap { $0 as? String } ?? []
        for path in found.sorted()
        where path.hasSuffix("include/module.modulemap") && path.contains("/Sources/")
            && !path.contains("Benchmarks/")
        {
            let include = checkouts.appending(path: String(path.dropLast("/module.modulemap".count)))
            arguments += [
                "-Xcc", "-fmodule-map-file=\(checkouts.appending(path: path).path)", "-Xcc", "-I", "-Xcc", include.path,
            ]
        }
        return arguments
    }()
}
