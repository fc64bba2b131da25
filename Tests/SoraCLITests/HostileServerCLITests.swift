import Foundation
import TestSupport
import Testing

extension CLITests {
    /// The built `sora` against a server that misbehaves on purpose: a typed error and an exit status within
    /// the limits the user set, never a crash, a hang, a partial file or a lost job id.
    @Suite struct HostileServerCLITests {
        static let video =
            #"{"id":"video_1","object":"video","model":"sora-2","status":"completed","progress":100,"created_at":1}"#

        /// A PNG file header of the given size: enough for the client's size check.
        static func png(_ width: UInt32, _ height: UInt32) -> Data {
            var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
            for value in [width, height] {
                bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
            }
            return Data(bytes + [8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE])
        }

        /// A new scratch folder and the environment that points `sora` at `server`.
        static func scratch(_ server: HostileServer) throws -> (URL, [String: String]) {
            let folder = FileManager.default.temporaryDirectory.appending(path: "sora-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let environment = [
                "SORA_BASE_URL": server.baseURL.absoluteString, "SORA_API_KEY": "sk-hostile",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
            ]
            return (folder, environment)
        }

        /// A 720x1280 PNG of about `mebibytes` MiB in the temporary folder; the caller removes it.
        static func bigImage(mebibytes: Int) throws -> URL {
            let image = FileManager.default.temporaryDirectory.appending(path: "big-\(UUID().uuidString).png")
            try (png(720, 1280) + Data(count: mebibytes << 20)).write(to: image)
            return image
        }

        /// Runs `sora ARGUMENTS` against `server` in a scratch folder.
        static func run(_ server: HostileServer, _ arguments: [String]) async throws -> (CLI.Run, Duration, URL) {
            let (folder, environment) = try scratch(server)
            let start = ContinuousClock.now
            let run = try await CLI.run(arguments, in: folder, environment: environment)
            return (run, .now - start, folder)
        }

        @Test(arguments: [("retry-after-ms", "1e300"), ("Retry-After", "1e17"), ("Retry-After", "-5")])
        func extremeRetryHintsDoNotCrash(name: String, value: String) async throws {
            let server = try HostileServer { connection in
                while connection.readRequest() != nil {
                    connection.respond(status: 503, headers: [(name, value)], body: #"{"error":{"message":"busy"}}"#)
                }
            }
            defer { server.stop() }
            let (run, _, _) = try await Self.run(server, ["status", "video_1", "--max-retries", "0"])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("HTTP 503"), "\(run.stderr)")
        }

        @Test(arguments: ["head", "body"])
        func aStalledAnswerEndsWithinTheTimeout(stall: String) async throws {
            let server = try HostileServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.sendHead(
                    status: 200, headers: [("Content-Type", "application/json"), ("Content-Length", "200")])
                if stall == "body" { connection.write(String(Self.video.prefix(20))) }
                connection.stall(seconds: 60)
            }
            defer { server.stop() }
            let (run, elapsed, _) = try await Self.run(
                server, ["status", "video_1", "--timeout", "2", "--max-retries", "0"])
            #expect(run.status == 3, "\(run.stderr)")
            #expect(run.stderr.contains("no data moved for 2 s (raise --timeout)"), "\(run.stderr)")
            #expect(elapsed < .seconds(15))
        }

