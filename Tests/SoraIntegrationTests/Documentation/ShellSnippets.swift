import Foundation
import TestSupport
import Testing

/// Runs a document's shell blocks in order, in one scratch folder, against a running mock.
enum ShellSnippets {
    /// The scratch folder of one document: the files the blocks may use, and a `swift` that runs built tools.
    static func workspace(baseURL: String, token: String) throws -> (folder: URL, environment: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "snippets-\(UUID().uuidString)")
        let bin = folder.appending(path: ".snippet-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Documentation.root.appending(path: "spec"), to: folder.appending(path: "spec"))
        // A real image's size (64 KiB), so the documented upload limits bite as they would.
        try (MockHarness.png(1280, 720) + Data(count: 64 << 10)).write(to: folder.appending(path: "reference.png"))
        try Data(
            """
            {"prompt": "a paper boat on a pond", "model": "sora-2", "seconds": "4"}
            {"prompt": "a lighthouse at dusk", "model": "sora-2", "size": "1280x720", "seconds": "8"}
            {"prompt": "snow on a city street", "model": "sora-2-pro", "size": "1792x1024", "seconds": "4"}

            """.utf8
        ).write(to: folder.appending(path: "prompts.jsonl"))
        let shim = bin.appending(path: "swift")
        try Data(
            """
            #!/bin/bash
            # `swift run NAME ARGS` runs the built NAME; other swift commands are shown, not run.
            if [ "$1" = run ]; then
              shift
              while [[ "$1" == -* ]]; do
                case "$1" in -c|--configuration|--scratch-path|--package-path) shift 2 ;; *) shift ;; esac
              done
              name="$1"; shift
              exec "$SNIPPET_BUILT/$name" "$@"
            fi
            echo "(snippet check: not running swift $*)"

            """.utf8
        ).write(to: shim)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim.path)
        var environment = ProcessInfo.processInfo.environment
        let built = Documentation.buildFolder.path
        environment["PATH"] = "\(bin.path):\(built):" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["SNIPPET_BUILT"] = built
        environment["SORA_BASE_URL"] = baseURL
        environment["SORA_API_KEY"] = token
        environment["HOME"] = folder.path
        environment["NO_COLOR"] = "1"
        return (folder, environment)
    }

    /// Runs `snippet` with bash in `folder` and records an issue at its line unless it exits as its marker says,
    /// and, for a documented failure, prints what `shown` (the text block after it) shows.
    static func run(_ snippet: Snippet, shown: Snippet?, in folder: URL, environment: [String: String]) async throws {
        let expected: Int32 = if case .exit(let status) = snippet.marker { status } else { 0 }
        let run = try await ProgramRun.run(
            URL(filePath: "/bin/bash"), ["-eo", "pipefail", "-c", snippet.text], in: folder,
            environment: environment, limit: .seconds(60))
        if run.timedOut {
            Issue.record(
                "\(snippet): still running after 60 s:\n\(snippet.text)", sourceLocation: snippet.sourceLocation)
        } else if run.status != expected || !run.exited {
            let ending = run.exited ? "exited \(run.status)" : "was killed by signal \(run.status)"
            Issue.record(
                """
                \(snippet): \(ending), expected exit \(expected):
                \(snippet.text)
                --- stdout
                \(run.stdout.suffix(2000))
                --- stderr
                \(run.stderr.suffix(2000))
                """, sourceLocation: snippet.sourceLocation)
        } else if let shown, let missing = firstUnprinted(shown.text, in: run.stdout + run.stderr) {
            Issue.record(
                "\(shown): `\(missing)` is not what \(snippet) printed:\n\(run.stdout)\(run.stderr)",
                sourceLocation: shown.sourceLocation)
        }
    }

    /// The first line of `shown` that no line of `output` matches, or nil. `…` in a shown line stands for any text
    /// (an id, a port, a time), so its other parts must appear in that order on one line.
    static func firstUnprinted(_ shown: String, in output: String) -> String? {
        let printed = output.split(whereSeparator: \.isNewline)
        for line in shown.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) })
        where !line.isEmpty {
            let parts = line.components(separatedBy: "…").filter { !$0.isEmpty }
            let matches = printed.contains { candidate in
                var rest = Substring(candidate)
                for part in parts {
                    guard let range = rest.range(of: part) else { return false }
                    rest = rest[range.upperBound...]
                }
                return true
            }
            if !matches { return line }
        }
        return nil
    }
}
