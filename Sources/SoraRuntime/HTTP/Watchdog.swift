import Synchronization

/// One task for the whole process that ends waits whose limit has run out, so a wait on the network (a
/// response head, each chunk of a body) costs a table entry instead of a timer task of its own.
///
/// It wakes every `tick` while any wait is registered and sleeps on a continuation otherwise; a limit is
/// therefore enforced within one tick of running out.
final class Watchdog: Sendable {
    /// The process's watchdog.
    static let shared = Watchdog(tick: .milliseconds(50))

    /// Checks whether a wait's limit has run out: returns the action that ends it, or nil while time is left.
    typealias Check = @Sendable (ContinuousClock.Instant) -> (@Sendable () -> Void)?

    private struct State {
        var waits: [Int: Check] = [:]
        var nextID = 0
        var running = false
        var parked: CheckedContinuation<Void, Never>?
    }

    private let tick: Duration
    private let state = Mutex(State())

    init(tick: Duration) {
        self.tick = tick
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
        if start { Task.detached(priority: .high) { await self.loop() } }
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
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let checks = state.withLock { Array($0.waits) }
            var ended: [(Int, @Sendable () -> Void)] = []
            for (id, check) in checks {
                if let end = check(now) { ended.append((id, end)) }
            }
            if !ended.isEmpty {
                state.withLock { watchdog in for (id, _) in ended { watchdog.waits.removeValue(forKey: id) } }
                for (_, end) in ended { end() }
            }
        }
    }
}
