import Foundation
import SoraMockServer
import TestSupport

/// Runs the built `sora` executable as a subprocess against an in-process `SoraMockServer` on loopback.
struct CLI: Sendable {
    static let token = "sk-cli-test-7f3a9c"

    /// The outcome of one run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Each stdout line parsed as a JSON object.
        var events: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    let server: MockServer
    let port: Int
    let folder: URL

    /// `sora`, built next to the test bundle by `swift test`.
    static var executable: URL { BuiltExecutable.url("sora") }

    /// Starts a mock server and a scratch folder, runs `body`, and cleans up whatever happens.
    static func session<T: Sendable>(
        jobSeconds: Double = 0.3, faults: String = "", _ body: (CLI) async throws -> T
    ) async throws -> T {
        let server = MockServer(
            configuration: MockConfiguration(
                host: "127.0.0.1", port: 0, token: token, jobSeconds: jobSeconds, faults: try FaultPlan(parsing: faults)
            ))
        let port = try await server.start()
        let folder = FileManager.default.temporaryDirectory.appending(path: "sora-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let result = try await body(CLI(server: server, port: port, folder: folder))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The environment `sora` runs with: the mock's URL and token, nothing inherited that could interfere.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["SORA_BASE_URL": "http://127.0.0.1:\(port)/v1", "SORA_API_KEY": Self.token]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        return environment.merging(extra) { $1 }
    }

    /// Starts `sora ARGUMENTS` in the scratch folder with stdin closed and output to files.
    func start(_ arguments: [String], environment: [String: String]? = nil) throws -> (Process, URL, URL) {
        try Self.start(arguments, in: folder, environment: environment ?? self.environment())
    }

    /// Runs `sora ARGUMENTS` to its end (killed after 30 s).
    func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> Run {
        try await Self.run(arguments, in: folder, environment: environment ?? self.environment())
    }

    /// Runs `sora ARGUMENTS` in `folder` with exactly `environment` to its end (killed after 30 s).
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]) async throws -> Run {
        let (process, outURL, errURL) = try start(arguments, in: folder, environment: environment)
        try await waitForExit(process)
        return try collect(process, outURL, errURL)
    }

    /// Starts `sora ARGUMENTS` in `folder` with stdin closed, output to files there, and exactly `environment`.
    static func start(_ arguments: [String], in folder: URL, environment: [String: String]) throws -> (
        Process, URL, URL
    ) {
        let id = UUID().uuidString
        let outURL = folder.appending(path: "stdout-\(id)")
        let errURL = folder.appending(path: "stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        return (process, outURL, errURL)
    }

    /// Waits for `process` to end without blocking a cooperative thread; kills it after `limit`.
    static func waitForExit(_ process: Process, limit: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
    }

    /// The run's status and output.
    static func collect(_ process: Process, _ outURL: URL, _ errURL: URL) throws -> Run {
        Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The mock's statistics.
    func stats() async -> MockStats { await server.stats() }
}
