import Testing

/// Every route needs the bearer token; answers always carry `x-request-id`; unknown paths get envelopes.
@Suite struct AuthTests {
    @Test(arguments: [
        ("GET", "/v1/videos"), ("POST", "/v1/videos"), ("GET", "/v1/videos/video_1"), ("DELETE", "/v1/videos/video_1"),
        ("GET", "/v1/videos/video_1/content"), ("POST", "/v1/videos/video_1/remix"), ("GET", "/__mock/stats"),
    ])
    func missingOrWrongTokenIs401(_ method: String, _ path: String) async throws {
        try await withServer { harness in
            for token in [nil, "wrong", testToken + "x", String(testToken.dropLast())] {
                let reply = try await harness.send(.init(rawValue: method), path, token: token)
                #expect(reply.status == 401, "\(method) \(path) token \(token ?? "none")")
                #expect(reply.error("type") == "invalid_request_error")
                #expect(reply.error("code") == "invalid_api_key")
                #expect(reply.header("x-request-id")?.hasPrefix("req_") == true)
            }
            let basic = try await harness.send(
                .init(rawValue: method), path, headers: [("Authorization", "Basic \(testToken)")], token: nil)
            #expect(basic.status == 401)
        }
    }

    @Test func unknownPathsAndMethodsGetEnvelopes() async throws {
        try await withServer { harness in
            let noPrefix = try await harness.send(.GET, "/videos")
            #expect(noPrefix.status == 404)
            #expect(noPrefix.error("code") == "unknown_url")
            let wrongMethod = try await harness.send(.PUT, "/v1/videos")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.error("code") == "method_not_allowed")
            let ids = Set(
                try await [harness.send(.GET, "/v1/videos"), harness.send(.GET, "/v1/videos")].map {
                    $0.header("x-request-id")
                })
            #expect(ids.count == 2)
        }
    }

    @Test func statsCountRequestsPerOperation() async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            _ = try await harness.send(.GET, "/v1/videos/\(id)")
            _ = try await harness.send(.GET, "/v1/videos")
            _ = try await harness.send(.GET, "/v1/videos", token: "wrong")
            let reply = try await harness.send(.GET, "/__mock/stats")
            #expect(reply.status == 200)
            #expect(reply.json["object"] as? String == "mock.stats")
            #expect(
                reply.json["requests"] as? [String: Int] == [
                    "create": 1, "retrieve": 1, "list": 1, "unauthorized": 1, "stats": 1,
                ])
            #expect(reply.json["jobs_created"] as? [String: Int] == ["create": 1])
            #expect(reply.json["idempotent_replays"] as? Int == 0)
        }
    }
}
