import Dispatch
import Synchronization
import YAML

/// Checks that each `pattern` compiles with Swift `Regex`, so one that does not is reported (and left unchecked)
/// rather than failing every value at run time.
///
/// Compiling with Swift `Regex` (the engine the generated validators use) costs ~55 µs a pattern, a third of
/// loading a small spec; so each distinct pattern is compiled once, on a background queue, while loading goes on.
final class PatternCheck: Sendable {
    private struct State {
        var uses: [(pattern: String, mark: Mark)] = []
        var submitted: Set<String> = []
        var isValid: [String: Bool] = [:]
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "spec.patterns")
    private let group = DispatchGroup()

    /// Whether Swift `Regex` accepts `pattern`.
    static func isValid(_ pattern: String) -> Bool {
        (try? Regex(pattern)) != nil
    }

    /// Records a use of `pattern`; compiles it in the background the first time it is seen.
    func check(_ pattern: String, at mark: Mark) {
        let isNew = state.withLock { state in
            state.uses.append((pattern, mark))
            return state.submitted.insert(pattern).inserted
        }
        guard isNew else { return }
        queue.async(group: group) {
            let valid = Self.isValid(pattern)
            self.state.withLock { $0.isValid[pattern] = valid }
        }
    }

    /// Waits for every compilation; the uses of patterns that do not compile, in the order they were recorded.
    func invalidUses() -> [(pattern: String, mark: Mark)] {
        group.wait()
        return state.withLock { state in state.uses.filter { state.isValid[$0.pattern] == false } }
    }
}
