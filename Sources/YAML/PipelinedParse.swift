import Dispatch

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
                    let start = Int(event.textStart)
                    let scalar = UnsafeBufferPointer(rebasing: text[start..<start + Int(event.textCount)])
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
        do throws(YAMLError) {
            let parser = try EventParser(input: input)
            batch = EventBatch(capacity: batchSize)
            while !channel.isClosed {
                var (event, bytes, anchor) = try parser.nextEvent()
                if event.kind == .scalar {
                    guard bytes.count <= Int(UInt32.max) else {
                        // The builder refuses such a scalar too; fail here with its words, before 32-bit offsets.
                        throw YAMLError(
                            "the document is too large: more than 4 GiB of text or 4 billion nodes",
                            at: Mark(line: Int(event.line), column: Int(event.column)))
                    }
                    if batch.text.count > Int(UInt32.max) - bytes.count {
                        guard channel.send(batch) else { return }
                        batch = EventBatch(capacity: batchSize)
                    }
                    event.textStart = UInt32(batch.text.count)
                    event.textCount = UInt32(bytes.count)
                    batch.text.append(contentsOf: bytes)
                }
                event.anchor = batch.add(anchor: anchor)
                batch.events.append(event)
                if event.kind == .streamEnd {
                    channel.send(batch)
                    return
                }
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
