import Synchronization

/// One task for the whole process that ends waits whose limit has run out, so a wait on the network (a
/// response head, each chunk of a body) costs a table entry instead of a timer task of its own.
///
/// It wakes every `tick` while any wait is registered and sleeps on a continuation otherwise; a limit is
/// therefore enforced within one tick of running out. When it wakes much later than asked, the process
/// could not run (a starved thread pool, a suspended laptop): that time is added to `stalled`, and idle
/// limits do not count it, since no byte could have been seen moving either.
final class Watchdog: Sendable {
    /// The process's watchdog.
    static let shared = Watchdog(tick: .milliseconds(50))

    /// Checks whether a wait's limit has run out at an instant, given `stalled` so far: returns the action
    /// that ends it, or nil while time is left.
    typealias Check = @Sendable (ContinuousClock.Instant, Duration) -> (@Sendable () -> Void)?

    private struct State {
        var waits: [Int: Check] = [:]
        var nextID = 0
        var running = false
        var parked: CheckedContinuation<Void, Never>?
        var stalled = Duration.zero
    }

    private let tick: Duration
    private let state = Mutex(State())

    init(tick: Duration) {
        self.tick = tick
    }

    /// How long, in all, the process could not run while waits were watched.
    var stalled: Duration {
        state.withLock { $0.stalled }
    }

    /// Watches a wait until `remove` is called with the returned id.
    func add(_ check: @escaping Check) -> Int {
        let (id, start, parked) = state.withLock { watchdog in
            let id = watchdog.nextID
            watchdog.nextID += 1
            watchdog.waits[id] = check
            let start = !watchdog.running
            watchdog.running = true
            defer { watchdog.parked = nil }
            return (id, start, watchdog.parked)
        }
        parked?.resume()
        if start { Task.detached { await self.loop() } }
        return id
    }

    /// Stops watching a wait.
    func remove(_ id: Int) {
        _ = state.withLock { $0.waits.removeValue(forKey: id) }
    }

    private func loop() async {
        while true {
            await withCheckedContinuation { continuation in
                let idle = state.withLock { watchdog in
                    guard watchdog.waits.isEmpty else { return false }
                    watchdog.parked = continuation
                    return true
                }
                if !idle { continuation.resume() }
            }
            let asleep = ContinuousClock.now
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            // Up to two ticks late is scheduling noise; beyond that, the process was not running.
            let late = now - asleep - tick
            let (checks, stalled) = state.withLock { watchdog in
                if late > tick * 2 { watchdog.stalled += late }
                return (Array(watchdog.waits), watchdog.stalled)
            }
            var ended: [(Int, @Sendable () -> Void)] = []
            for (id, check) in checks {
                if let end = check(now, stalled) { ended.append((id, end)) }
            }
            if !ended.isEmpty {
                state.withLock { watchdog in for (id, _) in ended { watchdog.waits.removeValue(forKey: id) } }
                for (_, end) in ended { end() }
            }
        }
    }
}
