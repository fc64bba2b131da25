import Foundation
import SoraClient

/// Shows a followed job on stderr: one updating line on a terminal, a plain line per change otherwise.
struct Progress {
    /// Whether stderr is a terminal.
    let terminal: Bool
    private var lastLine: String?
    private var showing = false

    /// A progress display.
    init(terminal: Bool) {
        self.terminal = terminal
    }

    /// `video_123  in_progress  40%  3.2s`.
    static func line(_ video: Video, elapsed: Double) -> String {
        let text = "\(video.id)  \(video.status.rawValue)  \(video.progress ?? 0)%  \(String(format: "%.1f", elapsed))s"
        return PlainText.escaped(text)
    }

    /// Shows a snapshot; off a terminal only when status or percent changed.
    mutating func show(_ video: Video, elapsed: Double) {
        let line = Self.line(video, elapsed: elapsed)
        if terminal {
            write("\r\u{1B}[K" + line)
            showing = true
        } else {
            let key = "\(video.status.rawValue) \(video.progress ?? 0)"
            guard key != lastLine else { return }
            lastLine = key
            write(line + "\n")
        }
    }

    /// Ends the updating line so later output starts on a fresh one.
    mutating func end() {
        if terminal && showing { write("\n") }
        showing = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
