import Foundation
import Testing

/// Jobs move queued → in_progress → completed (or failed for `[fail]`), and polls carry a poll hint.
@Suite struct JobLifecycleTests {
    @Test func jobGoesThroughEveryStatus() async throws {
        // Six seconds, so that even a machine busy with the rest of the suite (a compiler runs beside it) polls
        // the job in progress twice.
        try await withServer(jobSeconds: 6.0) { harness in
            let created = try await harness.create(FormBody([("model", "sora-2"), ("prompt", "p"), ("seconds", "8")]))
            #expect(created.status == 200)
            #expect(created.json["status"] as? String == "queued")
            #expect(created.json["progress"] as? Int == 0)
            #expect(created.json["completed_at"] is NSNull)
            #expect(Int(created.header("openai-poll-after-ms") ?? "") ?? 0 > 0)
            let id = try #require(created.json["id"] as? String)
            // The create answer is the first snapshot: a busy machine may reach the first poll after `queued`.
            var seen: [String] = [try #require(created.json["status"] as? String)]
            var progress: [Int] = []
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let reply = try await harness.send(.GET, "/v1/videos/\(id)")
                #expect(reply.status == 200)
                #expect(reply.header("openai-poll-after-ms") != nil)
                let status = try #require(reply.json["status"] as? String)
                if seen.last != status { seen.append(status) }
                if status == "in_progress", let value = reply.json["progress"] as? Int { progress.append(value) }
                if status == "completed" {
                    #expect(reply.json["progress"] as? Int == 100)
                    #expect(reply.json["completed_at"] as? Int != nil)
                    #expect(reply.json["expires_at"] as? Int != nil)
                    #expect(reply.json["error"] is NSNull)
                    #expect(reply.json["seconds"] as? String == "8")
                    break
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(seen == ["queued", "in_progress", "completed"])
            #expect(progress.count >= 2)
            #expect(progress == progress.sorted())
            #expect(progress.allSatisfy { (1...99).contains($0) })
        }
    }

    @Test func failPromptEndsFailedWithModerationError() async throws {
        try await withServer { harness in
            let id = try await harness.createJob(prompt: "a robot [fail] dancing")
            let done = try await harness.waitUntilDone(id)
            #expect(done["status"] as? String == "failed")
            let error = try #require(done["error"] as? [String: Any])
            #expect(error["code"] as? String == "moderation_blocked")
            #expect((error["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func deleteRemovesTheJob() async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            let deleted = try await harness.send(.DELETE, "/v1/videos/\(id)")
            #expect(deleted.status == 200)
            #expect(deleted.json["id"] as? String == id)
            #expect(deleted.json["object"] as? String == "video.deleted")
            #expect(deleted.json["deleted"] as? Bool == true)
            for (method, path) in [("GET", "/v1/videos/\(id)"), ("DELETE", "/v1/videos/\(id)")] {
                let reply = try await harness.send(.init(rawValue: method), path)
                #expect(reply.status == 404)
                #expect(reply.error("code") == "video_not_found")
                #expect(reply.error("message") == "Video with id '\(id)' not found.")
            }
        }
    }

    @Test func remixCreatesANewJobFromACompletedOne() async throws {
        // A job that cannot finish during the test: the remix surely comes before completion on any machine.
        try await withServer(jobSeconds: 600) { harness in
            let source = try await harness.createJob()
            let early = try await harness.send(
                .POST, "/v1/videos/\(source)/remix", body: Array(#"{"prompt":"x"}"#.utf8))
            #expect(early.status == 400)
            #expect(early.error("code") == "video_not_ready")
        }
        try await withServer(jobSeconds: 1) { harness in
            let source = try await harness.createJob()
            _ = try await harness.waitUntilDone(source)
            let remix = try await harness.send(
                .POST, "/v1/videos/\(source)/remix", headers: [("Content-Type", "application/json")],
                body: Array(#"{"prompt":"now at night"}"#.utf8))
            #expect(remix.status == 200)
            #expect(remix.json["remixed_from_video_id"] as? String == source)
            #expect(remix.json["prompt"] as? String == "now at night")
            #expect(remix.json["status"] as? String == "queued")
            #expect(remix.json["id"] as? String != source)
            let missing = try await harness.send(
                .POST, "/v1/videos/video_nope/remix", body: Array(#"{"prompt":"x"}"#.utf8))
            #expect(missing.status == 404)
            let noPrompt = try await harness.send(.POST, "/v1/videos/\(source)/remix", body: Array("{}".utf8))
            #expect(noPrompt.status == 400)
            #expect(noPrompt.error("param") == "prompt")
            let notJSON = try await harness.send(.POST, "/v1/videos/\(source)/remix", body: Array("prompt=x".utf8))
            #expect(notJSON.status == 400)
            #expect(notJSON.error("code") == "invalid_json")
        }
    }

    @Test func privateVideosCannotBeRemixed() async throws {
        try await withServer { harness in
            let source = try await harness.createJob(extra: [("private", "true")])
            _ = try await harness.waitUntilDone(source)
            let reply = try await harness.send(
                .POST, "/v1/videos/\(source)/remix", body: Array(#"{"prompt":"x"}"#.utf8))
            #expect(reply.status == 400)
            #expect(reply.error("param") == "video_id")
            #expect(reply.error("code") == "video_private")
            #expect(reply.error("message") == "Video '\(source)' is private and cannot be remixed.")
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 1])
        }
    }
}
