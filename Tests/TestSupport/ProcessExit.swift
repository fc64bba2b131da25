import Foundation

extension Process {
    /// Starts the process and waits for it to exit without holding a thread of Swift's cooperative pool.
    ///
    /// `waitUntilExit()` blocks its thread. The pool has one thread per core (two on CI), so two tests
    /// blocked on a compiler left no thread for the loopback tests' request bodies, whose connect limits
    /// then ran out.
    public func runUntilExit() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            terminationHandler = { _ in continuation.resume() }
            do {
                try run()
            } catch {
                terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}

/// One run of a program whose output goes through files (a large output cannot fill a pipe and block).
public struct ProgramRun: Sendable {
    /// The exit status (or the signal that ended it).
    public let status: Int32
    /// What it wrote to standard output.
    public let stdout: String
    /// What it wrote to standard error.
    public let stderr: String
    /// True when the run was stopped at its time limit.
    public let timedOut: Bool

    /// Runs `executable ARGUMENTS` in `directory` and waits for it without holding a pool thread; after `limit`
    /// it is killed with its process group (Foundation starts it as the leader of one, so what a shell started
    /// goes too).
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]? = nil,
        limit: Duration = .seconds(60)
    ) async throws -> ProgramRun {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appending(path: "stdout")
        let errURL = scratch.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let watchdog = Task {
            try await Task.sleep(for: limit)
            if process.isRunning { kill(-process.processIdentifier, SIGKILL) }
            if process.isRunning { process.terminate() }
        }
        try await process.runUntilExit()
        watchdog.cancel()
        return ProgramRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            timedOut: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    }
}
