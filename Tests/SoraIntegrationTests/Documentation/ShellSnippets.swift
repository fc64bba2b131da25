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
        try MockHarness.png(1280, 720).write(to: folder.appending(path: "reference.png"))
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

    /// Runs `snippet` with bash in `folder` and records an issue at its line unless it exits as its marker says.
    static func run(_ snippet: Snippet, in folder: URL, environment: [String: String]) async throws {
        let expected: Int32 = if case .exit(let status) = snippet.marker { status } else { 0 }
        let run = try await ProgramRun.run(
            URL(filePath: "/bin/bash"), ["-eo", "pipefail", "-c", snippet.text], in: folder,
            environment: environment, limit: .seconds(60))
        if run.timedOut {
            Issue.record(
                "\(snippet): still running after 60 s:\n\(snippet.text)", sourceLocation: snippet.sourceLocation)
        } else if run.status != expected {
            Issue.record(
                """
                \(snippet): exited \(run.status), expected \(expected):
                \(snippet.text)
                --- stdout
                \(run.stdout.suffix(2000))
                --- stderr
                \(run.stderr.suffix(2000))
                """, sourceLocation: snippet.sourceLocation)
        }
    }
}
