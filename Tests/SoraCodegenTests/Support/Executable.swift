import Foundation
import TestSupport

/// Runs the built `sora-codegen` executable, as users do.
enum Executable {
    /// The outcome of one run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `sora-codegen`, built next to the test bundle by `swift test`.
    static var url: URL { BuiltExecutable.url("sora-codegen") }

    /// Runs `sora-codegen ARGUMENTS` in `directory` and waits for it (output goes through files, so a
    /// large diff cannot fill a pipe and block), without blocking a thread of the cooperative pool.
    static func run(_ arguments: [String], in directory: URL = Paths.root) async throws -> Run {
        let scratch = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appending(path: "stdout")
        let errURL = scratch.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try await process.runUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
