import Foundation
import Synchronization

/// The exit of a started process, awaited without holding a thread of Swift's cooperative pool.
///
/// `waitUntilExit()` blocks its thread. The pool has one thread per core (two on CI), so two tests blocked on a
/// compiler left no thread for the loopback tests' request bodies, whose connect limits then ran out.
public final class ProcessExit: Sendable {
    private struct State {
        var done = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    fileprivate func finish() {
        let waiters = state.withLock { state in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the process has exited.
    public func wait() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if !state.done { state.waiters.append(continuation) }
                return state.done
            }
            if done { continuation.resume() }
        }
    }
}

extension Process {
    /// Starts the process (as the leader of a process group of its own, as Foundation starts it) and returns its
    /// exit, to await; `processIdentifier` is valid as soon as this returns.
    public func start() throws -> ProcessExit {
        let exit = ProcessExit()
        terminationHandler = { _ in exit.finish() }
        do {
            try run()
        } catch {
            terminationHandler = nil
            throw error
        }
        return exit
    }

    /// Starts the process and waits for it to exit without holding a thread of the cooperative pool.
    public func runUntilExit() async throws {
        try await start().wait()
    }
}

/// One run of a program whose output goes through files (a large output cannot fill a pipe and block).
public struct ProgramRun: Sendable {
    /// The exit status, when the program exited (see `exited`); else the signal that ended it.
    public let status: Int32
    /// What it wrote to standard output.
    public let stdout: String
    /// What it wrote to standard error.
    public let stderr: String
    /// True when the program exited by itself, false when a signal ended it.
    public let exited: Bool
    /// True when the run was stopped at its time limit.
    public let timedOut: Bool

    /// Runs `executable ARGUMENTS` in `directory` and waits for it without holding a pool thread. After `limit`,
    /// or when the waiting task is cancelled, it is killed; when it ends, what it left running in its process
    /// group (a server a shell started in the background) is killed too.
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
        let exit = try process.start()
        let group = process.processIdentifier
        let killGroup: @Sendable () -> Void = {
            _ = kill(-group, SIGKILL)
            _ = kill(group, SIGKILL)
        }
        let timedOut = Mutex(false)
        let watchdog = Task {
            try await Task.sleep(for: limit)
            timedOut.withLock { $0 = true }
            killGroup()
        }
        defer { watchdog.cancel() }
        await withTaskCancellationHandler {
            await exit.wait()
        } onCancel: {
            killGroup()
        }
        _ = kill(-group, SIGKILL)
        return ProgramRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            exited: process.terminationReason == .exit, timedOut: timedOut.withLock { $0 })
    }
}
