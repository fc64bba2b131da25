import ArgumentParser
import Foundation
import SoraClient

/// `sora remix ID --prompt TEXT`: a new job from a completed video.
struct RemixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remix", abstract: "Create a new job from a completed video and a new prompt.")

    @Argument(help: "The id of the completed source video.")
    var id: String

    @Option(help: "What to change.")
    var prompt: String

    @Flag(help: "Show progress until the new job completes or fails.")
    var wait = false

    @Option(help: "Download the new video to this file when completed (implies --wait).")
    var output: String?

    @Option(
        name: .customLong("idempotency-key"),
        help: "A key for this remix; sending the same key again returns the same job instead of a new paid one.")
    var idempotencyKey: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    func validate() throws {
        try PaidRequest.validate(idempotencyKey)
        try waiting.validate(following: wait || output != nil)
    }

    func run() async throws {
        guard !prompt.isEmpty else { throw CLIFailure(message: "--prompt: must not be empty", status: .usage) }
        let (id, prompt, options, output) = (id, prompt, options, output)
        let waitTimeout = waiting.duration
        let follow = wait || output != nil
        let key = idempotencyKey ?? UUID().uuidString.lowercased()
        try await Interrupt().run { interrupt in
            try await Session.run(options) { session in
                let reporter = Reporter(json: options.json)
                let newID = try await PaidRequest.submit(
                    key: key, interrupt: interrupt, reporter: reporter
                ) { () async throws(SoraError) in
                    try await session.sora.remixVideo(id, body: RemixVideoRequest(prompt: prompt), idempotencyKey: key)
                }
                if follow {
                    try await JobFlow.follow(
                        newID, session: session, reporter: reporter, output: output, waitTimeout: waitTimeout)
                }
            }
        }
    }
}
