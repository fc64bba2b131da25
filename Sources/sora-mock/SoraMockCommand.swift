import ArgumentParser
import Foundation
import SoraMockServer

/// `sora-mock`: runs the mock Sora-2 server until SIGINT or SIGTERM.
@main
struct SoraMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sora-mock",
        abstract: "A local server that behaves like the Sora-2 video API, under /v1.",
        discussion: """
            The first line printed is `listening on http://HOST:PORT`. Fault plans: OPERATION:KIND[xCOUNT], \
            comma-separated, e.g. create:429x2,content:drop (see Documentation/Mock.md). \
            Exit status: 0 after SIGINT/SIGTERM, 1 if the server cannot run (e.g. port in use), 2 usage error.
            """)

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port.")
    var port = 8080

    @Option(help: "Bearer token every request must carry.")
    var token = "sk-mock"

    @Option(name: .customLong("job-seconds"), help: "Seconds from create to completed, 0...86400 (fractions ok).")
    var jobSeconds = 6.0

    @Option(
        name: .customLong("max-upload-mb"),
        help: "Largest accepted request body in MiB, up to 1048576; larger gets 413.")
    var maxUploadMB = 50.0

    @Option(
        name: .customLong("max-jobs"),
        help: "Most jobs kept, 1...10000000; when full the oldest finished job is evicted, else a create gets 429.")
    var maxJobs = 10_000

    @Option(
        name: .customLong("read-timeout"),
        help:
            "Seconds (0.01...86400) a connection may stay silent (head incomplete, body stalled, idle) before closing.")
    var readTimeout = 30.0

    @Option(help: "Fault plan, e.g. 'create:429x2,retrieve:503,content:drop,list:delay=3'.")
    var faults = ""

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be within 0...65535.") }
        // Written so NaN fails every check: the ranges keep later arithmetic (MiB to bytes, seconds to
        // nanoseconds, timestamps) far from overflow.
        guard jobSeconds >= 0 && jobSeconds <= 86_400 else {
            throw ValidationError("--job-seconds must be within 0...86400.")
        }
        guard maxUploadMB > 0 && maxUploadMB <= Self.largestUploadMB else {
            throw ValidationError("--max-upload-mb must be > 0 and <= \(Int(Self.largestUploadMB)).")
        }
        guard (1...10_000_000).contains(maxJobs) else {
            throw ValidationError("--max-jobs must be within 1...10000000.")
        }
        guard readTimeout >= 0.01 && readTimeout <= 86_400 else {
            throw ValidationError("--read-timeout must be within 0.01...86400 seconds.")
        }
        guard !token.isEmpty else { throw ValidationError("--token must not be empty.") }
        do {
            _ = try FaultPlan(parsing: faults)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The largest `--max-upload-mb` (1 TiB).
    static let largestUploadMB = 1_048_576.0

    func run() async throws {
        let configuration = MockConfiguration(
            host: host, port: port, token: token, jobSeconds: jobSeconds,
            maxUploadBytes: max(1, Int(exactly: (maxUploadMB * 1_048_576).rounded(.down)) ?? Int.max),
            faults: try FaultPlan(parsing: faults), maxJobs: maxJobs, readTimeout: readTimeout)
        do {
            try await MockServer(configuration: configuration).run { address in
                // Unbuffered, so a parent process reading the pipe sees the line at once.
                FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("sora-mock: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
