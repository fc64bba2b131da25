import Foundation
import SoraClient

/// Shows a followed job on stderr: on a terminal one updating line with a bar, the percent, the elapsed time and,
/// once the percent has moved, an estimate of the time left; off a terminal a plain line per change.
struct Progress {
    /// Whether stderr is a terminal.
    let terminal: Bool
    /// The terminal's width in columns; the line never wraps (a wrapped line cannot be redrawn in place).
    let columns: Int
    /// True when the terminal shows UTF-8 (block characters for the bar, `#` and `-` otherwise).
    let unicode: Bool
    private var lastLine: String?
    private var showing = false
    /// The first snapshot with a percent above zero: the start of the rate the estimate uses.
    private var firstMove: (percent: Int, elapsed: Double)?

    /// A progress display; `columns` and `unicode` default to what stderr's terminal and the locale say.
    init(terminal: Bool, columns: Int? = nil, unicode: Bool? = nil) {
        self.terminal = terminal
        self.columns = max(20, columns ?? Self.terminalColumns() ?? 80)
        self.unicode = unicode ?? Self.localeIsUTF8()
    }

    /// `video_123  in_progress  40%  3.2s`: the plain line, for logs and batches.
    static func line(_ video: Video, elapsed: Double) -> String {
        let text = "\(video.id)  \(video.status.rawValue)  \(video.progress ?? 0)%  \(String(format: "%.1f", elapsed))s"
        return PlainText.escaped(text)
    }

    /// `video_123  in_progress  [████████░░░░░░░░░░░░]  40%  12.3s  ~18s left`, cut to `columns - 1`.
    func barLine(_ video: Video, elapsed: Double, remaining: Double?) -> String {
        let percent = min(max(video.progress ?? 0, 0), 100)
        let filled = percent * Self.barWidth / 100
        let (full, empty) = unicode ? ("█", "░") : ("#", "-")
        let bar =
            "[" + String(repeating: full, count: filled) + String(repeating: empty, count: Self.barWidth - filled) + "]"
        var text = PlainText.escaped("\(video.id)  \(video.status.rawValue)")
        text += "  \(bar)  \(percent)%  \(String(format: "%.1f", elapsed))s"
        if let remaining { text += "  ~\(Self.duration(remaining)) left" }
        return String(text.prefix(columns - 1))
    }

    /// The seconds left at the rate the percent has moved since it first moved, or nil before it has moved twice.
    mutating func remaining(_ video: Video, elapsed: Double) -> Double? {
        guard let percent = video.progress, percent > 0, percent < 100 else { return nil }
        guard let first = firstMove else {
            firstMove = (percent, elapsed)
            return nil
        }
        guard percent > first.percent, elapsed > first.elapsed else { return nil }
        let rate = Double(percent - first.percent) / (elapsed - first.elapsed)
        return Double(100 - percent) / rate
    }

    /// Shows a snapshot; off a terminal only when status or percent changed.
    mutating func show(_ video: Video, elapsed: Double) {
        if terminal {
            let remaining = remaining(video, elapsed: elapsed)
            write("\r\u{1B}[K" + barLine(video, elapsed: elapsed, remaining: remaining))
            showing = true
        } else {
            let key = "\(video.status.rawValue) \(video.progress ?? 0)"
            guard key != lastLine else { return }
            lastLine = key
            write(Self.line(video, elapsed: elapsed) + "\n")
        }
    }

    /// Ends the updating line so later output starts on a fresh one.
    mutating func end() {
        if terminal && showing { write("\n") }
        showing = false
    }

    /// Cells of the bar.
    static let barWidth = 20

    /// `45s`, `3m05s`, `2h01m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(min(seconds.rounded(.up), 359_999))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Stderr's terminal width, if it is a terminal that says.
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// True when LC_ALL, LC_CTYPE or LANG (the first one set) names UTF-8.
    static func localeIsUTF8() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return value.uppercased().contains("UTF-8") || value.uppercased().contains("UTF8")
    }
}
