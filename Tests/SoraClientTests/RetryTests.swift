import Foundation
import HTTPTypes
import OpenAPIRuntime
import SoraClient
import Testing

/// Retries through the generated client: reads retry freely, a paid create only where the server
/// provably did not act, and every attempt of a create carries the same `Idempotency-Key`.
@Suite struct RetryTests {
    static let token = "sk-RETRY-TOKEN"

    private func client(_ transport: ScriptedTransport, attempts: Int = 3) throws(SoraError) -> Sora {
        var configuration = ClientConfiguration()
        configuration.retry.maxAttempts = attempts
        configuration.retry.baseDelay = .milliseconds(1)
        return try Sora(
            baseURL: URL(string: "https://relay.example.com/v1"), token: Self.token, transport: transport,
            configuration: configuration)
    }

    private static let video = #"{"id":"video_1","object":"video","model":"sora-2","status":"queued","created_at":1}"#

    @Test func aReadRetriesA500AndSucceeds() async throws {
        let transport = ScriptedTransport([.answer(500, body: "oops"), .answer(200, body: Self.video)])
        let video = try await client(transport).retrieveVideo("video_1")
        #expect(video.id == "video_1")
        #expect(await transport.calls.count == 2)
    }

    @Test func aReadGivesUpAfterTheLastAttempt() async throws {
        let transport = ScriptedTransport(Array(repeating: .answer(503, body: "busy"), count: 5))
        await #expect(throws: SoraError.self) { _ = try await client(transport).retrieveVideo("video_1") }
        #expect(await transport.calls.count == 3)
    }

    @Test func aCreateIsNotRetriedAfterA500() async throws {
        let transport = ScriptedTransport([.answer(500, body: "oops"), .answer(200, body: Self.video)])
        do {
            _ = try await client(transport).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            Issue.record("expected the 500 to be thrown")
        } catch {
            guard case .api(let failure) = error else { throw error }
            #expect(failure.status == 500)
        }
        #expect(await transport.calls.count == 1)
    }

    @Test func aCreateRetriesA503WithTheSameIdempotencyKey() async throws {
        let transport = ScriptedTransport([
            .answer(503, body: "busy"), .answer(429, headers: ["retry-after-ms": "20"], body: "slow"),
            .answer(200, body: Self.video),
        ])
        let started = ContinuousClock.now
        _ = try await client(transport).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        #expect(ContinuousClock.now - started >= .milliseconds(20))
        let keys = await transport.calls.map { $0.headerFields[HTTPField.Name("Idempotency-Key")!] }
        #expect(keys.count == 3)
        #expect(Set(keys).count == 1)
        #expect(keys.first??.isEmpty == false)
    }

    @Test func aCreateRetriesOnlyWhenTheConnectionWasNeverMade() async throws {
        let refused = ScriptedTransport([
            .fail("connect(descriptor:addr:size:): Connection refused (errno: 111)"), .answer(200, body: Self.video),
        ])
        _ = try await client(refused).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        #expect(await refused.calls.count == 2)

        let reset = ScriptedTransport([.fail("Connection reset by peer"), .answer(200, body: Self.video)])
        await #expect(throws: SoraError.self) {
            _ = try await client(reset).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        }
        #expect(await reset.calls.count == 1)
    }

    @Test func cancellingDuringBackoffStopsWithCancelled() async throws {
        let transport = ScriptedTransport(Array(repeating: .answer(503, body: "busy"), count: 5))
        var configuration = ClientConfiguration()
        configuration.retry.baseDelay = .seconds(30)
        let sora = try Sora(
            baseURL: URL(string: "https://relay.example.com/v1"), token: Self.token, transport: transport,
            configuration: configuration)
        let task = Task { () async throws(SoraError) -> Video in try await sora.retrieveVideo("video_1") }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case SoraError.cancelled(let operation) = error else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(await transport.calls.count == 1)
    }
}
