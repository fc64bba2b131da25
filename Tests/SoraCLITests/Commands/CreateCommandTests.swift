import Foundation
import Testing

extension CLITests {
    /// `sora create` as a subprocess against the mock: ids at once, progress, downloads, failures, validation.
    @Suite struct CreateCommandTests {
        @Test func createPrintsTheIdAtOnceAndNothingElseOnStdout() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["create", "--prompt", "a cat on a boat", "--seconds", "4"])
                #expect(run.status == 0, "\(run.stderr)")
                let lines = run.stdout.split(separator: "\n")
                #expect(lines.count == 1)
                #expect(lines.first?.hasPrefix("video_") == true)
                #expect(await cli.stats().jobsCreated["create"] == 1)
            }
        }

        @Test func waitWithOutputDownloadsTheVideoAndJSONHasOneObjectPerEvent() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(
                    ["create", "--prompt", "画面动起来", "--size", "1280x720", "--wait", "--output", "out.mp4", "--json"])
                #expect(run.status == 0, "\(run.stderr)")
                let events = run.events
                #expect(
                    events.count == run.stdout.split(separator: "\n").count, "stdout holds only JSON: \(run.stdout)")
                let names = events.compactMap { $0["event"] as? String }
                #expect(names.first == "created")
                #expect(names.contains("completed"))
                #expect(names.last == "downloaded")
                let id = try #require(events.first?["id"] as? String)
                #expect(events.allSatisfy { $0["id"] as? String == id })
                let created = try #require(events.first?["video"] as? [String: Any])
                #expect(created["prompt"] as? String == "画面动起来")
                let bytes = try Data(contentsOf: cli.folder.appending(path: "out.mp4"))
                #expect(bytes.count > 8 && String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp")
                #expect(events.last?["bytes"] as? Int == bytes.count)
            }
        }

        @Test func plainProgressLinesGoToStderrWhenNotATerminal() async throws {
            try await CLI.session(jobSeconds: 0.5) { cli in
                let run = try await cli.run(["create", "--prompt", "a dog", "--wait"])
                #expect(run.status == 0, "\(run.stderr)")
                let id = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.last?.hasPrefix("\(id)  completed  100%") == true, "\(run.stderr)")
                #expect(!run.stderr.contains("\r"))
            }
        }

        @Test func aFailedJobExits1WithItsReason() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["create", "--prompt", "[fail] please", "--wait", "--output", "never.mp4"])
                #expect(run.status == 1)
                #expect(run.stderr.contains("failed: moderation_blocked"), "\(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: cli.folder.appending(path: "never.mp4").path))
            }
        }

        @Test func aValidationErrorExits2NamingTheFieldAndSendsNothing() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["create", "--prompt", "x", "--size", "1792x1024"])
                #expect(run.status == 2)
                #expect(run.stderr == "sora: error: size 1792x1024 needs --model sora-2-pro\n")
                #expect(run.stdout.isEmpty)
                let stats = await cli.stats()
                #expect(stats.requests["create"] == nil && stats.jobsCreated["create"] == nil, "\(stats)")
            }
        }

        @Test(arguments: [
            (["--character-url", "https://x.test/v.mp4"], "--character-timestamps is required with --character-url"),
            (["--seconds", "four"], "--seconds:"),
            (["--size", "big"], "--size: must be WIDTHxHEIGHT"),
            (["--input-reference", "missing.png"], "--input-reference: cannot read missing.png"),
        ])
        func otherValidationErrorsNameTheFlag(_ flags: [String], _ message: String) async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["create", "--prompt", "x"] + flags)
                #expect(run.status == 2)
                #expect(run.stderr.contains(message), "\(run.stderr)")
                #expect(await cli.stats().requests["create"] == nil)
            }
        }

        @Test func aServerFaultIsRetriedThroughAndMakesOneJob() async throws {
            try await CLI.session(faults: "create:503x1,retrieve:500x1") { cli in
                let run = try await cli.run(["create", "--prompt", "retry me", "--wait", "--json"])
                #expect(run.status == 0, "\(run.stderr)")
                let stats = await cli.stats()
                #expect(stats.jobsCreated["create"] == 1)
                #expect(stats.faultsInjected["create"] == 1)
                #expect(stats.faultsInjected["retrieve"] == 1)
                #expect(run.events.last?["event"] as? String == "completed")
            }
        }

        @Test func noRetriesLeftReportsTheAPIMessageAndRequestID() async throws {
            try await CLI.session(faults: "create:503x3") { cli in
                let run = try await cli.run(["create", "--prompt", "x", "--max-retries", "1"])
                #expect(run.status == 1)
                #expect(run.stderr.hasPrefix("sora: error: HTTP 503"), "\(run.stderr)")
                #expect(run.stderr.contains("[request id "))
                #expect(await cli.stats().jobsCreated["create"] == nil)
            }
        }
    }
}
