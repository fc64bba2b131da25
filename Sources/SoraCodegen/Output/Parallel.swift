import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs work over indices on every core, stopping at the first error.
enum Parallel {
    /// Below this many items one thread is faster than several.
    static let threshold = 64

    static func forEach(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        guard count >= threshold else {
            for index in 0..<count { try body(index) }
            return
        }
        let parts = min(8, ProcessInfo.processInfo.activeProcessorCount * 2)
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for index in stride(from: part, to: count, by: parts) {
                if failure.withLock({ $0 != nil }) { return }
                do {
                    try body(index)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
