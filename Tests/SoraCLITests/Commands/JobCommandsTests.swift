import Foundation
import Testing

extension CLITests {
    /// `status`, `wait`, `download`, `list`, `delete` and `remix` as subprocesses against the mock.
    @Suite struct JobCommandsTests {
        /// Creates a job through the CLI and returns its id.
        static func create(_ cli: CLI, prompt: String = "a boat", wait: Bool = false) async throws -> String {
            let run = try await cli.run(["create", "--prompt", prompt] + (wait ? ["--wait"] : []))
            #expect(run.status == 0, "\(run.stderr)")
            return try #require(run.stdout.split(separator: "\n").first.map(String.init))
        }

        @Test func statusShowsTheJobAndItsJSONIsTheVideo() async throws {
            try await CLI.session { cli in
                let id = try await Self.create(cli)
                let human = try await cli.run(["status", id])
                #expect(human.status == 0)
                #expect(human.stdout.hasPrefix("\(id)  "))
                let json = try await cli.run(["status", id, "--json"])
                let event = try #require(json.events.first)
                #expect(json.events.count == 1)
                #expect(event["event"] as? String == "status")
                #expect((event["video"] as? [String: Any])?["id"] as? String == id)
            }
        }

        @Test func waitGivesUpAfterItsWaitTimeoutAndSaysHowToGoOn() async throws {
            try await CLI.session(jobSeconds: 60) { cli in
                let id = try await Self.create(cli)
                let start = ContinuousClock.now
                let run = try await cli.run(["wait", id, "--wait-timeout", "1"])
                #expect(run.status == 3)
                #expect(
                    run.stderr.hasSuffix(
                        "the job did not finish within 1 s of polling (raise --wait-timeout); resume with: sora wait "
                            + id + "\n"), "\(run.stderr)")
                #expect(ContinuousClock.now - start < .seconds(10))
                for bad in ["0", "-1", "1e300", "nan"] {
                    #expect(try await cli.run(["wait", id, "--wait-timeout", bad]).status == 2, "\(bad)")
                }
                let ignored = try await cli.run(["create", "--prompt", "p", "--wait-timeout", "60"])
                #expect(ignored.status == 2, "without --wait it would do nothing")
                #expect(ignored.stderr.contains("--wait-timeout applies only with --wait or --output."))
            }
        }

        @Test func statusOfAnUnknownJobExits1WithTheServerMessage() async throws {
            try await CLI.session { cli in
                let run = try await cli.run(["status", "video_missing"])
                #expect(run.status == 1)
                #expect(run.stderr.hasPrefix("sora: error: HTTP 404"), "\(run.stderr)")
                #expect(run.stderr.contains("[request id "))
            }
        }

        @Test func waitFollowsAJobAndDownloadsIt() async throws {
            try await CLI.session { cli in
                let id = try await Self.create(cli)
                let run = try await cli.run(["wait", id, "--output", "w.mp4", "--json"])
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.events.map { $0["event"] as? String }.suffix(2) == ["completed", "downloaded"])
                #expect(FileManager.default.fileExists(atPath: cli.folder.appending(path: "w.mp4").path))
            }
        }

        @Test func downloadWritesEachVariantAndPrintsThePath() async throws {
            try await CLI.session { cli in
                let id = try await Self.create(cli, wait: true)
                let video = try await cli.run(["download", id])
                #expect(video.status == 0, "\(video.stderr)")
                #expect(video.stdout.trimmingCharacters(in: .newlines).hasSuffix("/\(id).mp4"))
                let thumbnail = try await cli.run(["download", id, "--variant", "thumbnail", "--output", "t.webp"])
                #expect(thumbnail.status == 0, "\(thumbnail.stderr)")
                let bytes = try Data(contentsOf: cli.folder.appending(path: "t.webp"))
                #expect(String(decoding: bytes.prefix(4), as: UTF8.self) == "RIFF")
                let bad = try await cli.run(["download", id, "--variant", "poster"])
                #expect(bad.status == 2)
            }
        }

        @Test func downloadOfAnUnfinishedJobExits1AndLeavesNoFile() async throws {
            try await CLI.session(jobSeconds: 30) { cli in
                let id = try await Self.create(cli)
                let run = try await cli.run(["download", id, "--output", "early.mp4"])
                #expect(run.status == 1)
                #expect(run.stderr.contains("409"), "\(run.stderr)")
                let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
                #expect(!left.contains { $0.contains("early") }, "\(left)")
            }
        }

        @Test func listPrintsOneJSONObjectPerJobAndFollowsPagesWithAll() async throws {
            try await CLI.session { cli in
                var ids: [String] = []
                for index in 0..<3 { ids.append(try await Self.create(cli, prompt: "clip \(index)")) }
                let page = try await cli.run(["list", "--limit", "2", "--order", "asc", "--json"])
                #expect(page.status == 0, "\(page.stderr)")
                #expect(page.events.compactMap { $0["id"] as? String } == Array(ids.prefix(2)))
                let all = try await cli.run(["list", "--limit", "2", "--order", "asc", "--all", "--json"])
                #expect(all.events.compactMap { $0["id"] as? String } == ids)
                #expect(all.events.allSatisfy { $0["event"] as? String == "video" })
                let human = try await cli.run(["list", "--order", "desc"])
                #expect(human.stdout.split(separator: "\n").first?.hasPrefix(ids[2]) == true)
                let bad = try await cli.run(["list", "--limit", "500"])
                #expect(bad.status == 2)
            }
        }

        @Test func deleteRemovesTheJob() async throws {
            try await CLI.session { cli in
                let id = try await Self.create(cli)
                let run = try await cli.run(["delete", id, "--json"])
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.events.first?["event"] as? String == "deleted")
                #expect(try await cli.run(["status", id]).status == 1)
            }
        }

        @Test func remixWaitsForTheNewJobAndDownloadsIt() async throws {
            try await CLI.session { cli in
                let source = try await Self.create(cli, wait: true)
                let run = try await cli.run([
                    "remix", source, "--prompt", "now at night", "--output", "r.mp4", "--json",
                ])
                #expect(run.status == 0, "\(run.stderr)")
                let created = try #require(run.events.first?["video"] as? [String: Any])
                #expect(created["remixed_from_video_id"] as? String == source)
                #expect(run.events.last?["event"] as? String == "downloaded")
                #expect(await cli.stats().jobsCreated["remix"] == 1)
            }
        }
    }
}
