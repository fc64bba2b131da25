import Foundation
import HTTPTypes
import SoraClient
import Testing

/// `waitForCompletion` and `allVideos`, generated from `x-polling` and `x-pagination`.
@Suite struct PollingAndPagingTests {
    private func client(_ transport: ScriptedTransport) throws -> Sora {
        var configuration = ClientConfiguration()
        configuration.retry = .none
        return try Sora(
            baseURL: URL(string: "https://relay.example.com/v1"), token: "sk-POLL", transport: transport,
            configuration: configuration)
    }

    private static func video(_ status: String, _ progress: Int) -> String {
        #"{"id":"video_1","object":"video","model":"sora-2","status":"\#(status)","progress":\#(progress),"created_at":1}"#
    }

    private static func snapshot(_ status: String, _ progress: Int, after milliseconds: Int = 1)
        -> ScriptedTransport.Step
    {
        .answer(200, headers: ["openai-poll-after-ms": "\(milliseconds)"], body: video(status, progress))
    }

    @Test func pollingYieldsEachNewSnapshotUntilTerminal() async throws {
        let transport = ScriptedTransport([
            Self.snapshot("queued", 0), Self.snapshot("in_progress", 40), Self.snapshot("in_progress", 40),
            Self.snapshot("in_progress", 90), Self.snapshot("completed", 100), Self.snapshot("completed", 100),
        ])
        var seen: [String] = []
        for try await video in try client(transport).waitForCompletion(of: "video_1", interval: .seconds(60)) {
            seen.append("\(video.status.rawValue) \(video.progress ?? -1)")
        }
        #expect(seen == ["queued 0", "in_progress 40", "in_progress 90", "completed 100"])
        #expect(await transport.calls.count == 5)
        #expect(await transport.calls.allSatisfy { $0.path == "/videos/video_1" })
    }

    @Test func aFailedTaskEndsPollingWithItsError() async throws {
        let failed =
            #"{"id":"v","object":"video","model":"sora-2","status":"failed","created_at":1,"#
            + #""error":{"code":"moderation_blocked","message":"no"}}"#
        let transport = ScriptedTransport([Self.snapshot("queued", 0), .answer(200, body: failed)])
        var last: Video?
        for try await video in try client(transport).waitForCompletion(of: "v") { last = video }
        #expect(last?.status == .failed)
        #expect(last?.error?.code == "moderation_blocked")
    }

    @Test func anAPIErrorWhilePollingCarriesTheSpecsErrorPayload() async throws {
        let missing =
            #"{"error":{"message":"No video found with id 'v'","type":"invalid_request_error","code":"not_found"}}"#
        let transport = ScriptedTransport([.answer(404, body: missing)])
        do {
            for try await _ in try client(transport).waitForCompletion(of: "v") {}
            Issue.record("expected the 404")
        } catch {
            guard case SoraError.api(let api) = error else { throw error }
            #expect(api.status == 404)
            #expect(api.payload(as: ErrorResponse.self)?.error.code == "not_found", "decoded as retrieveVideo's are")
        }
    }

    @Test func pollingTimesOut() async throws {
        let transport = ScriptedTransport(Array(repeating: Self.snapshot("queued", 0, after: 50), count: 10))
        do {
            for try await _ in try client(transport).waitForCompletion(of: "v", timeout: .milliseconds(120)) {}
            Issue.record("expected a timeout")
        } catch {
            guard case SoraError.timeout(let operation, _, .polling) = error else { throw error }
            #expect(operation == "waitForCompletion", "the overall limit, not one retrieve")
        }
        #expect(await transport.calls.count <= 3)
    }

    @Test func cancellingStopsPolling() async throws {
        let transport = ScriptedTransport(Array(repeating: Self.snapshot("queued", 0, after: 10_000), count: 3))
        let sora = try client(transport)
        let task = Task { () async throws(SoraError) -> Int in
            var count = 0
            for try await _ in sora.waitForCompletion(of: "v") { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case SoraError.cancelled = error else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(await transport.calls.count == 1)
    }

    private static func page(_ ids: [String], more: Bool) -> ScriptedTransport.Step {
        let data = ids.map { #"{"id":"\#($0)","object":"video","model":"sora-2","status":"completed","created_at":1}"# }
        let last = ids.last.map { "\"\($0)\"" } ?? "null"
        return .answer(
            200,
            body: #"{"object":"list","data":[\#(data.joined(separator: ","))],"last_id":\#(last),"has_more":\#(more)}"#)
    }

    @Test func allVideosWalksEveryPage() async throws {
        let transport = ScriptedTransport([
            Self.page(["a", "b"], more: true), Self.page(["c"], more: true), Self.page(["d"], more: false),
        ])
        var ids: [String] = []
        for try await video in try client(transport).allVideos(limit: 2, order: .asc) { ids.append(video.id) }
        #expect(ids == ["a", "b", "c", "d"])
        #expect(
            await transport.calls.map(\.path) == [
                "/videos?limit=2&order=asc", "/videos?limit=2&after=b&order=asc", "/videos?limit=2&after=c&order=asc",
            ])
    }

    @Test func aRepeatingCursorEndsTheWalk() async throws {
        let transport = ScriptedTransport([Self.page(["a"], more: true), Self.page(["a"], more: true)])
        var ids: [String] = []
        for try await video in try client(transport).allVideos() { ids.append(video.id) }
        #expect(ids == ["a", "a"])
        #expect(await transport.calls.count == 2)
    }
}
