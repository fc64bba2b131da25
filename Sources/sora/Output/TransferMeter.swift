import Foundation
import SoraClient
import Synchronization

/// Shows a large upload or download on a terminal's stderr: one updating line with the bytes, a bar when the size
/// is known, the speed and an estimate, then a last line that stays (`uploaded 48.0 MiB in 12.3s (3.9 MiB/s)`).
/// Pipes and `--json` never get it: the session installs it only on a terminal without `--json`.
final class TransferMeter: Sendable {
    /// Transfers smaller than this finish before a line would help, and are not shown.
    static let smallest: Int64 = 256 << 10
    /// The least time between two redraws.
    static let redrawInterval: Duration = .milliseconds(100)

    private struct Transfer {
        var direction: TransferProgress.Direction
        var started: ContinuousClock.Instant
        /// Bytes of the latest report: fewer in a later one means the transfer started again (a retry).
        var bytes: Int64 = 0
        var lastDraw: ContinuousClock.Instant?
        /// (time, bytes) at recent redraws: the speed is measured over the last few seconds, not since the start.
        var samples: [(ContinuousClock.Instant, Int64)] = []
    }

    private let columns: Int
    private let unicode: Bool
    private let write: @Sendable (String) -> Void
    private let state = Mutex<Transfer?>(nil)

    /// A meter drawing `columns` wide; `write` puts text on stderr (tests capture it).
    init(
        columns: Int, unicode: Bool,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.columns = max(20, columns)
        self.unicode = unicode
        self.write = write
    }

    /// Takes one report from the client (`ClientConfiguration.transferProgress`). It runs on the task that moves
    /// the bytes, once per chunk: between redraws it only compares numbers.
    func report(_ progress: TransferProgress, now: ContinuousClock.Instant = .now) {
        if let total = progress.total, total < Self.smallest { return }
        let text: String? = state.withLock { current in
            if current == nil || current?.direction != progress.direction || progress.bytes < current!.bytes {
                current = Transfer(direction: progress.direction, started: now)
            }
            current!.bytes = progress.bytes
            let finished = progress.total.map { progress.bytes >= $0 } ?? false
            // A transfer of unknown size shows once it is large. Its end comes with a total (the bytes it had), so a
            // small one ends at the first line of this function, without a word.
            if progress.total == nil && current!.lastDraw == nil && progress.bytes < Self.smallest { return nil }
            if !finished, let last = current!.lastDraw, now - last < Self.redrawInterval { return nil }
            current!.lastDraw = now
            // Samples at redraws only (10 a second at most), the last 3 s of them: the speed is recent.
            current!.samples.append((now, progress.bytes))
            current!.samples.removeAll { now - $0.0 > .seconds(3) }
            let elapsed = Self.seconds(now - current!.started)
            if finished {
                current = nil
                let rate = elapsed > 0 ? Double(progress.bytes) / elapsed : nil
                return "\r\u{1B}[K" + String(Self.doneLine(progress, elapsed: elapsed, rate: rate).prefix(columns - 1))
                    + "\n"
            }
            return "\r\u{1B}[K" + line(progress, elapsed: elapsed, rate: Self.rate(current!.samples))
        }
        if let text { write(text) }
    }

    /// Ends an unfinished line (a transfer that failed or was cut), so later output starts on a fresh one.
    func end() {
        let showing = state.withLock { current in
            defer { current = nil }
            return current?.lastDraw != nil
        }
        if showing { write("\n") }
    }

    /// `uploading  12.0 MiB / 48.0 MiB  [█████░░░░░░░░░░░░░░░]  25%  3.1 MiB/s  ~12s left`, cut to the width.
    func line(_ progress: TransferProgress, elapsed: Double, rate: Double?) -> String {
        var text = (progress.direction == .upload ? "uploading" : "downloading") + "  " + Self.size(progress.bytes)
        if let total = progress.total, total > 0 {
            let percent = Int(min(100, progress.bytes * 100 / total))
            let filled = percent * Progress.barWidth / 100
            let (full, empty) = unicode ? ("█", "░") : ("#", "-")
            text += " / \(Self.size(total))  ["
            text += String(repeating: full, count: filled) + String(repeating: empty, count: Progress.barWidth - filled)
            text += "]  \(percent)%"
        }
        if let rate, rate > 0 {
            text += "  \(Self.size(Int64(rate)))/s"
            if let total = progress.total, total > progress.bytes {
                text += "  ~\(Progress.duration(Double(total - progress.bytes) / rate)) left"
            }
        } else {
            text += "  \(String(format: "%.1f", elapsed))s"
        }
        return String(text.prefix(columns - 1))
    }

    /// `uploaded 48.0 MiB in 12.3s (3.9 MiB/s)`.
    static func doneLine(_ progress: TransferProgress, elapsed: Double, rate: Double?) -> String {
        var text = (progress.direction == .upload ? "uploaded " : "downloaded ") + size(progress.bytes)
        text += " in \(String(format: "%.1f", elapsed))s"
        if let rate, rate.isFinite, rate > 0 { text += " (\(size(Int64(min(rate, 1e18))))/s)" }
        return text
    }

    /// Bytes a second over the samples, or nil until they span some time.
    static func rate(_ samples: [(ContinuousClock.Instant, Int64)]) -> Double? {
        guard let first = samples.first, let last = samples.last else { return nil }
        let span = seconds(last.0 - first.0)
        guard span >= 0.2 else { return nil }
        return Double(last.1 - first.1) / span
    }

    /// `512 B`, `48.0 KiB`, `3.1 MiB`, `1.2 GiB`.
    static func size(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(max(0, bytes)) B" }
        var value = Double(bytes) / 1024
        var unit = 0
        // 1023.96 KiB prints as 1.0 MiB, not 1024.0 KiB.
        while value >= 1023.95 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

}
