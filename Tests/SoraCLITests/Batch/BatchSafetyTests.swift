import Foundation
import Testing

extension CLITests {
    /// Two runs on one folder, a refused token, and manual retries: none of them pays twice or loses a line.
    @Suite struct BatchSafetyTests {
        typealias Batch = BatchCommandTests

        @Test func aSecondRunOnTheSameFolderExitsAtOnceAndEachLineIsCreatedOnce() async throws {
            try await CLI.session(jobSeconds: 1.5) { cli in
                let file = try Batch.batchFile(cli, (1...6).map { #"{"prompt": "scene \#($0)"}"# })
                let arguments = ["batch", file, "--out-dir", "out", "--concurrency", "3"]
                let (first, outURL, errURL) = try cli.start(arguments)
                for _ in 0..<500 where !Batch.journal(cli).contains(#""state":"key""#) {
                    try await Task.sleep(for: .milliseconds(10))
                }
                let second = try await cli.run(arguments)
                #expect(second.status == 2, "\(second.stderr)")
                #expect(second.stderr.contains("is in use by another sora batch"), "\(second.stderr)")
                try await CLI.waitForExit(first)
                let done = try CLI.collect(first, outURL, errURL)
                #expect(done.status == 0, "\(done.stderr)")
                #expect(Batch.videos(cli).count == 6)
                #expect(await cli.stats().jobsCreated["create"] == 6, "one job per line")
            }
        }

        @Test func twoRunsStartedTogetherCreateOneJobPerLine() async throws {
            try await CLI.session(jobSeconds: 0.5) { cli in
                let file = try Batch.batchFile(cli, (1...6).map { #"{"prompt": "scene \#($0)"}"# })
                let arguments = ["batch", file, "--out-dir", "out"]
                let runs = try [cli.start(arguments), cli.start(arguments)]
                var statuses: [Int32] = []
                for (process, outURL, errURL) in runs {
                    try await CLI.waitForExit(process)
                    statuses.append(try CLI.collect(process, outURL, errURL).status)
                }
                #expect(statuses.sorted() == [0, 2], "one run works, the other is turned away")
                #expect(await cli.stats().jobsCreated["create"] == 6)
            }
        }

        @Test func aRefusedTokenLeavesEveryLineForTheNextRun() async throws {
            try await CLI.session { cli in
                let file = try Batch.batchFile(cli, (1...3).map { #"{"prompt": "scene \#($0)"}"# })
                let arguments = ["batch", file, "--out-dir", "out"]
                let refused = try await cli.run(arguments, environment: cli.environment(["SORA_API_KEY": "sk-wrong"]))
                #expect(refused.status == 1, "\(refused.stderr)")
                #expect(refused.stderr.contains("the token was refused"), "\(refused.stderr)")
                #expect(refused.stderr.contains("0 failed"), "\(refused.stderr)")
                #expect(await cli.stats().requests["unauthorized"] ?? 0 <= 4, "it stops instead of trying every line")
                let fixed = try await cli.run(arguments)
                #expect(fixed.status == 0, "\(fixed.stderr)")
                #expect(fixed.stderr.contains("batch: 3 completed, 0 failed, 0 skipped"), "\(fixed.stderr)")
                #expect(Batch.videos(cli).count == 3)
            }
        }

        @Test func refusalsJournaledByEarlierVersionsAreNotFinal() async throws {
            try await CLI.session { cli in
                let file = try Batch.batchFile(cli, [#"{"prompt": "one"}"#, #"{"prompt": "two"}"#])
                try FileManager.default.createDirectory(
                    at: cli.folder.appending(path: "out"), withIntermediateDirectories: true)
                let old = [
                    #"{"line":1,"reason":"HTTP 401 invalid_api_key: Incorrect API key","state":"failed"}"#,
                    #"{"line":2,"reason":"HTTP 400 invalid_request_error (field size): bad size","state":"failed"}"#,
                ]
                try Data((old.joined(separator: "\n") + "\n").utf8).write(
                    to: cli.folder.appending(path: "out/.sora-batch.jsonl"))
                let run = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(run.stderr.contains("batch: 1 completed, 1 failed, 0 skipped"), "\(run.stderr)")
                #expect(Batch.videos(cli) == ["line-0001.mp4"])
            }
        }

        @Test func theSameIdempotencyKeyTwiceMakesOneJob() async throws {
            try await CLI.session { cli in
                let arguments = ["create", "--prompt", "once", "--idempotency-key", "k-123"]
                let first = try await cli.run(arguments)
                let second = try await cli.run(arguments)
                #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
                #expect(first.stdout == second.stdout, "the same job id")
                let stats = await cli.stats()
                #expect(stats.jobsCreated["create"] == 1 && stats.idempotentReplays == 1, "\(stats)")
            }
        }

        @Test func remixTakesAnIdempotencyKeyToo() async throws {
            try await CLI.session(jobSeconds: 0.1) { cli in
                let source = try await cli.run(["create", "--prompt", "source", "--wait"])
                let id = source.stdout.split(separator: "\n").first.map(String.init) ?? ""
                let arguments = ["remix", id, "--prompt", "again", "--idempotency-key", "r-1"]
                let first = try await cli.run(arguments)
                let second = try await cli.run(arguments)
                #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
                #expect(first.stdout == second.stdout)
                #expect(await cli.stats().idempotentReplays == 1)
            }
        }

        @Test(arguments: ["", "has space", String(repeating: "k", count: 256), "tab\tkey"])
        func badIdempotencyKeysAreUsageErrors(key: String) async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["create", "--prompt", "p", "--idempotency-key", key])
                #expect(run.status == 2, "\(run.stderr)")
                #expect(run.stderr.contains("--idempotency-key must be 1 to 255 visible ASCII"), "\(run.stderr)")
                #expect(await cli.stats().requests["create"] == nil)
            }
        }

        @Test func aCreateThatTimesOutPrintsTheKeyAndTheCommandThatRetriesSafely() async throws {
            try await CLI.session(faults: "create:delay=3x1") { cli in
                let run = try await cli.run(["create", "--prompt", "slow one", "--timeout", "1", "--max-retries", "0"])
                #expect(run.status == 3, "\(run.stderr)")
                let hint = "retry safely (same Idempotency-Key) with: "
                #expect(run.stderr.contains("no data moved for 1 s"), "\(run.stderr)")
                let command = try #require(run.stderr.components(separatedBy: hint).last)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(command.contains("create --prompt 'slow one' --timeout 1 --max-retries 0 --idempotency-key "))
                try await Task.sleep(for: .seconds(2.5))  // the server finishes the first create meanwhile
                let words = command.split(separator: " ").map(String.init)
                let key = try #require(words.last)
                let retry = try await cli.run(["create", "--prompt", "slow one", "--idempotency-key", key])
                #expect(retry.status == 0, "\(retry.stderr)")
                // Whether the server finished the first attempt before the retry came depends on the machine's
                // load; either way the key makes it one job.
                #expect(await cli.stats().jobsCreated["create"] == 1)
            }
        }
    }
}
