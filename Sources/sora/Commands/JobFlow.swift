import Foundation
import SoraClient

/// What `create --wait`, `wait` and `remix --wait` share: follow a job to its end, then download it.
enum JobFlow {
    /// Polls `id` until it completes or fails, showing each change; downloads it to `output` if given.
    ///
    /// A failed job is exit status 1 with its error code and message.
    static func follow(
        _ id: String, session: Session, reporter: Reporter, output: String?, waitTimeout: Duration
    ) async throws {
        let start = ContinuousClock.now
        var last: Video?
        do {
            for try await video in session.sora.waitForCompletion(of: id, interval: .seconds(2), timeout: waitTimeout) {
                reporter.snapshot(video, elapsed: .now - start)
                last = video
            }
        } catch {
            reporter.endProgress()
            throw ErrorLine.failure(error, jobID: id)
        }
        reporter.endProgress()
        guard let video = last else { return }
        if video.status.rawValue == "failed" {
            let reason = video.error.map { "\($0.code): \($0.message)" } ?? "no reason given"
            throw CLIFailure(message: "video \(id) failed: \(reason)", status: .failure)
        }
        if let output {
            try await download(id, variant: .video, to: output, session: session, reporter: reporter)
        }
    }

    /// Streams one asset of `id` to `path`; a failure leaves no file there.
    static func download(
        _ id: String, variant: VideoContentVariant, to path: String, session: Session, reporter: Reporter
    ) async throws {
        let destination = URL(filePath: path, relativeTo: URL.currentDirectory()).standardizedFileURL
        do {
            let file = try await session.sora.downloadVideoContent(id, variant: variant, to: destination)
            reporter.downloaded(id, file: file)
        } catch {
            throw ErrorLine.failure(error, jobID: nil)
        }
    }

    /// `ID.mp4`, `ID.webp` or `ID.jpg`: the default file name of a variant.
    static func defaultFileName(_ id: String, variant: VideoContentVariant) -> String {
        switch variant.rawValue {
        case "thumbnail": "\(id).webp"
        case "spritesheet": "\(id).jpg"
        default: "\(id).mp4"
        }
    }
}
