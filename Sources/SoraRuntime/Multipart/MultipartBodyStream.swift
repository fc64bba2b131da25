import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The body's bytes as an async sequence of chunks: memory stays flat for any file size. Files are read with
/// positioned reads from the descriptor opened when the body was prepared, so every iteration (a retry) sends the
/// same file. File content is scanned for the boundary as it streams (text parts are checked before sending), so
/// a body whose content would contain its own boundary is aborted rather than sent corrupted.
struct MultipartBodyStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let segments: [MultipartBody.Segment]
    let chunkSize: Int
    var boundary: [UInt8] = []

    struct AsyncIterator: AsyncIteratorProtocol {
        var segments: ArraySlice<MultipartBody.Segment>
        let chunkSize: Int
        var file: OpenedFile?
        var offset: Int64 = 0
        var remaining: Int64 = 0
        let boundary: [UInt8]
        /// The last bytes of the previous file chunk, so a boundary split across chunks is found too.
        var carry: [UInt8] = []

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                if let current = file {
                    if remaining > 0 {
                        let bytes = try current.read(at: offset, count: Int(Swift.min(Int64(chunkSize), remaining)))
                        guard !bytes.isEmpty else {
                            throw SoraError.invalidRequest("an uploaded file became shorter while sending")
                        }
                        offset += Int64(bytes.count)
                        remaining -= Int64(bytes.count)
                        try scan(bytes)
                        return bytes[...]
                    }
                    file = nil
                }
                guard let segment = segments.popFirst() else { return nil }
                switch segment {
                case .bytes(let data): return ArraySlice(data)
                case .file(let opened, let length):
                    file = opened
                    offset = 0
                    remaining = length
                    carry = []
                }
            }
        }

        /// Throws when the boundary occurs in file content (across chunk edges too).
        private mutating func scan(_ bytes: [UInt8]) throws {
            guard !boundary.isEmpty else { return }
            let window = carry + bytes
            if BoundaryScan.contains(window, boundary) {
                throw SoraError.invalidRequest(
                    "an uploaded file contains the multipart boundary; send it again (a new boundary is chosen)")
            }
            carry = Array(window.suffix(boundary.count - 1))
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(segments: segments[...], chunkSize: chunkSize, boundary: boundary)
    }
}

/// Byte search with `memchr` for the first byte and `memcmp` for the rest: fast enough to scan every
/// uploaded byte.
enum BoundaryScan {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pattern = pin.baseAddress else { return false }
                var offset = 0
                let last = hay.count - pin.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern, pin.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
