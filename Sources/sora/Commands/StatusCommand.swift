import ArgumentParser
import SoraClient

/// `sora status ID`: the job's state, once.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show a job's state once.")

    @Argument(help: "The job id.")
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let (id, options) = (id, options)
        try await Session.run(options) { session in
            do {
                Reporter(json: options.json).describe(try await session.sora.retrieveVideo(id), event: "status")
            } catch {
                throw ErrorLine.failure(error)
            }
        }
    }
}
