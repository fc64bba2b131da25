import Testing

/// `Idempotency-Key` on create: the same key and body replay the same job; another body is refused.
@Suite struct IdempotencyTests {
    @Test func sameKeyReplaysTheSameJob() async throws {
        try await withServer { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", "p"), ("seconds", "8")])
            let first = try await harness.create(form, headers: [("Idempotency-Key", "key-1")])
            #expect(first.status == 200)
            #expect(first.header("idempotent-replayed") == nil)
            form.boundary = "another-boundary-on-retry"
            form.parts.reverse()
            let retry = try await harness.create(form, headers: [("Idempotency-Key", "key-1")])
            #expect(retry.status == 200)
            #expect(retry.json["id"] as? String == first.json["id"] as? String)
            #expect(retry.header("idempotent-replayed") == "true")
            let other = try await harness.create(form, headers: [("Idempotency-Key", "key-2")])
            #expect(other.json["id"] as? String != first.json["id"] as? String)
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 2])
            #expect(stats.idempotentReplays == 1)
            #expect(stats.requests["create"] == 3)
        }
    }

    @Test func sameKeyWithAnotherBodyIs422() async throws {
        try await withServer { harness in
            let first = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "p")]), headers: [("Idempotency-Key", "k")])
            #expect(first.status == 200)
            let changed = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "q")]), headers: [("Idempotency-Key", "k")])
            #expect(changed.status == 422)
            #expect(changed.error("param") == "Idempotency-Key")
            #expect(changed.error("code") == "idempotency_key_reused")
            #expect(changed.error("message") == "This Idempotency-Key was already used with a different request body.")
            let tooLong = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "p")]),
                headers: [("Idempotency-Key", String(repeating: "k", count: 256))])
            #expect(tooLong.status == 400)
            #expect(tooLong.error("param") == "Idempotency-Key")
        }
    }

    @Test func concurrentRetriesWithOneKeyMakeOneJob() async throws {
        try await withServer(connections: 20) { harness in
            let form = FormBody([("model", "sora-2"), ("prompt", "once")])
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await harness.create(form, headers: [("Idempotency-Key", "same")]).json["id"] as? String
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(ids.first! != nil)
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 1])
            #expect(stats.idempotentReplays == 19)
        }
    }

    @Test func remixHonoursTheKeyToo() async throws {
        try await withServer { harness in
            let source = try await harness.createJob()
            _ = try await harness.waitUntilDone(source)
            func remix(_ prompt: String, key: String) async throws -> Harness.Reply {
                try await harness.send(
                    .POST, "/v1/videos/\(source)/remix", headers: [("Idempotency-Key", key)],
                    body: Array(#"{"prompt":"\#(prompt)"}"#.utf8))
            }
            let first = try await remix("night", key: "r1")
            let again = try await remix("night", key: "r1")
            #expect(first.status == 200 && again.status == 200)
            #expect(again.json["id"] as? String == first.json["id"] as? String)
            #expect(again.header("idempotent-replayed") == "true")
            let changed = try await remix("day", key: "r1")
            #expect(changed.status == 422)
            #expect(changed.error("code") == "idempotency_key_reused")
            let createWithSameKey = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "p")]), headers: [("Idempotency-Key", "r1")])
            #expect(createWithSameKey.status == 200)
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 2, "remix": 1])
            #expect(stats.idempotentReplays == 1)
        }
    }
}
