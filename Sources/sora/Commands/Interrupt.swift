import Dispatch
import Foundation

/// Runs a command's work so that Ctrl-C (SIGINT) cancels it cleanly and names how to resume.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var jobID: String?
    private var retryCommand: String?
    private var fired = false
    private let hint: String?

    /// An interrupt handler; `hint` replaces `; resume with: sora wait ID` in the message.
    init(hint: String? = nil) {
        self.hint = hint
    }

    /// Remembers the job to name in `sora wait ID` if the work is interrupted.
    func track(_ id: String) {
        lock.withLock { jobID = id }
    }

    /// Remembers the command that retries a paid request in flight safely, to name if it is interrupted.
    func trackRetry(_ command: String) {
        lock.withLock { retryCommand = command }
    }

    /// Runs `body`; on SIGINT it is cancelled and the failure becomes exit status 130 with a resume hint.
    func run(_ body: @escaping @Sendable (Interrupt) async throws -> Void) async throws {
        signal(SIGINT, SIG_IGN)
        let task = Task { try await body(self) }
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            lock.withLock { fired = true }
            task.cancel()
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        var failure: (any Error)?
        do {
            try await task.value
        } catch {
            failure = error
        }
        let (wasFired, id, retry) = lock.withLock { (fired, jobID, retryCommand) }
        if wasFired {
            // A job id is known: follow it. Else a paid request may be in flight: retry it with its key.
            let next = id == nil ? retry.map(PaidRequest.retryHint) : nil
            throw CLIFailure(
                message: "interrupted" + (next ?? hint ?? ErrorLine.resumeHint(id)), status: .interrupted)
        }
        if let failure { throw failure }
    }
}
