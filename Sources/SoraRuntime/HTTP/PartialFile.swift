import Foundation
import HTTPTypes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary file of a download: written in order, truncated when a server restarts from byte 0,
/// renamed over the destination when complete, removed otherwise.
struct PartialFile {
    let url: URL
    let operationID: String
    private let handle: FileHandle
    private(set) var count: Int64 = 0

    init(_ url: URL, operationID: String) throws(SoraError) {
        self.url = url
        self.operationID = operationID
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else {
            throw .invalidRequest("\(operationID): cannot create \(url.path) next to the destination")
        }
        self.handle = handle
    }

    /// Keeps the bytes so far when the server resumes where we stopped; starts over otherwise.
    mutating func prepare(for response: HTTPResponse, resumingAt offset: Int64) throws {
        if offset > 0 && response.status.code == 206 && ContentRange.start(response) == offset { return }
        if count > 0 {
            try handle.truncate(atOffset: 0)
            count = 0
        }
    }

    mutating func write(_ chunk: ArraySlice<UInt8>) throws {
        try handle.write(contentsOf: chunk)
        count += Int64(chunk.count)
    }

    /// Flushes, closes and atomically renames the file over `destination`.
    func finish(renamingTo destination: URL) throws(SoraError) {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .invalidRequest("\(operationID): cannot finish \(url.path): \(error.localizedDescription)")
        }
        guard rename(url.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .invalidRequest("\(operationID): cannot move the download to \(destination.path): \(reason)")
        }
    }

    /// Closes and removes the temporary file.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}
