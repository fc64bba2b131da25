import Foundation
import TestSupport
import Testing

/// The `sora-mock` executable as users run it: the first line names the address; usage errors exit 2.
@Suite struct SoraMockCommandTests {
    /// `sora-mock`, built next to the test bundle by `swift test`.
    static var executable: URL { BuiltExecutable.url("sora-mock") }

    @Test func portZeroPrintsTheAddressFirstAndServesWithTheFaultPlanUntilInterrupted() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--port", "0", "--token", "cli-token", "--job-seconds", "0.2", "--faults", "list:503"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(20))
            process.terminate()
        }
        defer { watchdog.cancel() }
        let port = try await Self.port(from: output)
        #expect(port > 0)
        let get = "GET /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer cli-token\r\nConnection: close\r\n\r\n"
        let replies = try await RawSocket.offload {
            try (0..<2).map { _ in
                let socket = try RawSocket(port: port)
                socket.write(Array(get.utf8))
                return String(decoding: socket.readAll(), as: UTF8.self)
            }
        }
        #expect(replies[0].hasPrefix("HTTP/1.1 503 Service Unavailable"))
        #expect(replies[1].hasPrefix("HTTP/1.1 200 OK"))
        #expect(replies[1].contains(#""object":"list""#))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: [
        ["--port", "70000"], ["--port", "9223372036854775808"], ["--faults", "create:teapot"],
        ["--faults", "list:delay=1e300"], ["--faults", "list:delay=nan"],
        ["--faults", "create:429=99999999999999999999"],
        ["--job-seconds", "-1"], ["--job-seconds", "1e300"], ["--job-seconds", "nan"], ["--max-upload-mb", "1e300"],
        ["--max-upload-mb", "nan"], ["--max-upload-mb", "-1"], ["--max-upload-mb", "garbage"], ["--max-jobs", "0"],
        ["--max-jobs", "1e300"], ["--max-jobs", "9223372036854775808"], ["--read-timeout", "0"],
        ["--read-timeout", "1e300"], ["--read-timeout", "nan"], ["--bogus"],
    ])
    func usageErrorsExit2(_ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try await process.runUntilExit()
        #expect(process.terminationStatus == 2)
    }

    @Test func maxJobsAndReadTimeoutFlagsApply() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [
            "--port", "0", "--token", "cli-token", "--job-seconds", "60", "--max-jobs", "1", "--read-timeout", "1",
            "--max-upload-mb", "1048576",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            process.terminate()
        }
        defer { watchdog.cancel() }
        let port = try await Self.port(from: output)
        let form = FormBody([("model", "sora-2"), ("prompt", "p")])
        let create =
            "POST /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer cli-token\r\nConnection: close\r\n"
            + "Content-Type: \(form.contentType)\r\nContent-Length: \(form.bytes.count)\r\n\r\n"
        let (replies, stalled) = try await RawSocket.offload {
            let replies = try (0..<2).map { _ in
                let socket = try RawSocket(port: port)
                socket.write(Array(create.utf8) + form.bytes)
                return String(decoding: socket.readAll(), as: UTF8.self)
            }
            let socket = try RawSocket(port: port, receiveTimeout: 15)
            let started = ContinuousClock.now
            socket.write(Array("GET /v1/videos HTTP/1.1\r\nHo".utf8))
            _ = socket.readAll()
            return (replies, ContinuousClock.now - started)
        }
        #expect(replies[0].hasPrefix("HTTP/1.1 200 OK"))
        #expect(replies[1].hasPrefix("HTTP/1.1 429 Too Many Requests"))
        #expect(replies[1].contains(#""code":"job_capacity_reached""#))
        #expect(stalled < .seconds(5))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// The port in the first line `listening on http://127.0.0.1:PORT`.
    static func port(from output: Pipe) async throws -> Int {
        let firstLine = try await RawSocket.offload { () -> String in
            var bytes: [UInt8] = []
            while !bytes.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                bytes += chunk
            }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        }
        let prefix = "listening on http://127.0.0.1:"
        #expect(firstLine.hasPrefix(prefix))
        return try #require(Int(firstLine.dropFirst(prefix.count)))
    }
}
