import Dispatch
import Synchronization

/// A bounded queue of batches from one producer to one consumer.
final class BatchChannel: Sendable {
    private struct State {
        var batches: [EventBatch] = []
        var next = 0
        var isClosed = false
    }

    private let state = Mutex(State())
    private let closed = Atomic<Bool>(false)
    private let ready = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let finished = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        // Starting at zero and signalling up: libdispatch traps when a semaphore is freed below its initial value,
        // which `room` is when the builder stops early with batches unread.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { room.signal() }
    }

    /// Queues a batch, waiting while `capacity` batches are unread; false once the consumer has closed.
    @discardableResult
    func send(_ batch: EventBatch) -> Bool {
        room.wait()
        let accepted = state.withLock { state in
            guard !state.isClosed else { return false }
            state.batches.append(batch)
            return true
        }
        if accepted { ready.signal() }
        return accepted
    }

    /// The next batch, waiting for it.
    func receive() -> EventBatch {
        ready.wait()
        let batch = state.withLock { state in
            let batch = state.batches[state.next]
            state.batches[state.next] = EventBatch()
            state.next += 1
            if state.next == state.batches.count {
                state.batches.removeAll(keepingCapacity: true)
                state.next = 0
            }
            return batch
        }
        room.signal()
        return batch
    }

    /// Called by the producer when it stops, for any reason.
    func producerFinished() {
        finished.signal()
    }

    /// True once the consumer has closed the channel: the producer stops parsing.
    var isClosed: Bool { closed.load(ordering: .relaxed) }

    /// Stops the producer at its next event and waits until it has stopped.
    func closeAndWaitForProducer() {
        state.withLock { $0.isClosed = true }
        closed.store(true, ordering: .relaxed)
        room.signal()  // a producer waiting for room wakes up, sees the channel closed and stops
        finished.wait()
    }
}
