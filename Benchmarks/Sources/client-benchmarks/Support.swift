// Shared helpers: peak memory, progress notes, child processes, formatting.

import BenchmarkSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private let notes = ProgressNotes(tool: "client-benchmarks")

/// Progress and errors go to standard error, so that standard output is only the markdown.
func note(_ message: String) { notes.note(message) }

func fail(_ message: String) -> Never { notes.fail(message) }

/// This executable, to start children with.
let executablePath: String = {
    #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return CommandLine.arguments[0]
}()

/// What a child scenario reports on its last line of standard output.
struct ChildResult: Sendable {
    /// `ru_maxrss` of the child at the end: the whole process's high-water mark.
    var processPeak: Int
    /// `ru_maxrss` growth across the measured call (set-up, e.g. the HTTP client, already resident before).
    var growth: Int
    /// Wall clock of the measured call.
    var seconds: Double
    /// Bytes moved.
    var bytes: Int

    var line: String { "\(processPeak) \(growth) \(seconds) \(bytes)" }

    init(processPeak: Int, growth: Int, seconds: Double, bytes: Int) {
        self.processPeak = processPeak
        self.growth = growth
        self.seconds = seconds
        self.bytes = bytes
    }

    init?(line: Substring) {
        let fields = line.split(separator: " ")
        guard fields.count == 4, let peak = Int(fields[0]), let growth = Int(fields[1]),
            let seconds = Double(fields[2]), let bytes = Int(fields[3])
        else { return nil }
        self.init(processPeak: peak, growth: growth, seconds: seconds, bytes: bytes)
    }

    var throughput: Double { Double(bytes) / seconds }
}

/// Runs `client-benchmarks --child …` in a fresh process (so its maxrss is its own) and reads its result.
func runChild(_ arguments: [String]) -> ChildResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = ["--child"] + arguments
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch { fail("cannot start child \(arguments): \(error)") }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0,
        let last = text.split(separator: "\n").last, let result = ChildResult(line: last)
    else { fail("child \(arguments) failed (status \(process.terminationStatus)): \(text)") }
    return result
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

func rounded(_ value: Double, _ places: Int) -> String {
    String(format: "%.\(places)f", value)
}

func formatTime(_ seconds: Double) -> String {
    if seconds < 1e-3 { return "\(rounded(seconds * 1e6, seconds < 1e-5 ? 2 : 1)) µs" }
    if seconds < 1 { return "\(rounded(seconds * 1e3, 2)) ms" }
    return "\(rounded(seconds, 2)) s"
}

func formatSize(_ bytes: Int) -> String {
    if bytes >= 1 << 30 { return "\(rounded(Double(bytes) / Double(1 << 30), 2)) GiB" }
    if bytes >= 1 << 20 { return "\(rounded(Double(bytes) / Double(1 << 20), 1)) MiB" }
    return "\(rounded(Double(bytes) / 1024, 1)) KiB"
}

func formatRate(_ bytesPerSecond: Double) -> String {
    "\(rounded(bytesPerSecond / Double(1 << 20), 0)) MiB/s"
}

func mark(_ ok: Bool) -> String { ok ? "met" : "**missed**" }
