import ArgumentParser
import Foundation

/// `sora`: the command line over `SoraClient`.
@main
struct SoraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sora",
        abstract: "Generate, follow, download and manage Sora-2 videos.",
        discussion: """
            Configuration: SORA_API_KEY (or --token-file PATH) holds the token, which is never printed; \
            SORA_BASE_URL the API (default: \(Environment.defaultBaseURL)).

            Output: job ids and file paths go to stdout, progress and errors to stderr; \
            --json prints one JSON object per job event on stdout and nothing else.

            Exit status: \(ExitStatus.summary)

            Shell completion: sora --generate-completion-script bash|zsh|fish (see Documentation/CLI.md).
            """,
        version: Version.description,
        subcommands: [
            CreateCommand.self, StatusCommand.self, WaitCommand.self, DownloadCommand.self,
            ListCommand.self, DeleteCommand.self, RemixCommand.self, BatchCommand.self,
        ])

    /// Parses, runs, and turns every failure into one stderr line and its exit status.
    static func main() async {
        let status: ExitStatus
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = .success
        } catch {
            status = report(error)
        }
        Foundation.exit(status.rawValue)
    }

    /// Prints the message for `error` and returns its exit status (the one place errors become codes).
    static func report(_ error: any Error) -> ExitStatus {
        if let failure = error as? CLIFailure {
            ErrorLine.print(failure.message)
            return failure.status
        }
        if let code = error as? ExitCode {
            return code == .success ? .success : .usage
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            print(message)
            return .success
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return .usage
    }
}
