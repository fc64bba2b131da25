import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive claim on a batch's output folder, so two runs on one folder cannot both create its jobs.
///
/// An OS-level `flock` on the folder's journal: the kernel releases it when the process ends, however it
/// ends, so a crashed or killed run never leaves the folder locked, and no extra file is left behind.
final class BatchLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `folder` at once, or fails with exit status 2.
    init(folder: URL) throws(CLIFailure) {
        let path = folder.appending(path: Journal.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CLIFailure(message: "--out-dir: cannot open the journal \(path): \(reason)", status: .usage)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw CLIFailure(
                message: "--out-dir \(folder.path) is in use by another sora batch; "
                    + "wait for it to finish, or use another folder",
                status: .usage)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
