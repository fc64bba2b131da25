import Foundation
import Testing

/// Memory stays bounded: at most `maxJobs` jobs (oldest finished evicted first, else 429), prompts of at most
/// 32 000 characters, and idempotency keys that go with their jobs.
@Suite struct JobBoundsTests {
    @Test func whenFullTheOldestFinishedJobIsEvictedAndAnswers404() async throws {
        try await withServer(jobSeconds: 0.2, maxJobs: 3) { harness in
            var ids: [String] = []
            for index in 0..<3 { ids.append(try await harness.createJob(prompt: "job \(index)")) }
            for id in ids { _ = try await harness.waitUntilDone(id) }
            let fourth = try await harness.createJob(prompt: "job 3")
            #expect(try await harness.send(.GET, "/v1/videos/\(ids[0])").status == 404)
            #expect(try await harness.send(.GET, "/v1/videos/\(ids[0])/content").status == 404)
            #expect(try await harness.send(.DELETE, "/v1/videos/\(ids[0])").status == 404)
            let list = try await harness.send(.GET, "/v1/videos?order=asc")
            let listed = (list.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(listed == [ids[1], ids[2], fourth])
        }
    }

    @Test func fullOfRunningJobsIs429UntilOneIsDeleted() async throws {
        try await withServer(jobSeconds: 60, maxJobs: 2) { harness in
            let first = try await harness.createJob(prompt: "a")
            _ = try await harness.createJob(prompt: "b")
            let refused = try await harness.create(FormBody([("model", "sora-2"), ("prompt", "c")]))
            #expect(refused.status == 429)
            #expect(refused.error("code") == "job_capacity_reached")
            #expect(refused.error("type") == "requests")
            #expect(refused.error("message")?.contains("--max-jobs") == true)
            let retryAfter = try #require(Int(refused.header("Retry-After") ?? ""))
            #expect((1...60).contains(retryAfter))
            let remix = try await harness.send(
                .POST, "/v1/videos/\(first)/remix", headers: [("Content-Type", "application/json")],
                body: Array(#"{"prompt":"x"}"#.utf8))
            #expect(remix.status == 400)  // not completed yet: the rule comes before capacity
            #expect(try await harness.send(.DELETE, "/v1/videos/\(first)").status == 200)
            #expect(try await harness.create(FormBody([("model", "sora-2"), ("prompt", "c")])).status == 200)
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 3])
        }
    }

    @Test func idempotencyKeysGoWithTheirEvictedJob() async throws {
        try await withServer(jobSeconds: 0.2, maxJobs: 1) { harness in
            let keyed = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "p")]), headers: [("Idempotency-Key", "k1")])
            let keyedID = try #require(keyed.json["id"] as? String)
            _ = try await harness.waitUntilDone(keyedID)
            let other = try await harness.createJob(prompt: "evicts the keyed job")
            _ = try await harness.waitUntilDone(other)
            // The key left with its job: another body under it is a new job, not a 422 about a job that is gone.
            let reused = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "q")]), headers: [("Idempotency-Key", "k1")])
            #expect(reused.status == 200)
            #expect(reused.header("idempotent-replayed") == nil)
            #expect(reused.json["id"] as? String != keyedID)
            // And the new job owns the key now.
            let replay = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "q")]), headers: [("Idempotency-Key", "k1")])
            #expect(replay.header("idempotent-replayed") == "true")
            #expect(replay.json["id"] as? String == reused.json["id"] as? String)
        }
    }

    @Test func promptsOver32000CharactersAre400() async throws {
        try await withServer(jobSeconds: 0.2) { harness in
            let longest = String(repeating: "画", count: 32_000)
            #expect(try await harness.create(FormBody([("model", "sora-2"), ("prompt", longest)])).status == 200)
            let tooLong = try await harness.create(FormBody([("model", "sora-2"), ("prompt", longest + "a")]))
            #expect(tooLong.status == 400)
            #expect(tooLong.error("param") == "prompt")
            #expect(tooLong.error("code") == "string_above_max_length")
            #expect(tooLong.error("message") == "'prompt' must be at most 32000 characters, got 32001.")
            let source = try await harness.createJob()
            _ = try await harness.waitUntilDone(source)
            let remix = try await harness.send(
                .POST, "/v1/videos/\(source)/remix", headers: [("Content-Type", "application/json")],
                body: Array(#"{"prompt":"\#(longest)b"}"#.utf8))
            #expect(remix.status == 400)
            #expect(remix.error("param") == "prompt")
        }
    }
}
