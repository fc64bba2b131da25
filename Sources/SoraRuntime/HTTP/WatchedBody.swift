import OpenAPIRuntime

/// Bodies seen through a `TransferWatch`: every chunk counts as progress, and a response read that stalls
/// ends with `SoraError.timeout` instead of waiting forever.
enum WatchedBody {
    /// A request body that tells `watch` each time the transport reads a chunk of it.
    static func request(_ body: HTTPBody, watch: TransferWatch) -> HTTPBody {
        watch.expectRequestBody()
        return HTTPBody(
            body.map { chunk in
                watch.touch()
                return chunk
            }, length: body.length, iterationBehavior: body.iterationBehavior)
    }

    /// A response body whose every read is bounded by `watch`.
    static func response(_ body: HTTPBody, watch: TransferWatch) -> HTTPBody {
        HTTPBody(Reads(base: body, watch: watch), length: body.length, iterationBehavior: body.iterationBehavior)
    }

    /// The chunks of `base`, each read raced against the watch.
    private struct Reads: AsyncSequence, Sendable {
        typealias Element = ArraySlice<UInt8>

        let base: HTTPBody
        let watch: TransferWatch

        func makeAsyncIterator() -> Iterator {
            Iterator(box: IteratorBox(base.makeAsyncIterator()), watch: watch)
        }

        struct Iterator: AsyncIteratorProtocol {
            let box: IteratorBox
            let watch: TransferWatch

            mutating func next() async throws -> ArraySlice<UInt8>? {
                let box = box
                let chunk = try await watch.run { try await box.next() }
                if chunk != nil { watch.touch() }
                return chunk
            }
        }
    }

    /// The base iterator, moved into the task that reads it. Reads never overlap: `TransferWatch.run` starts
    /// the next one only after the previous returned, and fails at once for good after a read is abandoned.
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
