import Foundation
import TestSupport

/// A module's public API as one line per symbol, read from the module that `swift test` built, through the
/// toolchain's `swift-symbolgraph-extract`: public declarations only, without `@_spi` ones and without members the
/// compiler synthesises. Each line is the symbol's path and its declaration, sorted, so a diff shows what changed.
enum PublicSymbols {
    /// Why the list cannot be made.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The lines for `module`, or why they cannot be had.
    static func lines(of module: String) async throws -> [String] {
        Set(try await symbols(of: module).map { "\($0.path) | \($0.declaration)" }).sorted()
    }

    /// One public symbol of a module's symbol graph.
    struct Symbol {
        /// The symbol's path, dot-separated (`SoraError.timeout(operationID:seconds:kind:)`).
        let path: String
        /// Its declaration on one line.
        let declaration: String
        /// The first line of its documentation comment, if it has one.
        let summary: String?
    }

    /// The public symbols of `module` (its own and those it adds to other modules' types).
    static func symbols(of module: String) async throws -> [Symbol] {
        let modules = try modulesFolder(holding: module)
        let output = FileManager.default.temporaryDirectory.appending(path: "symbols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        try await run(
            tool("swift-symbolgraph-extract"),
            [
                "-module-name", module, "-I", modules.path, "-target", try await targetTriple(),
                "-minimum-access-level", "public", "-skip-synthesized-members", "-output-dir", output.path,
            ])
        var symbols: [Symbol] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        where file.hasSuffix(".json") {
            let data = try Data(contentsOf: output.appending(path: file))
            guard let graph = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let entries = graph["symbols"] as? [[String: Any]]
            else { throw Failure(description: "\(file) is not a symbol graph") }
            for symbol in entries {
                let path = (symbol["pathComponents"] as? [String] ?? []).joined(separator: ".")
                let fragments = symbol["declarationFragments"] as? [[String: Any]] ?? []
                let declaration = fragments.compactMap { $0["spelling"] as? String }.joined()
                let comment = (symbol["docComment"] as? [String: Any])?["lines"] as? [[String: Any]] ?? []
                let summary = comment.compactMap { $0["text"] as? String }.first {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                }
                symbols.append(
                    Symbol(
                        path: path, declaration: declaration.split(whereSeparator: \.isNewline).joined(separator: " "),
                        summary: summary))
            }
        }
        return symbols
    }

    /// The folder with the built `.swiftmodule`s: `Modules` beside the test bundle (or an ancestor's).
    private static func modulesFolder(holding module: String) throws -> URL {
        var folder = BuiltExecutable.url("sora-codegen").deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appending(path: "Modules")
            if FileManager.default.fileExists(atPath: candidate.appending(path: "\(module).swiftmodule").path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "no \(module).swiftmodule in a Modules folder near the test bundle")
    }

    /// `swift -print-target-info`'s triple: the one the modules were built for.
    private static func targetTriple() async throws -> String {
        let info = try await run(tool("swift"), ["-print-target-info"])
        guard let object = try JSONSerialization.jsonObject(with: info) as? [String: Any],
            let target = object["target"] as? [String: Any], let triple = target["triple"] as? String
        else { throw Failure(description: "swift -print-target-info gave no target triple") }
        return triple
    }

    /// A toolchain executable: on PATH, or beside the `swift` that is.
    private static func tool(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(filePath: String(folder)).appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "\(name) is not on PATH; it comes with the Swift toolchain")
    }

    /// Runs `tool` and returns its standard output; a non-zero exit is a failure with its standard error. Output
    /// goes through files and the wait does not hold a thread of the cooperative pool.
    @discardableResult
    private static func run(_ tool: URL, _ arguments: [String]) async throws -> Data {
        let run = try await ProgramRun.run(tool, arguments, in: FileManager.default.temporaryDirectory)
        guard run.status == 0, !run.timedOut else {
            throw Failure(description: "\(tool.lastPathComponent) failed: \(run.stderr)")
        }
        return Data(run.stdout.utf8)
    }
}
