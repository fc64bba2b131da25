import ArgumentParser
import Foundation
import SoraClient

/// `sora create`: validates locally, creates a job, prints its id at once, optionally waits and downloads.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a video job; print its id at once.")

    @Option(help: "What the video shows.")
    var prompt: String

    @Option(help: "sora-2, sora-2-pro, or another model id the server accepts.")
    var model = "sora-2"

    @Option(help: "Duration in seconds, e.g. 4, 8 or 12.")
    var seconds: String?

    @Option(help: "WIDTHxHEIGHT: 720x1280, 1280x720, or with sora-2-pro 1024x1792, 1792x1024.")
    var size: String?

    @Option(name: .customLong("input-reference"), help: "A PNG, JPEG or WebP image whose pixel size equals --size.")
    var inputReference: String?

    @Flag(help: "Add a watermark.")
    var watermark = false

    @Flag(name: .customLong("private"), help: "Keep the video private (it cannot be remixed).")
    var isPrivate = false

    @Option(
        name: .customLong("character-url"), help: "A video to create a character from (with --character-timestamps).")
    var characterURL: String?

    @Option(name: .customLong("character-timestamps"), help: "START,END seconds of the character, 1 to 3 s apart.")
    var characterTimestamps: String?

    @Flag(help: "Show progress until the job completes or fails.")
    var wait = false

    @Option(help: "Download the video to this file when completed (implies --wait).")
    var output: String?

    @Option(
        name: .customLong("idempotency-key"),
        help: ArgumentHelp(
            "A key for this create; sending the same key again returns the same job instead of a new paid one.",
            discussion: "Without it a new key is made, and printed with the retry command if the outcome is unknown."))
    var idempotencyKey: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    func validate() throws {
        try PaidRequest.validate(idempotencyKey)
        try waiting.validate(following: wait || output != nil)
    }

    /// The request the flags describe.
    func request() -> CreateVideoRequest {
        CreateVideoRequest(
            model: VideoModel(rawValue: model), prompt: prompt, seconds: seconds,
            inputReference: inputReference.map { .file(URL(filePath: $0, relativeTo: .currentDirectory())) },
            size: size.map(VideoSize.init(rawValue:)), watermark: watermark ? true : nil,
            private: isPrivate ? true : nil, characterUrl: characterURL, characterTimestamps: characterTimestamps)
    }

    /// Checks the request before any token is read or byte sent; throws the one-line failure (exit 2).
    static func check(
        _ request: CreateVideoRequest, inputReference: String?, naming: ErrorLine.Naming = .flags
    ) throws(CLIFailure) {
        let (size, reference) = naming == .flags ? ("--size", "--input-reference") : ("\"size\"", "\"input_reference\"")
        if let value = request.size, value.rawValue.wholeMatch(of: /[0-9]+x[0-9]+/) == nil {
            throw CLIFailure(
                message:
                    "\(size): must be WIDTHxHEIGHT (720x1280, 1280x720, 1024x1792, 1792x1024), got \(value.rawValue)",
                status: .usage)
        }
        if let path = inputReference, !FileManager.default.isReadableFile(atPath: path) {
            throw CLIFailure(message: "\(reference): cannot read \(path)", status: .usage)
        }
        do {
            try request.validate()
        } catch {
            throw ErrorLine.failure(SoraError.validation(error), request: request, naming: naming)
        }
    }

    func run() async throws {
        let request = request()
        try Self.check(request, inputReference: inputReference)
        let follow = wait || output != nil
        let (options, output) = (options, output)
        let waitTimeout = waiting.duration
        let key = idempotencyKey ?? UUID().uuidString.lowercased()
        try await Interrupt().run { interrupt in
            try await Session.run(options) { session in
                let reporter = Reporter(json: options.json)
                let id = try await PaidRequest.submit(
                    key: key, interrupt: interrupt, reporter: reporter, request: request
                ) { () async throws(SoraError) in
                    try await session.sora.createVideo(request, idempotencyKey: key)
                }
                if follow {
                    try await JobFlow.follow(
                        id, session: session, reporter: reporter, output: output, waitTimeout: waitTimeout)
                }
            }
        }
    }
}
