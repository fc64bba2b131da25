import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The generator's one scheduling policy: work of fewer than `threshold` items (schemas, operations, files) runs
/// on the calling thread; more is cut into slices of `sliceSize` items that every core takes in turn, with the
/// results kept in slice order. Loading, translation, rendering and writing all go through here, so the policy is
/// tuned in one place (`Benchmarks/` measures it) and the output never depends on it (`ScheduleTests`,
/// `SliceIndependenceTests`).
enum Schedule {
    /// Below this many items one thread is faster than two: starting threads and merging their results costs more
    /// than it saves (measured on the Benchmarks inputs: a 256-schema spec loads and translates in about 4 ms).
    static let threshold = 256
    /// Items per slice when the work is cut: small enough that a slice's declarations and text stay small (the
    /// OpenAI document peaks at 28.5 MiB with 16, 28.8 with 64, 35-37 with 256) and that both cores finish
    /// together, large enough that a slice's overhead does not show (16 and 64 run within 1% of each other).
    static let sliceSize = 16

    /// True when `count` items are worth running on several threads.
    static func isParallel(_ count: Int) -> Bool {
        count >= threshold
    }

    /// `0..<count` cut into slices of `size` (one slice, possibly empty, below `threshold` unless `size` is given).
    static func slices(_ count: Int, size: Int? = nil) -> [Range<Int>] {
        let size = max(1, size ?? (isParallel(count) ? sliceSize : count))
        return stride(from: 0, to: max(count, 1), by: size).map { $0..<min($0 + size, count) }
    }

    /// `body` for each of `count` units, on every core when `parallel`, the results in unit order. The first error
    /// stops the units not yet started and is thrown.
    static func map<Result: Sendable>(
        _ count: Int, parallel: Bool, _ body: @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        guard parallel, count > 1 else { return try (0..<count).map(body) }
        let results = Mutex<[Result?]>(Array(repeating: nil, count: count))
        let failure = Mutex<(any Error)?>(nil)
        let next = Atomic<Int>(0)
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while failure.withLock({ $0 == nil }) {
                let unit = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard unit < count else { return }
                do {
                    let result = try body(unit)
                    results.withLock { $0[unit] = result }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.map { $0! } }
    }

    /// `body` for each of `count` items, in parallel from `threshold` items on.
    static func forEach(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        _ = try map(count, parallel: isParallel(count), body)
    }

    /// `first` on this thread and `second` on another at the same time when `parallel`, else one after the other.
    static func both<First, Second: Sendable>(
        parallel: Bool, _ first: () -> First, _ second: @escaping @Sendable () -> Second
    ) -> (First, Second) {
        guard parallel else { return (first(), second()) }
        let result = Mutex<Second?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let value = second()
            result.withLock { $0 = value }
        }
        let firstValue = first()
        group.wait()
        return (firstValue, result.withLock { $0! })
    }
}
