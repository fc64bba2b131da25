import ArgumentParser
import SoraClient

/// `sora list`: recent jobs, one line (or JSON object) each.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List jobs, newest first.")

    @Option(help: "Jobs per page (1...100).")
    var limit: Int?

    @Option(help: "asc or desc (by creation time).")
    var order: String?

    @Flag(help: "Follow every page, not just the first.")
    var all = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let limit, !(1...100).contains(limit) {
            throw ValidationError("--limit must be within 1...100, got \(limit)")
        }
        if let order, !["asc", "desc"].contains(order) {
            throw ValidationError("--order must be asc or desc, got \(order)")
        }
    }

    func run() async throws {
        let order = order.map(ListOrder.init(rawValue:))
        let (limit, all, options) = (limit, all, options)
        try await Session.run(options) { session in
            let reporter = Reporter(json: options.json)
            do {
                if all {
                    for try await video in session.sora.allVideos(limit: limit, order: order) {
                        reporter.describe(video, event: "video")
                    }
                } else {
                    for video in try await session.sora.listVideos(limit: limit, order: order).data {
                        reporter.describe(video, event: "video")
                    }
                }
            } catch {
                throw ErrorLine.failure(error)
            }
        }
    }
}
