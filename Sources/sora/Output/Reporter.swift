import Foundation
import SoraClient

/// Writes what commands tell people and scripts: data on stdout, progress on stderr, or JSON events only.
final class Reporter: @unchecked Sendable {
    /// One JSON line on stdout with `--json`.
    struct Event: Encodable {
        /// What happened: `created`, `progress`, `completed`, `failed`, `status`, `video`, `downloaded`, `deleted`.
        var event: String
        /// The job's id.
        var id: String
        /// The job as the server described it, when the event has one.
        var video: Video?
        /// The file written, for `downloaded`.
        var path: String?
        /// Its size in bytes, for `downloaded`.
        var bytes: Int64?
        /// Seconds since the command started following the job.
        var elapsed: Double?
        /// The batch file's line number, in `batch`.
        var line: Int?
        /// What was odd about the server's answer, when it was thinner than the spec.
        var warning: String?
    }

    private let json: Bool
    private var progress: Progress
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A reporter; `terminal` says whether stderr is a terminal (one updating progress line) or a log.
    init(json: Bool, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.json = json
        self.progress = Progress(terminal: terminal)
    }

    /// A job was created: its id goes out at once, so it is never lost.
    func created(_ video: Video, line: Int? = nil) {
        if json {
            emit(Event(event: "created", id: video.id, video: video, line: line))
        } else {
            stdout(Self.prefix(line) + video.id)
        }
    }

    /// A job was created but the answer could not be read beyond its id: the id still goes out, with why.
    func created(id: String, warning: String, line: Int? = nil) {
        if json {
            emit(Event(event: "created", id: id, line: line, warning: warning))
        } else {
            stdout(Self.prefix(line) + id)
            let text = "sora: warning: " + Self.prefix(line) + PlainText.escaped(warning) + "\n"
            lock.withLock { FileHandle.standardError.write(Data(text.utf8)) }
        }
    }

    /// A new snapshot of a job that is being followed.
    func snapshot(_ video: Video, elapsed: Duration, line: Int? = nil) {
        let seconds = Self.seconds(elapsed)
        if json {
            let name = ["completed", "failed"].contains(video.status.rawValue) ? video.status.rawValue : "progress"
            emit(Event(event: name, id: video.id, video: video, elapsed: seconds, line: line))
        } else if let line {
            let text = Self.prefix(line) + PlainText.escaped(Progress.line(video, elapsed: seconds)) + "\n"
            lock.withLock { FileHandle.standardError.write(Data(text.utf8)) }
        } else {
            lock.withLock { progress.show(video, elapsed: seconds) }
        }
    }

    /// Ends the progress line, if one is showing.
    func endProgress() {
        if !json { lock.withLock { progress.end() } }
    }

    /// The state of a job, for `status` (`event` `status`) and `list` (`event` `video`).
    func describe(_ video: Video, event: String) {
        if json { emit(Event(event: event, id: video.id, video: video)) } else { stdout(Self.summary(video)) }
    }

    /// A file was written.
    func downloaded(_ id: String, file: DownloadedFile, line: Int? = nil) {
        if json {
            emit(Event(event: "downloaded", id: id, path: file.url.path, bytes: file.byteCount, line: line))
        } else {
            stdout(Self.prefix(line) + file.url.path)
        }
    }

    /// `line 3: ` in a batch, nothing otherwise.
    static func prefix(_ line: Int?) -> String {
        line.map { "line \($0): " } ?? ""
    }

    /// A job was deleted.
    func deleted(_ id: String) {
        if json { emit(Event(event: "deleted", id: id)) } else { stdout("deleted \(id)") }
    }

    /// `video_123  completed  100%  sora-2  1280x720  8s`, and the error of a failed job.
    static func summary(_ video: Video) -> String {
        var fields = [video.id, video.status.rawValue, "\(video.progress ?? 0)%", video.model.rawValue]
        fields.append(video.size?.rawValue ?? "-")
        fields.append(video.seconds.map { "\($0)s" } ?? "-")
        if let error = video.error { fields.append("\(error.code): \(error.message)") }
        return fields.joined(separator: "  ")
    }

    private func emit(_ event: Event) {
        guard let data = try? encoder.encode(event) else { return }
        lock.withLock { FileHandle.standardOutput.write(data + Data("\n".utf8)) }
    }

    private func stdout(_ line: String) {
        lock.withLock { FileHandle.standardOutput.write(Data((PlainText.escaped(line) + "\n").utf8)) }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return (value * 10).rounded() / 10
    }
}
