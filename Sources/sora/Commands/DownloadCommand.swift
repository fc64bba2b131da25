import ArgumentParser
import SoraClient

/// `sora download ID`: streams a completed job's video (or preview) to a file.
struct DownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download", abstract: "Download a completed job's video, thumbnail or spritesheet.")

    @Argument(help: "The job id.")
    var id: String

    @Option(help: "video (MP4), thumbnail (WebP) or spritesheet (JPEG).")
    var variant = "video"

    @Option(help: "The file to write (default: ID.mp4, ID.webp or ID.jpg).")
    var output: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard ["video", "thumbnail", "spritesheet"].contains(variant) else {
            throw ValidationError("--variant must be video, thumbnail or spritesheet, got \(variant)")
        }
    }

    func run() async throws {
        let variant = VideoContentVariant(rawValue: variant)
        let path = output ?? JobFlow.defaultFileName(id, variant: variant)
        let (id, options) = (id, options)
        try await Interrupt().run { _ in
            try await Session.run(options) { session in
                let reporter = Reporter(json: options.json)
                try await JobFlow.download(id, variant: variant, to: path, session: session, reporter: reporter)
            }
        }
    }
}
