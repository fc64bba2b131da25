import Foundation
import Testing

extension CLITests {
    /// `sora batch` as a subprocess: bounded concurrency, a summary, and resuming after a kill without paying twice.
    @Suite struct BatchCommandTests {
        /// Writes `prompts` as a JSON Lines batch file in the scratch folder.
        static func batchFile(_ cli: CLI, _ lines: [String]) throws -> String {
            let url = cli.folder.appending(path: "batch.jsonl")
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
            return url.lastPathComponent
        }

        /// The video files in the output folder.
        static func videos(_ cli: CLI) -> [String] {
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: cli.folder.appending(path: "out").path)) ?? []
            return names.filter { $0.hasSuffix(".mp4") }.sorted()
        }

        /// The journal's text.
        static func journal(_ cli: CLI) -> String {
            (try? String(contentsOf: cli.folder.appending(path: "out/.sora-batch.jsonl"), encoding: .utf8)) ?? ""
        }

        @Test func runsEveryLineThenSkipsThemAll() async throws {
            try await CLI.session { cli in
                let file = try Self.batchFile(
                    cli, (1...3).map { #"{"prompt": "clip \#($0)", "seconds": "4", "size": "720x1280"}"# })
                let run = try await cli.run(["batch", file, "--out-dir", "out", "--concurrency", "2"])
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stderr.contains("batch: 3 completed, 0 failed, 0 skipped"), "\(run.stderr)")
                #expect(Self.videos(cli) == ["line-0001.mp4", "line-0002.mp4", "line-0003.mp4"])
                let again = try await cli.run(["batch", file, "--out-dir", "out", "--json"])
                #expect(again.status == 0, "\(again.stderr)")
                #expect(again.stderr.contains("batch: 0 completed, 0 failed, 3 skipped"), "\(again.stderr)")
                #expect(again.stdout.isEmpty)
                let stats = await cli.stats()
                #expect(stats.requests["create"] == 3 && stats.jobsCreated["create"] == 3, "\(stats)")
            }
        }

        @Test func aFailedJobIsReportedWithItsReasonAndNeverCreatedAgain() async throws {
            try await CLI.session { cli in
                let file = try Self.batchFile(cli, [#"{"prompt": "fine"}"#, #"{"prompt": "[fail] no"}"#])
                let run = try await cli.run(["batch", file, "--out-dir", "out", "--json"])
                #expect(run.status == 1)
                #expect(run.stderr.contains("batch: 1 completed, 1 failed, 0 skipped"), "\(run.stderr)")
                #expect(run.stderr.contains("line 2: moderation_blocked"), "\(run.stderr)")
                #expect(run.events.contains { $0["event"] as? String == "failed" && $0["line"] as? Int == 2 })
                let again = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(again.status == 1)
                #expect(again.stderr.contains("batch: 0 completed, 1 failed, 1 skipped"), "\(again.stderr)")
                #expect(await cli.stats().jobsCreated["create"] == 2)
            }
        }

        @Test func aReferenceOfTheWrongPixelSizeFailsItsLineOnceAndForAll() async throws {
            try await CLI.session { cli in
                try HostileServerCLITests.png(100, 100).write(to: cli.folder.appending(path: "small.png"))
                let file = try Self.batchFile(
                    cli,
                    [#"{"prompt": "x", "size": "1280x720", "input_reference": "small.png"}"#, #"{"prompt": "ok"}"#])
                let first = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(first.status == 1, "\(first.stderr)")
                #expect(
                    first.stderr.contains(#"line 1: "input_reference": "#), "named as the line's field: \(first.stderr)"
                )
                #expect(first.stderr.contains("1 completed, 1 failed"), "\(first.stderr)")
                #expect(!first.stderr.contains("unfinished"), "a rerun would meet it again: \(first.stderr)")
                let second = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(second.status == 1)
                #expect(second.stderr.contains("0 completed, 1 failed, 1 skipped"), "\(second.stderr)")
                #expect(await cli.stats().requests["create"] == 1, "only the good line was ever sent")
            }
        }

        @Test func anInvalidLineStopsTheBatchBeforeAnythingIsSent() async throws {
            try await CLI.session { cli in
                let file = try Self.batchFile(
                    cli, [#"{"prompt": "ok"}"#, #"{"prompt": "x", "size": "1792x1024"}"#, "{"])
                let run = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(run.status == 2)
                #expect(
                    run.stderr.contains(#"line 2: size 1792x1024 needs "model": "sora-2-pro""#), "\(run.stderr)")
                #expect(run.stderr.contains("line 3: not valid JSON"), "\(run.stderr)")
                #expect(await cli.stats().requests["create"] == nil)
            }
        }

        /// Starts a batch, kills it (SIGKILL) once `ready` holds for the journal, runs it again to the end.
        static func killAndResume(_ cli: CLI, lines: Int, ready: @escaping (String) -> Bool) async throws {
            let file = try batchFile(cli, (1...lines).map { #"{"prompt": "scene \#($0)"}"# })
            let arguments = ["batch", file, "--out-dir", "out", "--concurrency", "2"]
            let (process, _, _) = try cli.start(arguments)
            for _ in 0..<500 where !ready(journal(cli)) { try await Task.sleep(for: .milliseconds(10)) }
            #expect(ready(journal(cli)), "\(journal(cli))")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(videos(cli).count < lines)
            let resumed = try await cli.run(arguments)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(videos(cli) == (1...lines).map { String(format: "line-%04d.mp4", $0) })
            let all =
                (try? FileManager.default.contentsOfDirectory(atPath: cli.folder.appending(path: "out").path)) ?? []
            #expect(all.count == lines + 1, "only the videos and the journal: \(all)")
            let stats = await cli.stats()
            #expect(stats.jobsCreated["create"] == lines, "one job per line: \(stats)")
        }

        @Test func killedWhileJobsRunItResumesWithoutCreatingTwice() async throws {
            try await CLI.session(jobSeconds: 1.5) { cli in
                try await Self.killAndResume(cli, lines: 4) { $0.contains(#""state":"created""#) }
            }
        }

        @Test func aConnectionLostAfterTheServerCreatedTheJobResumesIntoTheSameJob() async throws {
            try await CLI.session(faults: "create:drop") { cli in
                let file = try Self.batchFile(cli, [#"{"prompt": "one"}"#, #"{"prompt": "two"}"#])
                let arguments = ["batch", file, "--out-dir", "out", "--concurrency", "1"]
                let first = try await cli.run(arguments)
                #expect(first.status == 3, "\(first.stderr)")
                #expect(first.stderr.contains("1 unfinished (run the same command again to resume)"), "\(first.stderr)")
                #expect(Self.videos(cli) == ["line-0002.mp4"])
                let resumed = try await cli.run(arguments)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                #expect(resumed.stderr.contains("batch: 1 completed, 0 failed, 1 skipped"), "\(resumed.stderr)")
                #expect(Self.videos(cli) == ["line-0001.mp4", "line-0002.mp4"])
                let stats = await cli.stats()
                #expect(stats.jobsCreated["create"] == 2, "\(stats)")
                #expect(stats.idempotentReplays == 1, "the re-sent create got the job the lost answer announced")
            }
        }

        @Test func ctrlCStopsTheBatchAndTheSameCommandFinishesIt() async throws {
            try await CLI.session(jobSeconds: 2) { cli in
                let file = try Self.batchFile(cli, [#"{"prompt": "one"}"#, #"{"prompt": "two"}"#])
                let arguments = ["batch", file, "--out-dir", "out"]
                let (process, outURL, errURL) = try cli.start(arguments)
                for _ in 0..<500 where Self.journal(cli).components(separatedBy: #""state":"created""#).count < 3 {
                    try await Task.sleep(for: .milliseconds(10))
                }
                process.interrupt()
                try await CLI.waitForExit(process, limit: .seconds(10))
                let stopped = try CLI.collect(process, outURL, errURL)
                #expect(stopped.status == 130, "\(stopped.stderr)")
                #expect(stopped.stderr.contains("2 unfinished"), "\(stopped.stderr)")
                #expect(stopped.stderr.hasSuffix("interrupted; run the same command again to resume\n"))
                #expect(Self.videos(cli).isEmpty)
                let resumed = try await cli.run(arguments)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                #expect(Self.videos(cli) == ["line-0001.mp4", "line-0002.mp4"])
                #expect(await cli.stats().jobsCreated["create"] == 2)
            }
        }

        @Test func aLineEditedBetweenRunsIsRefusedRatherThanMatchedToTheWrongJob() async throws {
            try await CLI.session { cli in
                _ = try Self.batchFile(cli, [#"{"prompt": "one"}"#, #"{"prompt": "two"}"#])
                #expect(try await cli.run(["batch", "batch.jsonl", "--out-dir", "out"]).status == 0)
                _ = try Self.batchFile(cli, [#"{"prompt": "one"}"#, #"{"prompt": "three"}"#])
                let run = try await cli.run(["batch", "batch.jsonl", "--out-dir", "out"])
                #expect(run.status == 2)
                #expect(run.stderr.contains("line 2 changed since this batch started"), "\(run.stderr)")
                #expect(await cli.stats().requests["create"] == 2)
            }
        }
    }
}
