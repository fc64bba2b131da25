import Foundation
import Testing

@testable import sora

extension CLITests {
    /// `sora batch --dry-run`: every line checked and the batch's videos, seconds, journal and cost shown before
    /// anything is paid; nothing is sent, created or locked, and no token is needed.
    @Suite struct BatchDryRunTests {
        static let lines = [
            #"{"prompt": "a", "seconds": "8", "size": "1280x720"}"#,
            #"{"prompt": "b", "seconds": "12", "size": "1280x720"}"#,
            #"{"prompt": "c", "model": "sora-2-pro", "size": "1792x1024", "seconds": "8"}"#,
            "",
            #"{"prompt": "d"}"#,
        ]

        /// The environment without a token: a dry run must not need one.
        static func tokenless(_ cli: CLI) -> [String: String] {
            var environment = cli.environment()
            environment.removeValue(forKey: "SORA_API_KEY")
            return environment
        }

        @Test func itPrintsThePlanSendsNothingAndCreatesNoFolder() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, Self.lines)
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run"], environment: Self.tokenless(cli))
                #expect(run.status == 0, "\(run.stderr)")
                #expect(
                    run.stdout == """
                        batch.jsonl: 4 videos, 32 s in all; nothing was sent
                        model       size       videos  seconds  done  created  failed  to create
                        sora-2      default         1        4     0        0       0          1
                        sora-2      1280x720        2       20     0        0       0          2
                        sora-2-pro  1792x1024       1        8     0        0       0          1
                        total                       4       32     0        0       0          4
                        1 line gives no seconds; counted as 4, the API's default
                        add --price MODEL=PRICE (per second, as your relay charges) for an estimated cost

                        """)
                #expect(!FileManager.default.fileExists(atPath: cli.folder.appending(path: "out").path))
                #expect(await cli.stats().requests.isEmpty)
            }
        }

        @Test func pricesGiveTheCostOfWhatIsStillToCreateAndTheMostSpecificPriceWins() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, Self.lines)
                let run = try await cli.run(
                    [
                        "batch", file, "--out-dir", "out", "--dry-run", "--price", "sora-2=0.1",
                        "--price", "sora-2:1280x720=0.125",
                    ], environment: Self.tokenless(cli))
                #expect(run.status == 0, "\(run.stderr)")
                #expect(
                    run.stdout == """
                        batch.jsonl: 4 videos, 32 s in all; nothing was sent
                        model       size       videos  seconds  done  created  failed  to create  est. cost
                        sora-2      default         1        4     0        0       0          1       0.40
                        sora-2      1280x720        2       20     0        0       0          2       2.50
                        sora-2-pro  1792x1024       1        8     0        0       0          1          ?
                        total                       4       32     0        0       0          4       2.90
                        1 line gives no seconds; counted as 4, the API's default
                        est. cost: what is still to create × the price per second given with --price
                        no price for sora-2-pro 1792x1024: the total leaves them out

                        """)
            }
        }

        @Test func aLineEditedSinceTheBatchStartedIsExitTwo() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, [#"{"prompt": "fine", "seconds": "4"}"#])
                let real = try await cli.run(["batch", file, "--out-dir", "out"])
                #expect(real.status == 0, "\(real.stderr)")
                _ = try BatchCommandTests.batchFile(cli, [#"{"prompt": "edited", "seconds": "4"}"#])
                let requests = await cli.stats().requests
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run"], environment: Self.tokenless(cli))
                #expect(run.status == 2)
                #expect(run.stderr.contains("line 1 changed since this batch started"), "\(run.stderr)")
                #expect(await cli.stats().requests == requests)
            }
        }

        @Test func finishedFailedAndCreatedLinesAreCountedFromTheJournal() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(
                    cli,
                    [
                        #"{"prompt": "fine", "seconds": "4"}"#, #"{"prompt": "[fail] no", "seconds": "4"}"#,
                        #"{"prompt": "later", "seconds": "12"}"#, #"{"prompt": "last", "seconds": "8"}"#,
                    ])
                // Lines 1 and 2 went through a real run; line 3 was created by a run that was then killed.
                let journal = cli.folder.appending(path: "out/.sora-batch.jsonl")
                try FileManager.default.createDirectory(
                    at: journal.deletingLastPathComponent(), withIntermediateDirectories: true)
                let records = [
                    #"{"id":"video_a","line":1,"state":"created"}"#, #"{"line":1,"state":"completed"}"#,
                    #"{"id":"video_b","line":2,"reason":"moderation_blocked","state":"failed"}"#,
                    #"{"id":"video_c","line":3,"state":"created"}"#, #"{"line":4,"state":"crea"#,
                ]
                try Data(records.joined(separator: "\n").utf8).write(to: journal)
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run", "--price", "sora-2=0.5", "--json"],
                    environment: Self.tokenless(cli))
                #expect(run.status == 0, "\(run.stderr)")
                let plan = try #require(run.events.first)
                #expect(run.events.count == 1)
                #expect(plan["event"] as? String == "plan")
                let total = try #require(plan["total"] as? [String: Any])
                #expect(total["videos"] as? Int == 4)
                #expect(total["seconds"] as? Int == 28)
                #expect(total["completed"] as? Int == 1)
                #expect(total["failed"] as? Int == 1)
                #expect(total["created"] as? Int == 1)
                #expect(total["to_create"] as? Int == 1)
                #expect(total["seconds_to_create"] as? Int == 8)
                #expect(total["estimated_cost"] as? String == "4.00")
                #expect(try String(contentsOf: journal, encoding: .utf8) == records.joined(separator: "\n"))
                #expect(await cli.stats().requests.isEmpty)
            }
        }

        @Test func secondsBeyondWhatAnIntHoldsDoNotCrashThePlan() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(
                    cli, [#"{"prompt": "a", "seconds": "99999999999999999999"}"#, #"{"prompt": "b", "seconds": "9"}"#])
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run", "--price", "sora-2=1", "--json"],
                    environment: Self.tokenless(cli))
                #expect(run.status == 0, "\(run.stderr)")
                let total = try #require(run.events.first?["total"] as? [String: Any])
                #expect(total["seconds"] as? Int == Int.max)
                #expect(total["estimated_cost"] as? String == "9223372036854775807.00")
            }
        }

        @Test func anInvalidLineIsExitTwoNamingItAndNothingIsPlanned() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(
                    cli, [#"{"prompt": "ok"}"#, #"{"prompt": "x", "size": "1792x1024"}"#, #"{"seconds": "4"}"#])
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run"], environment: Self.tokenless(cli))
                #expect(run.status == 2)
                #expect(run.stdout.isEmpty)
                #expect(
                    run.stderr.contains(#"line 2: size 1792x1024 needs "model": "sora-2-pro""#), "\(run.stderr)")
                #expect(run.stderr.contains(#"line 3: missing "prompt""#), "\(run.stderr)")
            }
        }

        @Test(arguments: [
            (#"{"prompt": "x", "seconds": 8}"#, #""seconds" must be a string of digits, such as "8""#),
            (#"{"prompt": "x", "watermark": "no"}"#, #""watermark" must be true or false"#),
            (#"{"prompt": 5}"#, #""prompt" must be a string"#),
            (#"["prompt"]"#, "not a JSON object"),
            (
                #"{"prompt": "x", "character_url": "https://a.example/c"}"#,
                #""character_timestamps" is required with "character_url""#
            ),
        ])
        func aLineIsToldWhatItsFieldsTake(_ line: String, _ message: String) async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, [line])
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run"], environment: Self.tokenless(cli))
                #expect(run.status == 2)
                #expect(run.stderr.hasPrefix("sora: error: line 1: " + message), "\(run.stderr)")
            }
        }

        @Test(arguments: [
            "sora-2", "sora-2=", "=1", "sora-2=-1", "sora-2=1e3", "sora-2=nan", "sora-2=2000000", "sora-2=1.2.3",
        ])
        func aPriceThatIsNotAPlainAmountIsAUsageError(_ price: String) async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, [#"{"prompt": "ok"}"#])
                let run = try await cli.run(
                    ["batch", file, "--out-dir", "out", "--dry-run", "--price", price], environment: Self.tokenless(cli)
                )
                #expect(run.status == 2)
                #expect(run.stderr.contains("--price \(price): expected MODEL=PRICE"), "\(run.stderr)")
            }
        }

        @Test func aPriceWithoutDryRunIsAUsageErrorBeforeAnythingIsSent() async throws {
            try await CLI.session { cli in
                let file = try BatchCommandTests.batchFile(cli, [#"{"prompt": "ok"}"#])
                let run = try await cli.run(["batch", file, "--out-dir", "out", "--price", "sora-2=1"])
                #expect(run.status == 2)
                #expect(run.stderr.contains("--price only applies with --dry-run"), "\(run.stderr)")
                #expect(await cli.stats().requests.isEmpty)
            }
        }

        @Test(arguments: [
            ("0.1", 30, "3.00"), ("0.125", 8, "1.00"), ("0.0001", 3, "0.0003"), ("2", 4, "8.00"), ("0", 12, "0.00"),
        ])
        func costsAreExactDecimals(_ price: String, _ seconds: Int, _ cost: String) throws {
            let prices = try PriceList(["sora-2=\(price)"])
            let perSecond = try #require(prices.perSecond(model: "sora-2", size: nil))
            #expect(PriceList.format(perSecond * Decimal(seconds)) == cost)
        }
    }
}
