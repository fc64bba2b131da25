#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the output writer needs, without Foundation's per-call overhead: 3,000 files are
/// read, compared and written in tens of milliseconds this way.
enum FileSystem {
    /// A failed call, with the path and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        let action: String
        let path: String
        let code: Int32

        var description: String { "cannot \(action) \(path): \(reason)" }
        var reason: String { String(cString: strerror(code)) }
    }

    /// What `stat` says about a file, enough to tell whether it changed since it was written.
    struct Identity: Hashable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        var isDirectory: Bool
    }

    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        return Identity(
            size: Int64(info.st_size), modified: modified, changed: changed, inode: UInt64(info.st_ino),
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// The whole file, or nil when it does not exist; `limit` bytes at most (nil: all).
    static func readFile(_ path: String, limit: Int? = nil) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Failure(action: "read", path: path, code: errno)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(action: "read", path: path, code: errno) }
        let size = limit.map { min($0, Int(info.st_size)) } ?? Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + done, size - done)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure(action: "read", path: path, code: errno) }
            if count == 0 { break }
            done += count
        }
        if done < size { bytes.removeSubrange(done...) }
        return bytes
    }

    /// Writes `bytes` to a new file at `path` (which must not exist), failing cleanly on a full disk.
    static func createFile(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(action: "create", path: path, code: errno) }
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let code = count < 0 ? errno : ENOSPC
                close(descriptor)
                unlink(path)
                throw Failure(action: "write", path: path, code: code)
            }
            done += count
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw Failure(action: "write", path: path, code: code)
        }
    }

    /// Replaces `target` with `source` in one step: a reader sees the old file or the new one, never a part.
    static func replace(_ target: String, with source: String) throws {
        guard rename(source, target) == 0 else { throw Failure(action: "rename into", path: target, code: errno) }
    }

    static func removeFile(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw Failure(action: "delete", path: path, code: errno) }
    }

    static func removeDirectory(_ path: String) {
        _ = rmdir(path)
    }

    /// Creates the folder and any missing parents.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw Failure(action: "create the folder", path: path, code: errno)
        }
        try makeDirectory(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw Failure(action: "create the folder", path: path, code: errno)
        }
    }

    /// Names in a folder (no `.` and `..`), each with whether it is a folder; nil when the folder is missing.
    static func list(_ path: String) throws -> [(name: String, isDirectory: Bool)]? {
        guard let directory = opendir(path) else {
            if errno == ENOENT { return nil }
            throw Failure(action: "list", path: path, code: errno)
        }
        defer { closedir(directory) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                isDirectory = identity(path + "/" + name)?.isDirectory ?? false
            }
            entries.append((name, isDirectory))
        }
        return entries
    }

    /// True when the text's UTF-8 is exactly these bytes (one `memcmp`).
    static func sameBytes(_ text: inout String, _ bytes: [UInt8]) -> Bool {
        text.withUTF8 { utf8 in
            guard utf8.count == bytes.count else { return false }
            guard let text = utf8.baseAddress else { return true }
            return bytes.withUnsafeBytes { memcmp($0.baseAddress!, text, utf8.count) == 0 }
        }
    }

    /// True when a process with this id is running (a leftover temporary file of a live run is not touched).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    static var processID: Int32 { getpid() }
}
