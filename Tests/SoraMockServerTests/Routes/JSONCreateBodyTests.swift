import Testing

/// Create also takes upstream's JSON body, under the same rules; `seconds` as a number is the classic 400.
@Suite struct JSONCreateBodyTests {
    private func createJSON(_ harness: Harness, _ json: String) async throws -> Harness.Reply {
        try await harness.send(
            .POST, "/v1/videos", headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    @Test func jsonCreateIsAccepted() async throws {
        try await withServer { harness in
            let reply = try await createJSON(
                harness, #"{"model":"sora-2-pro","prompt":"画面动起来","seconds":"12","size":"1024x1792","private":true}"#)
            #expect(reply.status == 200)
            #expect(reply.json["prompt"] as? String == "画面动起来")
            #expect(reply.json["size"] as? String == "1024x1792")
            #expect(reply.json["seconds"] as? String == "12")
        }
    }

    @Test func secondsAsANumberIs400() async throws {
        try await withServer { harness in
            let reply = try await createJSON(harness, #"{"model":"sora-2","prompt":"p","seconds":8}"#)
            #expect(reply.status == 400)
            #expect(reply.error("param") == "seconds")
            #expect(reply.error("code") == "invalid_type")
            #expect(reply.error("message") == #"'seconds' must be a string, got a number; e.g. "seconds": "8"."#)
        }
    }

    @Test func jsonFollowsTheSameRules() async throws {
        try await withServer { harness in
            let hd = try await createJSON(harness, #"{"model":"sora-2","prompt":"p","size":"1792x1024"}"#)
            #expect(hd.status == 400)
            #expect(hd.error("message") == "Size 1792x1024 is only available with model 'sora-2-pro'.")
            let missing = try await createJSON(harness, #"{"prompt":"p"}"#)
            #expect(missing.error("param") == "model")
            let broken = try await createJSON(harness, #"{"model":"sora-2","#)
            #expect(broken.status == 400)
            #expect(broken.error("code") == "invalid_json")
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == [:])
        }
    }
}
