import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file an upload reads, opened once when the request is prepared: its first bytes are sniffed and its image
/// size checked there, and every attempt (a retry too) streams the same descriptor with positioned reads, so the
/// bytes sent are the bytes checked. Closed when the last body that streams it is gone.
final class OpenedFile: Sendable {
    /// The descriptor, read only with `pread`, so concurrent or repeated readers never share a file offset.
    let descriptor: Int32
    /// The size measured when opened; at most this many bytes are ever sent.
    let size: Int64

    /// Opens `url` for reading, or says why not, naming `field`.
    init(_ url: URL, field: String) throws(SoraError) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .invalidRequest(
                "cannot read the file for \(field) at \(url.path): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .invalidRequest("cannot read the file for \(field) at \(url.path): it is not a regular file")
        }
        self.descriptor = descriptor
        self.size = Int64(status.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from `offset`; fewer only at the end of the file (an empty array past it).
    func read(at offset: Int64, count: Int) throws(SoraError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .invalidRequest("an uploaded file could not be read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
