import Synchronization

/// Watches the bytes of one call and ends any wait on them that runs past a limit, with `SoraError.timeout`:
/// - idle: no byte moved, either way, for `ClientConfiguration.idleTimeout` (an upload or download that
///   keeps moving is never cut);
/// - connect: a request body that the transport has not started to read within `connectTimeout`;
/// - deadline: the optional overall limit of the call.
///
/// A wait that runs out is abandoned, not awaited: a transport that ignores cancellation cannot hang the call.
final class TransferWatch: Sendable {
    private struct State {
        /// When the current wait started, or its last byte moved.
        var lastProgress: ContinuousClock.Instant
        /// True while a request body waits for its first read.
        var awaitingConnect = false
        /// The timeout that ended the watch; every later wait fails with it at once.
        var expired: SoraError?
    }

    let operationID: String
    private let idle: Duration
    private let connect: Duration
    private let deadline: ContinuousClock.Instant?
    private let deadlineSeconds: Double
    private let state: Mutex<State>

    /// A watch for one attempt of `operationID`; `deadline` is the call's overall end, if it has one.
    init(operationID: String, configuration: ClientConfiguration, deadline: ContinuousClock.Instant?) {
        self.operationID = operationID
        self.idle = max(CheckedNumbers.clamp(configuration.idleTimeout), .milliseconds(1))
        self.connect = max(CheckedNumbers.clamp(configuration.connectTimeout), .milliseconds(1))
        self.deadline = deadline
        self.deadlineSeconds = configuration.deadline.map { CheckedNumbers.clamp($0).seconds } ?? 0
        self.state = Mutex(State(lastProgress: .now))
    }

    /// The instant a call that starts now must end by, if `limit` is set.
    static func deadline(after limit: Duration?) -> ContinuousClock.Instant? {
        limit.map { ContinuousClock.now + CheckedNumbers.clamp($0) }
    }

    /// Marks that a request body is about to be sent: until its first byte is read, the connect limit applies.
    func expectRequestBody() {
        state.withLock { $0.awaitingConnect = true }
    }

    /// Records that a byte moved.
    func touch() {
        state.withLock {
            $0.lastProgress = .now
            $0.awaitingConnect = false
        }
    }

    /// Runs `work`, a wait on the network, until it returns or a limit runs out.
    ///
    /// The idle clock starts again when the wait starts, so time the caller spends between reads never counts.
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        if let expired = state.withLock({ watch -> SoraError? in
            watch.lastProgress = .now
            return watch.expired
        }) {
            throw expired
        }
        let gate = Gate<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                gate.start(
                    continuation,
                    worker: Task {
                        do {
                            gate.finish(.success(try await work()))
                        } catch {
                            gate.finish(.failure(error))
                        }
                    },
                    timer: Task { await self.expire(gate) })
            }
        } onCancel: {
            // The abandoned read may still be running: no later wait may start beside it.
            state.withLock { $0.expired = $0.expired ?? .cancelled(operationID: operationID) }
            gate.finish(.failure(CancellationError()))
        }
    }

    /// Sleeps until the earliest limit; if no byte moved meanwhile, ends the wait with the timeout.
    private func expire<T>(_ gate: Gate<T>) async {
        while !Task.isCancelled {
            let (wake, error) = state.withLock { watch in limit(watch) }
            if ContinuousClock.now >= wake {
                state.withLock { $0.expired = error }
                gate.finish(.failure(error))
                return
            }
            do {
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return
            }
        }
    }

    /// The earliest instant a limit runs out, and the error it gives.
    private func limit(_ watch: State) -> (ContinuousClock.Instant, SoraError) {
        var wake = watch.lastProgress + idle
        var error = SoraError.timeout(operationID: operationID, seconds: idle.seconds, kind: .idle)
        if watch.awaitingConnect, watch.lastProgress + connect < wake {
            wake = watch.lastProgress + connect
            error = .timeout(operationID: operationID, seconds: connect.seconds, kind: .connect)
        }
        if let deadline, deadline < wake {
            wake = deadline
            error = .timeout(operationID: operationID, seconds: deadlineSeconds, kind: .deadline)
        }
        return (wake, error)
    }
}

/// Hands the first result of a raced wait to its continuation exactly once, then cancels both tasks.
private final class Gate<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var worker: Task<Void, Never>?
        var timer: Task<Void, Never>?
        var done = false
    }

    private let state = Mutex(State())

    /// Stores the continuation and the two tasks; resumes at once if a result came first.
    func start(_ continuation: CheckedContinuation<T, any Error>, worker: Task<Void, Never>, timer: Task<Void, Never>) {
        let early: Result<T, any Error>? = state.withLock { gate in
            gate.worker = worker
            gate.timer = timer
            if gate.done { return gate.early ?? .failure(CancellationError()) }
            gate.continuation = continuation
            return nil
        }
        if let early {
            worker.cancel()
            timer.cancel()
            continuation.resume(with: early)
        }
    }

    /// Delivers `result` if nothing was delivered yet, and stops whatever is still running.
    func finish(_ result: Result<T, any Error>) {
        let (continuation, worker, timer) = state.withLock { gate in
            guard !gate.done else {
                return (CheckedContinuation<T, any Error>?.none, Task<Void, Never>?.none, Task<Void, Never>?.none)
            }
            gate.done = true
            if gate.continuation == nil { gate.early = result }
            defer { gate.continuation = nil }
            return (gate.continuation, gate.worker, gate.timer)
        }
        worker?.cancel()
        timer?.cancel()
        continuation?.resume(with: result)
    }
}
