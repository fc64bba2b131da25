import ArgumentParser
import Foundation
import SoraMockServer

/// `sora-mock`: runs the mock Sora-2 server until interrupted.
@main
struct SoraMock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sora-mock",
        abstract: "A local server that behaves like the Sora-2 video API, under /v1."
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port.")
    var port = 8080

    @Option(help: "Bearer token every request must carry.")
    var token = "sk-mock"

    @Option(name: .customLong("job-seconds"), help: "Seconds from create to completed (fractions allowed).")
    var jobSeconds = 6.0

    @Option(name: .customLong("max-upload-mb"), help: "Largest accepted request body in MiB; larger gets 413.")
    var maxUploadMB = 50.0

    @Option(help: "Fault plan, e.g. 'create:429x2,content:drop' (see README).")
    var faults = ""

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be within 0...65535.") }
        guard jobSeconds >= 0, jobSeconds.isFinite else { throw ValidationError("--job-seconds must be >= 0.") }
        guard maxUploadMB > 0, maxUploadMB.isFinite else { throw ValidationError("--max-upload-mb must be > 0.") }
        do {
            _ = try FaultPlan(parsing: faults)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let plan = try FaultPlan(parsing: faults)
        let configuration = MockConfiguration(
            host: host, port: port, token: token, jobSeconds: jobSeconds,
            maxUploadBytes: Int(maxUploadMB * 1_048_576), faults: plan)
        let server = MockServer(configuration: configuration)
        try await server.run { address in
            // Unbuffered, so a parent process reading the pipe sees the line at once.
            FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
        }
    }
}
