import ArgumentParser
import SoraClient

/// `sora delete ID`: deletes a job and its files on the server.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a job and its videos.")

    @Argument(help: "The job id.")
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let (id, options) = (id, options)
        try await Session.run(options) { session in
            do {
                let deleted = try await session.sora.deleteVideo(id)
                Reporter(json: options.json).deleted(deleted.id)
            } catch {
                throw ErrorLine.failure(error)
            }
        }
    }
}
