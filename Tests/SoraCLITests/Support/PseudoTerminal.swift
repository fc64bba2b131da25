import Foundation
import Synchronization

/// A pseudo-terminal pair for running `sora` with stderr on a terminal, as a person runs it: the child writes to
/// the subordinate side; everything it writes is read from the main side until the child's copy is closed.
final class PseudoTerminal: Sendable {
    /// The main side's descriptor.
    let main: Int32
    /// The subordinate side, for the child.
    let subordinate: FileHandle
    private let output = Mutex<[UInt8]>([])
    private let done = DispatchSemaphore(value: 0)

    /// Opens a pair of `columns` columns and starts reading it.
    init(columns: UInt16) throws {
        let main = systemPosixOpenpt(O_RDWR | O_NOCTTY)
        guard main >= 0, systemGrantpt(main) == 0, systemUnlockpt(main) == 0, let name = systemPtsname(main) else {
            throw POSIXError(.ENXIO)
        }
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(main, UInt(TIOCSWINSZ), &size)
        let subordinate = open(name, O_RDWR | O_NOCTTY)
        guard subordinate >= 0 else { throw POSIXError(.ENXIO) }
        self.main = main
        self.subordinate = FileHandle(fileDescriptor: subordinate, closeOnDealloc: true)
        // Drained all along: a full terminal buffer would block the child's writes.
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(main, &buffer, buffer.count)
                if count <= 0 { break }  // EIO once no process holds the subordinate side
                output.withLock { $0 += buffer[..<count] }
            }
            done.signal()
        }
    }

    /// Everything written, once the child has exited and `closeSubordinate()` was called (or after 5 s).
    func text() -> String {
        _ = done.wait(timeout: .now() + 5)
        return String(decoding: output.withLock { $0 }, as: UTF8.self)
    }

    /// Closes this process's copy of the subordinate side (after the child started), so reading ends with it.
    func closeSubordinate() {
        try? subordinate.close()
    }

    deinit { close(main) }

    /// Runs `sora ARGUMENTS` in `folder` with stderr on a new terminal `columns` wide and stdout to `standardOutput`,
    /// waits for it, and returns its exit status and everything the terminal showed.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String], columns: UInt16 = 100,
        standardOutput: Any = FileHandle.nullDevice
    ) async throws -> (status: Int32, text: String) {
        let terminal = try PseudoTerminal(columns: columns)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput
        process.standardError = terminal.subordinate
        try process.run()
        terminal.closeSubordinate()
        try await CLI.waitForExit(process)
        return (process.terminationStatus, terminal.text())
    }
}

// The C library's pseudo-terminal calls, which the Glibc module does not import (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func systemPosixOpenpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func systemGrantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func systemUnlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func systemPtsname(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?
