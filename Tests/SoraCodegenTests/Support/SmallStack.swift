import Dispatch
import Foundation

/// Runs work on a thread with a small stack, as a secondary thread on macOS has (512 KiB).
enum SmallStack {
    /// A secondary thread's stack size on macOS.
    static let secondaryThreadSize = 512 * 1024

    /// The result of `body`, run to completion on a new thread with a stack of `size` bytes.
    static func run<T: Sendable>(size: Int = secondaryThreadSize, _ body: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    /// Written by the thread before it signals, read after the wait: the semaphore orders the two.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
