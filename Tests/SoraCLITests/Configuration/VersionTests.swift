import Foundation
import Testing

extension CLITests {
    /// `sora --version` and the shell completion scripts that swift-argument-parser writes.
    @Suite struct VersionTests {
        @Test func versionPrintsTheToolAndTheSpecAndExitsZero() async throws {
            let folder = FileManager.default.temporaryDirectory.appending(path: "sora-version-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try await CLI.run(["--version"], in: folder, environment: [:])
            #expect(run.status == 0)
            #expect(run.stdout == "0.13.0 (client from spec/sora-2.yaml 1.0.0)\n")
            #expect(run.stderr.isEmpty)
        }

        @Test(arguments: [("bash", "complete -o"), ("zsh", "#compdef sora"), ("fish", "complete -c 'sora'")])
        func completionScriptsNameEveryCommand(_ shell: String, _ marker: String) async throws {
            let folder = FileManager.default.temporaryDirectory.appending(path: "sora-completion-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try await CLI.run(["--generate-completion-script", shell], in: folder, environment: [:])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains(marker), "\(run.stdout.prefix(300))")
            for command in ["create", "status", "wait", "download", "list", "delete", "remix", "batch"] {
                #expect(run.stdout.contains(command), "\(shell) completion lacks \(command)")
            }
            #expect(run.stdout.contains("dry-run"), "\(shell) completion lacks batch's --dry-run")
        }
    }
}
