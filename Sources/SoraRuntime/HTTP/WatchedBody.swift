import OpenAPIRuntime
import Synchronization

/// Bodies seen through a `TransferWatch`: every chunk counts as progress, and a response read that stalls
/// ends with `SoraError.timeout` instead of waiting forever.
enum WatchedBody {
    /// A request body that tells `watch` each time the transport reads a chunk of it, and `progress` (if set)
    /// how many bytes it has read in all.
    static func request(
        _ body: HTTPBody, watch: TransferWatch, progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) -> HTTPBody {
        watch.expectRequestBody()
        guard let progress else {
            return HTTPBody(
                body.map { chunk in
                    watch.touch()
                    return chunk
                }, length: body.length, iterationBehavior: body.iterationBehavior)
        }
        let total: Int64? = if case .known(let length) = body.length { length } else { nil }
        let sent = Atomic<Int64>(0)
        let operationID = watch.operationID
        return HTTPBody(
            body.map { chunk in
                watch.touch()
                let bytes = sent.add(Int64(chunk.count), ordering: .relaxed).newValue
                progress(TransferProgress(operationID: operationID, direction: .upload, bytes: bytes, total: total))
                return chunk
            }, length: body.length, iterationBehavior: body.iterationBehavior)
    }

    /// A response body whose every read is bounded by `watch`.
    static func response(_ body: HTTPBody, watch: TransferWatch) -> HTTPBody {
        HTTPBody(Reads(base: body, watch: watch), length: body.length, iterationBehavior: body.iterationBehavior)
    }

    /// The chunks of `base`, read on a task of their own; each wait for one is bounded by the watch.
    private struct Reads: AsyncSequence, Sendable {
        typealias Element = ArraySlice<UInt8>

        let base: HTTPBody
        let watch: TransferWatch

        func makeAsyncIterator() -> Iterator {
            Iterator(owner: PumpOwner(Pump(base.makeAsyncIterator())), watch: watch)
        }

        struct Iterator: AsyncIteratorProtocol {
            let owner: PumpOwner
            let watch: TransferWatch
            /// After the end or an error, every later call returns nil at once.
            var finished = false

            mutating func next() async throws -> ArraySlice<UInt8>? {
                guard !finished else { return nil }
                let pump = owner.pump
                do {
                    let chunk: ArraySlice<UInt8>?
                    if let ready = pump.takeReady() {
                        chunk = try ready.get()
                    } else {
                        chunk = try await watch.wait { gate in pump.deliver(to: gate) }
                        watch.touch()
                    }
                    finished = chunk == nil
                    return chunk
                } catch {
                    finished = true
                    pump.stop()
                    throw error
                }
            }
        }
    }

    /// Stops the pump when the iterator is dropped, e.g. after reading only the start of a body.
    private final class PumpOwner: Sendable {
        let pump: Pump

        init(_ pump: Pump) {
            self.pump = pump
        }

        deinit {
            pump.stop()
        }
    }

    /// Reads the base body one chunk ahead of its consumer on one task, so a consumer's wait can end (a
    /// timeout) without leaving a read of the base iterator half done, and a chunk costs no new task.
    private final class Pump: Sendable {
        private struct State {
            /// The chunk read ahead (nil inside: the end), waiting to be taken.
            var ready: Result<ArraySlice<UInt8>?, any Error>?
            /// The consumer's wait for the next chunk.
            var waiting: Gate<ArraySlice<UInt8>?>?
            /// The pump, parked until the ready chunk is taken.
            var parked: CheckedContinuation<Void, Never>?
            var task: Task<Void, Never>?
            var stopped = false
        }

        private let base: IteratorBox
        private let state = Mutex(State())

        init(_ iterator: HTTPBody.Iterator) {
            base = IteratorBox(iterator)
        }

        /// The chunk read ahead, if one is ready; lets the pump read the next.
        func takeReady() -> Result<ArraySlice<UInt8>?, any Error>? {
            let (ready, parked) = state.withLock { pump in
                defer {
                    pump.ready = nil
                    pump.parked = nil
                }
                return (pump.ready, pump.ready == nil ? nil : pump.parked)
            }
            parked?.resume()
            return ready
        }

        /// Hands the next chunk to `gate`: at once if it was read meanwhile, else when it arrives.
        func deliver(to gate: Gate<ArraySlice<UInt8>?>) {
            enum Step {
                case ready(Result<ArraySlice<UInt8>?, any Error>, CheckedContinuation<Void, Never>?)
                case start
                case wait
            }
            let step: Step = state.withLock { pump in
                if let ready = pump.ready {
                    defer {
                        pump.ready = nil
                        pump.parked = nil
                    }
                    return .ready(ready, pump.parked)
                }
                pump.waiting = gate
                return pump.task == nil && !pump.stopped ? .start : .wait
            }
            switch step {
            case .ready(let result, let parked):
                parked?.resume()
                gate.finish(result)
            case .start:
                let task = Task { await self.loop() }
                let stopped = state.withLock { pump in
                    pump.task = task
                    return pump.stopped
                }
                if stopped { task.cancel() }
            case .wait:
                break
            }
        }

        /// Cancels the read and lets a parked pump end.
        func stop() {
            let (task, parked) = state.withLock { pump in
                pump.stopped = true
                defer { pump.parked = nil }
                return (pump.task, pump.parked)
            }
            task?.cancel()
            parked?.resume()
        }

        private func loop() async {
            while true {
                let result: Result<ArraySlice<UInt8>?, any Error>
                do {
                    result = .success(try await base.next())
                } catch {
                    result = .failure(error)
                }
                let isLast = (try? result.get()) == nil
                let waiting: Gate<ArraySlice<UInt8>?>? = state.withLock { pump in
                    defer { pump.waiting = nil }
                    if pump.waiting == nil { pump.ready = result }
                    return pump.waiting
                }
                if let waiting {
                    waiting.finish(result)
                } else if !isLast {
                    // Park until the consumer takes the chunk (or stops): one chunk ahead at most.
                    await withCheckedContinuation { continuation in
                        let resume = state.withLock { pump in
                            guard pump.ready != nil, !pump.stopped else { return true }
                            pump.parked = continuation
                            return false
                        }
                        if resume { continuation.resume() }
                    }
                }
                if isLast || state.withLock({ $0.stopped }) { return }
            }
        }
    }

    /// The base iterator, read only by the pump's task, one read at a time.
    private final class IteratorBox: @unchecked Sendable {
        private var iterator: HTTPBody.Iterator

        init(_ iterator: HTTPBody.Iterator) {
            self.iterator = iterator
        }

        func next() async throws -> ArraySlice<UInt8>? {
            try await iterator.next()
        }
    }
}
