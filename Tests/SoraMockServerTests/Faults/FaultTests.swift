import AsyncHTTPClient
import Testing

@testable import SoraMockServer

/// Each fault kind for the first N calls, then normal answers; counted in the stats.
@Suite struct FaultTests {
    @Test func rateLimitAnswers429WithRetryAfterForTheFirstCalls() async throws {
        try await withServer(faults: try FaultPlan(parsing: "create:429=7x2")) { harness in
            let form = FormBody([("model", "sora-2"), ("prompt", "p")])
            for _ in 0..<2 {
                let reply = try await harness.create(form)
                #expect(reply.status == 429)
                #expect(reply.header("retry-after") == "7")
                #expect(reply.error("code") == "rate_limit_exceeded")
                #expect(reply.error("type") == "requests")
            }
            #expect(try await harness.create(form).status == 200)
            let stats = await harness.server.stats()
            #expect(stats.faultsInjected == ["create": 2])
            #expect(stats.jobsCreated == ["create": 1])
            #expect(stats.requests["create"] == 3)
        }
    }

    @Test(arguments: [("500", 500, "server_error"), ("503", 503, "server_error")])
    func serverErrorsForChosenOperations(_ kind: String, _ status: Int, _ type: String) async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            await harness.server.setFaults(try FaultPlan(parsing: "retrieve:\(kind)x1"))
            let failed = try await harness.send(.GET, "/v1/videos/\(id)")
            #expect(failed.status == status)
            #expect(failed.error("type") == type)
            #expect(failed.header("x-request-id") != nil)
            #expect(try await harness.send(.GET, "/v1/videos").status == 200)
            #expect(try await harness.send(.GET, "/v1/videos/\(id)").status == 200)
        }
    }

    @Test func delayOutlastsTheClientTimeout() async throws {
        try await withServer(faults: FaultPlan([.init(operation: "list", kind: .delay(seconds: 1.5))])) { harness in
            await #expect(throws: HTTPClientError.self) {
                _ = try await harness.send(.GET, "/v1/videos", timeout: .milliseconds(300))
            }
            let next = try await harness.send(.GET, "/v1/videos", timeout: .seconds(5))
            #expect(next.status == 200)
        }
    }

    @Test func dropClosesTheConnectionMidResponseAfterCreating() async throws {
        try await withServer(faults: try FaultPlan(parsing: "create:drop")) { harness in
            let form = FormBody([("model", "sora-2"), ("prompt", "p")])
            let head =
                "POST /v1/videos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(testToken)\r\n"
                + "Content-Type: \(form.contentType)\r\nContent-Length: \(form.bytes.count)\r\nIdempotency-Key: d\r\n\r\n"
            let port = harness.port
            let raw = try await RawSocket.offload {
                let socket = try RawSocket(port: port)
                socket.write(Array(head.utf8) + form.bytes)
                return socket.readAll()
            }
            let text = String(decoding: raw, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200 OK"))
            let parts = text.components(separatedBy: "\r\n\r\n")
            let declared = parts[0].split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            let length = Int(declared?.split(separator: " ").last ?? "") ?? 0
            #expect(length > 0)
            #expect(parts.count == 2 && parts[1].utf8.count == length / 2)
            let retry = try await harness.create(form, headers: [("Idempotency-Key", "d")])
            #expect(retry.status == 200)
            #expect(retry.header("idempotent-replayed") == "true")
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated == ["create": 1])
        }
    }

    @Test func planTextParses() throws {
        let plan = try FaultPlan(parsing: "create:429x2, retrieve:503,content:drop,list:delay=2.5x3,*:500")
        #expect(
            plan.rules == [
                .init(operation: "create", kind: .rateLimited(retryAfter: 1), count: 2),
                .init(operation: "retrieve", kind: .unavailable),
                .init(operation: "content", kind: .drop),
                .init(operation: "list", kind: .delay(seconds: 2.5), count: 3),
                .init(operation: "*", kind: .serverError),
            ])
        for bad in ["create", "upload:500", "create:418", "create:500x0", "list:delay=soon"] {
            #expect(throws: FaultPlanError.self, "\(bad)") { try FaultPlan(parsing: bad) }
        }
    }
}
