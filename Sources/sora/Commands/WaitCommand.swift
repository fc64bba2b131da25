import ArgumentParser
import SoraClient

/// `sora wait ID`: follows a job to its end; the way to resume after an interruption.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Show progress until a job completes or fails; optionally download it.")

    @Argument(help: "The job id.")
    var id: String

    @Option(help: "Download the video to this file when completed.")
    var output: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    func run() async throws {
        let (id, options, output) = (id, options, output)
        let waitTimeout = waiting.duration
        try await Interrupt().run { interrupt in
            interrupt.track(id)
            try await Session.run(options) { session in
                let reporter = Reporter(json: options.json)
                try await JobFlow.follow(
                    id, session: session, reporter: reporter, output: output, waitTimeout: waitTimeout)
            }
        }
    }
}
