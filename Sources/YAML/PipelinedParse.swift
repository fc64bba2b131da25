import Dispatch
import Synchronization

/// Parsing on two threads: libyaml runs on its own thread and hands events over in batches, while the calling thread
/// builds the document. For a large input the tree then costs little more than libyaml itself.
///
/// The batches hold only plain values, so the two threads share no reference-counted object per event.
enum PipelinedParse {
    /// Events per batch: large enough that handing a batch over is rare, small enough to start building early.
    static let batchSize = 4096
    /// Batches parsed ahead of the builder at most, which bounds the memory in flight.
    static let batchesAhead = 4

    /// Parses `input` on a second thread while building here; returns when both are done, whatever happens.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, builder: inout TreeBuilder) throws(YAMLError) -> Node? {
        let channel = BatchChannel(capacity: batchesAhead)
        let borrowed = BorrowedBytes(buffer: input)
        DispatchQueue(label: "yaml.parse").async {
            produce(borrowed.buffer, into: channel)
        }
        // The producer reads the caller's bytes: never return before it has stopped.
        defer { channel.closeAndWaitForProducer() }
        while true {
            let batch = channel.receive()
            let step = try batch.text.withUnsafeBufferPointer { (text) throws(YAMLError) -> TreeBuilder.Step in
                for event in batch.events {
                    let scalar = UnsafeBufferPointer(
                        rebasing: text[Int(event.textStart)..<Int(event.textStart + event.textCount)])
                    if case .finished(let root) = try builder.handle(
                        event, scalar: scalar, anchor: batch.anchor(of: event))
                    {
                        return .finished(root)
                    }
                }
                return .more
            }
            if case .finished(let root) = step { return root }
            if let error = batch.error { throw error }
        }
    }

    /// The parsing thread: libyaml events into batches until the stream ends, libyaml fails or the builder stops.
    private static func produce(_ input: UnsafeBufferPointer<UInt8>, into channel: BatchChannel) {
        defer { channel.producerFinished() }
        var batch = EventBatch()
        do {
            let parser = try EventParser(input: input)
            batch = EventBatch(capacity: batchSize)
            while true {
                let kind = try parser.next()
                let position = parser.position
                var event = ParsedEvent(kind: kind, line: position.line, column: position.column)
                switch kind {
                case .scalar:
                    let bytes = parser.scalarBytes
                    event.textStart = UInt32(batch.text.count)
                    event.textCount = UInt32(bytes.count)
                    batch.text.append(contentsOf: bytes)
                    event.style = parser.scalarStyle
                    event.isExplicitString = parser.scalarIsExplicitString
                    event.anchor = batch.add(anchor: parser.anchor)
                case .alias, .sequenceStart, .mappingStart:
                    event.anchor = batch.add(anchor: parser.anchor)
                default:
                    break
                }
                batch.events.append(event)
                if kind == .streamEnd {
                    channel.send(batch)
                    return
                }
                // A batch's text stays far below 4 GiB, so its 32-bit offsets cannot overflow.
                if batch.events.count == batchSize || batch.text.count > 1 << 30 {
                    guard channel.send(batch) else { return }
                    batch = EventBatch(capacity: batchSize)
                }
            }
        } catch {
            batch.error = error
            channel.send(batch)
        }
    }
}

/// The caller's input, read by the parsing thread while the caller waits for it in `PipelinedParse.parse`.
private struct BorrowedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// A bounded queue of batches from one producer to one consumer.
private final class BatchChannel: Sendable {
    private struct State {
        var batches: [EventBatch] = []
        var next = 0
        var isClosed = false
    }

    private let state = Mutex(State())
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

    /// Stops the producer at its next batch and waits until it has stopped.
    func closeAndWaitForProducer() {
        state.withLock { $0.isClosed = true }
        room.signal()  // a producer waiting for room wakes up, sees the channel closed and stops
        finished.wait()
    }
}
