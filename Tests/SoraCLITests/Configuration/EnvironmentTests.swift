import Foundation
import Testing

extension CLITests {
    /// Token and base URL from the environment, `--token-file`, network failures and Ctrl-C.
    @Suite struct EnvironmentTests {
        @Test func aMissingTokenIsAUsageError() async throws {
            try await CLI.session { cli in
                var environment = cli.environment()
                environment["SORA_API_KEY"] = nil
                let run = try await cli.run(["status", "video_x"], environment: environment)
                #expect(run.status == 2)
                #expect(
                    run.stderr == "sora: error: no API token: set SORA_API_KEY (e.g. `export SORA_API_KEY=sk-…` "
                        + "with the key from your relay's or OpenAI's dashboard) or pass --token-file PATH\n")
                #expect(await cli.stats().requests.isEmpty)
            }
        }

        @Test func aRefusedConnectionFailsAtOnceAndSaysWhere() async throws {
            let folder = FileManager.default.temporaryDirectory.appending(path: "sora-refused-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // Port 1 on loopback: nothing listens there, and the kernel refuses at once.
            let environment = [
                "SORA_BASE_URL": "http://127.0.0.1:1/v1", "SORA_API_KEY": "sk-x",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
            ]
            let start = ContinuousClock.now
            let run = try await CLI.run(["list", "--max-retries", "0"], in: folder, environment: environment)
            #expect(run.status == 3)
            #expect(
                run.stderr
                    == "sora: error: network error: connection refused by 127.0.0.1:1 (is the server running at this "
                    + "address?)\n")
            #expect(ContinuousClock.now - start < .seconds(5), "it waited for the connect timeout (10 s)")
        }

        @Test(arguments: ["", "/", "/api/"])
        func aNotFoundAnswerUnderABaseURLWithoutV1SaysWhatToTry(_ path: String) async throws {
            try await CLI.session { cli in
                let base = "http://127.0.0.1:\(cli.port)"
                let run = try await cli.run(
                    ["status", "video_x"], environment: cli.environment(["SORA_BASE_URL": base + path]))
                #expect(run.status == 1)
                let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
                #expect(
                    run.stderr.hasSuffix(
                        "; SORA_BASE_URL has no /v1, under which the API's paths are: try SORA_BASE_URL=\(base)\(trimmed)/v1\n"
                    ),
                    "\(run.stderr)")
                #expect(!run.stderr.contains("//videos"), "a trailing slash does not double the path's")
            }
        }

        @Test func aNotFoundVideoUnderV1HasNoHint() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["status", "video_x"])
                #expect(run.status == 1)
                #expect(run.stderr.contains("HTTP 404 video_not_found"), "\(run.stderr)")
                #expect(!run.stderr.contains("SORA_BASE_URL"))
            }
        }

        @Test func theTokenFileWorksAndTheTokenIsNeverPrintedEvenVerbose() async throws {
            try await CLI.session { cli in
                let file = cli.folder.appending(path: "token")
                try Data((CLI.token + "\n").utf8).write(to: file)
                var environment = cli.environment()
                environment["SORA_API_KEY"] = nil
                let run = try await cli.run(
                    ["create", "--prompt", "x", "--wait", "--verbose", "--token-file", file.path],
                    environment: environment)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(!run.stderr.isEmpty, "verbose logs requests")
                #expect(!run.stdout.contains(CLI.token) && !run.stderr.contains(CLI.token))
            }
        }

        @Test func aWrongTokenExits1WithTheServersMessage() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["list"], environment: cli.environment(["SORA_API_KEY": "sk-wrong"]))
                #expect(run.status == 1)
                #expect(run.stderr.hasPrefix("sora: error: HTTP 401"), "\(run.stderr)")
                #expect(!run.stderr.contains("sk-wrong"))
            }
        }

        @Test func aServerThatIsNotThereExits3() async throws {
            try await CLI.session { cli in
                await cli.server.stop()
                let run = try await cli.run(["list", "--max-retries", "0"])
                #expect(run.status == 3, "\(run.stderr)")
                #expect(run.stderr.hasPrefix("sora: error: network error"), "\(run.stderr)")
            }
        }

        @Test func aSlowServerIsATimeoutExit3() async throws {
            try await CLI.session(faults: "list:delay=5") { cli in
                let run = try await cli.run(["list", "--timeout", "0.5", "--max-retries", "0"])
                #expect(run.status == 3, "\(run.stderr)")
                #expect(run.stderr.contains("raise --timeout"), "\(run.stderr)")
            }
        }

        @Test func ctrlCDuringWaitStopsCleanlyAndSaysHowToResume() async throws {
            try await CLI.session(jobSeconds: 60) { cli in
                let (process, outURL, errURL) = try cli.start(["create", "--prompt", "long", "--output", "long.mp4"])
                var id = ""
                for _ in 0..<250 where id.isEmpty {
                    try await Task.sleep(for: .milliseconds(20))
                    id = (try? String(contentsOf: outURL, encoding: .utf8))?.trimmingCharacters(in: .newlines) ?? ""
                }
                #expect(id.hasPrefix("video_"))
                try await Task.sleep(for: .milliseconds(300))
                process.interrupt()
                try await CLI.waitForExit(process, limit: .seconds(10))
                let run = try CLI.collect(process, outURL, errURL)
                #expect(run.status == 130)
                #expect(run.stderr.contains("interrupted; resume with: sora wait \(id)"), "\(run.stderr)")
                let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
                #expect(!left.contains { $0.contains("long") }, "\(left)")
            }
        }

        @Test(arguments: [
            ["--timeout", "1e300"], ["--timeout", "-1"], ["--timeout", "nan"], ["--timeout", "0"],
            ["--connect-timeout", "inf"], ["--deadline", "0"], ["--deadline", "99999999999"],
            ["--max-retries", "9223372036854775808"], ["--max-retries", "-1"],
        ])
        func extremeLimitsAreUsageErrorsNotTraps(flags: [String]) async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["status", "video_1"] + flags)
                #expect(run.status == 2, "\(flags): \(run.stderr)")
                #expect(run.stderr.contains(flags[0]), "the message names the flag: \(run.stderr)")
                #expect(await cli.stats().requests.isEmpty, "nothing was sent")
            }
        }

        @Test func helpDocumentsTheExitCodes() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["--help"])
                #expect(run.status == 0)
                #expect(run.stdout.contains("130 interrupted"))
                #expect(run.stdout.contains("create"))
            }
        }
    }
}
