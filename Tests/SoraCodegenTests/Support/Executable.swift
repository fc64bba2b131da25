import Foundation
import TestSupport

/// Runs the built `sora-codegen` executable, as users do.
enum Executable {
    /// The outcome of one run.
    typealias Run = ProgramRun

    /// `sora-codegen`, built next to the test bundle by `swift test`.
    static var url: URL { BuiltExecutable.url("sora-codegen") }

    /// Runs `sora-codegen ARGUMENTS` in `directory` and waits for it (output goes through files, so a
    /// large diff cannot fill a pipe and block), without blocking a thread of the cooperative pool.
    static func run(_ arguments: [String], in directory: URL = Paths.root) async throws -> Run {
        try await ProgramRun.run(url, arguments, in: directory, limit: .seconds(600))
    }
}