        @Test func timeTheProcessWasSuspendedIsNotIdleTime() async throws {
            // A laptop lid closed mid-request: `sora` is stopped (SIGSTOP) for 4 s, longer than --timeout 2, while the
            // answer waits in the socket. When it runs again, the answer is read, not a timeout.
            let server = try HostileServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.stall(seconds: 0.5)
                connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: Self.video)
            }
            defer { server.stop() }
            let (folder, environment) = try Self.scratch(server)
            let (process, outURL, errURL) = try CLI.start(
                ["status", "video_1", "--timeout", "2", "--max-retries", "0"], in: folder, environment: environment)
            for _ in 0..<500 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            kill(process.processIdentifier, SIGSTOP)
            try await Task.sleep(for: .seconds(4))
            kill(process.processIdentifier, SIGCONT)
            try await CLI.waitForExit(process)
            let run = try CLI.collect(process, outURL, errURL)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("video_1"), "\(run.stdout)")
        }

        @Test func aDownloadThatStallsLeavesNoFile() async throws {
            let server = try HostileServer { connection in
                while connection.readRequest() != nil {
                    connection.sendHead(
                        status: 200, headers: [("Content-Type", "video/mp4"), ("Content-Length", "1000000")])
                    connection.write([UInt8](repeating: 1, count: 10_000))
                    connection.stall(seconds: 60)
                }
            }
            defer { server.stop() }
            let (run, _, folder) = try await Self.run(
                server, ["download", "video_1", "--output", "out.mp4", "--timeout", "1", "--max-retries", "1"])
            #expect(run.status == 3, "\(run.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(left.allSatisfy { $0.hasPrefix("stdout-") || $0.hasPrefix("stderr-") }, "\(left)")
        }

        @Test func anUploadThatKeepsMovingOutlastsTheIdleTimeout() async throws {
            // The server reads the body slowly, through a small receive buffer: 24 MiB over several seconds, more
            // than --timeout 5. (Bytes waiting in the sender's kernel buffer, up to 4 MiB on Linux, move unseen:
            // an idle limit must be longer than that buffer takes to drain.)
            let server = try HostileServer(receiveBuffer: 64 * 1024) { connection in
                guard let request = connection.readRequest(discardBody: true, pausePerRead: 0.02) else {
                    return
                }
                #expect(request.bodyByteCount > 24 << 20)
                connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: Self.video)
            }
            defer { server.stop() }
            let image = try Self.bigImage(mebibytes: 24)
            defer { try? FileManager.default.removeItem(at: image) }
            let (run, elapsed, _) = try await Self.run(
                server,
                ["create", "--prompt", "p", "--size", "720x1280", "--input-reference", image.path, "--timeout", "5"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "video_1\n")
            #expect(elapsed > .seconds(5.5), "the upload took longer than the idle limit and was not cut")
        }

        @Test func theDeadlineCutsAnUploadThatKeepsMoving() async throws {
            let server = try HostileServer { connection in
                guard connection.readRequest(discardBody: true, pausePerRead: 0.08) != nil else { return }
                connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: Self.video)
            }
            defer { server.stop() }
            let image = try Self.bigImage(mebibytes: 2)
            defer { try? FileManager.default.removeItem(at: image) }
            let (run, _, _) = try await Self.run(
                server,
                ["create", "--prompt", "p", "--size", "720x1280", "--input-reference", image.path, "--deadline", "1"])
            #expect(run.status == 3, "\(run.stderr)")
            #expect(run.stderr.contains("not finished within the 1 s --deadline"), "\(run.stderr)")
            #expect(run.stderr.contains("retry safely (same Idempotency-Key) with: "), "\(run.stderr)")
        }

        @Test func aThinCreateAnswerPrintsTheIdAndTheWayToFollowIt() async throws {
            let server = try HostileServer { connection in
                while let request = connection.readRequest(discardBody: true) {
                    if request.method == "POST" {
                        connection.respond(
                            status: 200, headers: [("Content-Type", "application/json")],
                            body: #"{"id": "task_thin_42", "status": "queued"}"#)
                    } else {
                        let done = Self.video.replacingOccurrences(of: "video_1", with: "task_thin_42")
                        connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: done)
                    }
                }
            }
            defer { server.stop() }
            let (run, _, _) = try await Self.run(server, ["create", "--prompt", "p"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "task_thin_42\n")
            #expect(run.stderr.contains("follow it with `sora wait task_thin_42`"), "\(run.stderr)")
            let (json, _, _) = try await Self.run(server, ["create", "--prompt", "p", "--json", "--wait"])
            #expect(json.status == 0, "\(json.stderr)")
            let events = json.events.compactMap { $0["event"] as? String }
            #expect(events.first == "created" && events.last == "completed", "\(json.stdout)")
            #expect(json.events.first?["id"] as? String == "task_thin_42")
        }

        @Test func aBatchJournalsTheJobOfAThinCreateAnswerAndFinishesIt() async throws {
            let server = try HostileServer { connection in
                while let request = connection.readRequest(discardBody: true) {
                    if request.method == "POST" {
                        connection.respond(
                            status: 200, headers: [("Content-Type", "application/json")],
                            body: #"{"id": "task_thin_7", "status": "queued"}"#)
                    } else if request.path.hasSuffix("/content") {
                        connection.respond(status: 200, headers: [("Content-Type", "video/mp4")], body: "mp4 bytes")
                    } else {
                        let done = Self.video.replacingOccurrences(of: "video_1", with: "task_thin_7")
                        connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: done)
                    }
                }
            }
            defer { server.stop() }
            let folder = FileManager.default.temporaryDirectory.appending(path: "sora-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(#"{"prompt": "one"}"#.utf8).write(to: folder.appending(path: "lines.jsonl"))
            let environment = [
                "SORA_BASE_URL": server.baseURL.absoluteString, "SORA_API_KEY": "sk-hostile",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
            ]
            let run = try await CLI.run(
                ["batch", "lines.jsonl", "--out-dir", "out"], in: folder, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("line 1: task_thin_7\n"), "\(run.stdout)")
            let journal = try String(contentsOf: folder.appending(path: "out/.sora-batch.jsonl"), encoding: .utf8)
            #expect(journal.contains(#""id":"task_thin_7","line":1,"state":"created""#), "\(journal)")
            #expect(try String(contentsOf: folder.appending(path: "out/line-0001.mp4"), encoding: .utf8) == "mp4 bytes")
        }

        @Test func aRedirectedCreateIsReportedNotResent() async throws {
            let server = try HostileServer { connection in
                while connection.readRequest(discardBody: true) != nil {
                    connection.respond(status: 307, headers: [("Location", "/v1/elsewhere")], body: "moved")
                }
            }
            defer { server.stop() }
            let (run, _, _) = try await Self.run(server, ["create", "--prompt", "p"])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("HTTP 307"), "\(run.stderr)")
            #expect(server.requests.map(\.path) == ["/v1/videos"], "sent once, never to the new place")
        }

        @Test func anEmptySuccessIsAReadableError() async throws {
            let server = try HostileServer { connection in
                while connection.readRequest() != nil { connection.respond(status: 200) }
            }
            defer { server.stop() }
            let (run, _, _) = try await Self.run(server, ["status", "video_1"])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("unexpected answer from the server: the answer has no body"), "\(run.stderr)")
        }

        @Test func ctrlCDuringACreateNamesTheKeyAndTheSafeRetry() async throws {
            let server = try HostileServer { connection in
                guard connection.readRequest(discardBody: true) != nil else { return }
                connection.stall(seconds: 60)
            }
            defer { server.stop() }
            let (folder, environment) = try Self.scratch(server)
            let (process, outURL, errURL) = try CLI.start(
                ["create", "--prompt", "p", "--idempotency-key", "key-77"], in: folder, environment: environment)
            for _ in 0..<500 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(200))
            process.interrupt()
            try await CLI.waitForExit(process, limit: .seconds(10))
            let run = try CLI.collect(process, outURL, errURL)
            #expect(run.status == 130, "\(run.stderr)")
            #expect(
                run.stderr.hasSuffix(
                    "interrupted; the server may have created the job: retry safely (same Idempotency-Key) with: "
                        + "\(CLI.executable.path) create --prompt p --idempotency-key key-77\n"), "\(run.stderr)")
        }
    }
}
