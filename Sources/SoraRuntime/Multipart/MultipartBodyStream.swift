import Foundation

/// The body's bytes as an async sequence of chunks: memory stays flat for any file size.
struct MultipartBodyStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let segments: [MultipartBodyWriter.Segment]
    let chunkSize: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var segments: ArraySlice<MultipartBodyWriter.Segment>
        let chunkSize: Int
        var handle: FileHandle?
        var remaining: Int64 = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                if let current = handle {
                    if remaining > 0, let data = try current.read(upToCount: Int(Swift.min(Int64(chunkSize), remaining))),
                        !data.isEmpty
                    {
                        remaining -= Int64(data.count)
                        return ArraySlice(data)
                    }
                    try current.close()
                    handle = nil
                    if remaining > 0 { throw SoraError.invalidRequest("an uploaded file became shorter while sending") }
                }
                guard let segment = segments.popFirst() else { return nil }
                switch segment {
                case .bytes(let data): return ArraySlice(data)
                case .file(let url, let length):
                    handle = try FileHandle(forReadingFrom: url)
                    remaining = length
                }
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(segments: segments[...], chunkSize: chunkSize)
    }
}
