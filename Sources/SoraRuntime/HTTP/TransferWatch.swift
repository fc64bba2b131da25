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
        /// `Watchdog.stalled` at `lastProgress`: time the process could not run since then does not count.
        var stalledAtProgress: Duration
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
        self.state = Mutex(State(lastProgress: .now, stalledAtProgress: Watchdog.shared.stalled))
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
        let stalled = Watchdog.shared.stalled
        state.withLock {
            $0.lastProgress = .now
            $0.stalledAtProgress = stalled
            $0.awaitingConnect = false
        }
    }

    /// Runs `work`, a wait on the network, until it returns or a limit runs out.
    ///
    /// The idle clock starts again when the wait starts, so time the caller spends between reads never counts.
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await wait { gate in
            gate.attach(
                Task {
                    do {
                        gate.finish(.success(try await work()))
                    } catch {
                        gate.finish(.failure(error))
                    }
                })
        }
    }

    /// Waits until something that `register` hands the gate to finishes it, or a limit runs out.
    func wait<T: Sendable>(_ register: @Sendable (Gate<T>) -> Void) async throws -> T {
        let stalled = Watchdog.shared.stalled
        if let expired = state.withLock({ watch -> SoraError? in
            watch.lastProgress = .now
            watch.stalledAtProgress = stalled
            return watch.expired
        }) {
            throw expired
        }
        let gate = Gate<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let id = Watchdog.shared.add { [self] now, stalled in expiry(now, stalled: stalled, gate) }
                gate.start(continuation) { Watchdog.shared.remove(id) }
                register(gate)
            }
        } onCancel: {
            // The abandoned read may still be running: no later wait may start beside it.
            state.withLock { $0.expired = $0.expired ?? .cancelled(operationID: operationID) }
            gate.finish(.failure(CancellationError()))
        }
    }

    /// At `now`, the action that ends `gate`'s wait with the timeout, if a limit has run out.
    private func expiry<T>(_ now: ContinuousClock.Instant, stalled: Duration, _ gate: Gate<T>) -> (
        @Sendable () -> Void
    )? {
        let error: SoraError? = state.withLock { watch in
            let (wake, error) = limit(watch, stalled: stalled)
            guard now >= wake else { return nil }
            watch.expired = error
            return error
        }
        guard let error else { return nil }
        return { gate.finish(.failure(error)) }
    }

    /// The earliest instant a limit runs out, and the error it gives.
    /// The idle and connect limits leave out `stalled − stalledAtProgress`, time the process could not run;
    /// the deadline is a point in time and does not move.
    private func limit(_ watch: State, stalled: Duration) -> (ContinuousClock.Instant, SoraError) {
        let since = watch.lastProgress + max(.zero, stalled - watch.stalledAtProgress)
        var wake = since + idle
        var error = SoraError.timeout(operationID: operationID, seconds: idle.seconds, kind: .idle)
        if watch.awaitingConnect, since + connect < wake {
            wake = since + connect
            error = .timeout(operationID: operationID, seconds: connect.seconds, kind: .connect)
        }
        if let deadline, deadline < wake {
            wake = deadline
            error = .timeout(operationID: operationID, seconds: deadlineSeconds, kind: .deadline)
        }
        return (wake, error)
    }
}

/// Hands the first result of a wait to its continuation exactly once (the awaited work's, a timeout's or a
/// cancellation's), then stops watching it and cancels the work's task, if it has one.
final class Gate<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var worker: Task<Void, Never>?
        var onFinish: (@Sendable () -> Void)?
        var done = false
    }

    private let state = Mutex(State())

    /// Stores the continuation and what ends the watching; resumes at once if a result came first.
    func start(_ continuation: CheckedContinuation<T, any Error>, onFinish: @escaping @Sendable () -> Void) {
        let early: Result<T, any Error>? = state.withLock { gate in
            gate.onFinish = onFinish
            if gate.done { return gate.early ?? .failure(CancellationError()) }
            gate.continuation = continuation
            return nil
        }
        if let early {
            onFinish()
            continuation.resume(with: early)
        }
    }

    /// Ties the task doing the awaited work to the gate: it is cancelled once the wait is over.
    func attach(_ worker: Task<Void, Never>) {
        let done = state.withLock { gate in
            gate.worker = worker
            return gate.done
        }
        if done { worker.cancel() }
    }

    /// Delivers `result` if nothing was delivered yet, and stops whatever is still running.
    func finish(_ result: Result<T, any Error>) {
        let (continuation, worker, onFinish) = state.withLock { gate in
            guard !gate.done else {
                return (CheckedContinuation<T, any Error>?.none, Task<Void, Never>?.none, (@Sendable () -> Void)?.none)
            }
            gate.done = true
            if gate.continuation == nil { gate.early = result }
            defer { gate.continuation = nil }
            return (gate.continuation, gate.worker, gate.onFinish)
        }
        worker?.cancel()
        onFinish?()
        continuation?.resume(with: result)
    }
}
