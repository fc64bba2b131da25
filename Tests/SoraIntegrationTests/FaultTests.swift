import Foundation
import SoraClient
import SoraMockServer
import Testing

/// Each fault of the mock's plan ends in success or the right typed error, and the server's stats prove
/// that no job was created twice.
@Suite struct FaultTests {
    private func plan(_ text: String) throws -> FaultPlan { try FaultPlan(parsing: text) }

    @Test func aRateLimitedCreateWaitsAndSucceedsOnce() async throws {
        try await MockHarness.run(faults: plan("create:429x1")) { harness in
            let started = ContinuousClock.now
            _ = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            #expect(ContinuousClock.now - started >= .seconds(1), "Retry-After: 1 was honoured")
            let stats = await harness.server.stats()
            #expect(stats.requests["create"] == 2)
            #expect(stats.jobsCreated["create"] == 1)
        }
    }

    @Test func anUnavailableCreateIsRetriedWithTheSameKey() async throws {
        try await MockHarness.run(faults: plan("create:503x2")) { harness in
            _ = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            let stats = await harness.server.stats()
            #expect(stats.requests["create"] == 3)
            #expect(stats.jobsCreated["create"] == 1)
        }
    }

    @Test func aServerErrorOnCreateIsNotRetried() async throws {
        try await MockHarness.run(faults: plan("create:500x1")) { harness in
            do {
                _ = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
                Issue.record("expected the 500")
            } catch {
                guard case SoraError.api(let failure) = error else { throw error }
                #expect(failure.status == 500)
            }
            #expect(await harness.server.stats().requests["create"] == 1)
        }
    }

    @Test func readsRetryThroughServerErrors() async throws {
        try await MockHarness.run(faults: plan("retrieve:500x2,list:503x1")) { harness in
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            #expect(try await harness.sora.retrieveVideo(job.id).id == job.id)
            #expect(try await harness.sora.listVideos().data.count == 1)
            let stats = await harness.server.stats()
            #expect(stats.requests["retrieve"] == 3)
            #expect(stats.jobsCreated["create"] == 1)
        }
    }

    @Test func aDroppedDownloadResumesAndNeverRecreates() async throws {
        try await MockHarness.run(jobSeconds: 0.1, faults: plan("content:dropx1")) { harness in
            let folder = try MockHarness.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            for try await _ in harness.sora.waitForCompletion(of: job.id, interval: .milliseconds(30)) {}
            let file = try await harness.sora.downloadVideoContent(job.id, to: folder.appending(path: "v.mp4"))
            let reference = try await harness.sora.downloadVideoContent(job.id, to: folder.appending(path: "again.mp4"))
            #expect(try Data(contentsOf: file.url) == Data(contentsOf: reference.url))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["again.mp4", "v.mp4"])
            let stats = await harness.server.stats()
            #expect(stats.requests["content"] == 3)
            #expect(stats.jobsCreated["create"] == 1)
        }
    }

    @Test func aSlowReadTimesOutThenSucceeds() async throws {
        try await MockHarness.run(faults: plan("retrieve:delay=4x1"), timeout: .seconds(1.5)) { harness in
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            #expect(try await harness.sora.retrieveVideo(job.id).id == job.id)
            #expect(await harness.server.stats().requests["retrieve"] == 2)
        }
    }

    @Test func aSlowCreateTimesOutAndIsNotResentButTheKeyReplaysIt() async throws {
        // The delay is four times the idle limit: time the starved process could not run is not idle time, so a
        // busy machine stretches the limit.
        try await MockHarness.run(faults: plan("create:delay=6x1"), timeout: .seconds(1.5)) { harness in
            let request = CreateVideoRequest(model: .sora2, prompt: "p")
            do {
                _ = try await harness.sora.createVideo(request, idempotencyKey: "key-1")
                Issue.record("expected a timeout")
            } catch {
                guard case SoraError.timeout(let operation, _, .idle) = error else { throw error }
                #expect(operation == "createVideo")
            }
            try await Task.sleep(for: .seconds(5))  // the server finishes the first create meanwhile
            let replay = try await harness.sora.createVideo(request, idempotencyKey: "key-1")
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated["create"] == 1)
            // Whether the server finished the first attempt before the second arrived depends on the machine's
            // load; either way the key makes it one job.
            #expect(stats.idempotentReplays <= 1)
            #expect(try await harness.sora.retrieveVideo(replay.id).id == replay.id)
        }
    }

    @Test func aCancelledPollStops() async throws {
        try await MockHarness.run(jobSeconds: 60) { harness in
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            let sora = harness.sora
            let task = Task { () async throws(SoraError) -> Int in
                var count = 0
                for try await _ in sora.waitForCompletion(of: job.id, interval: .milliseconds(20)) { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let result = await task.result
            guard case .failure(let error) = result, case SoraError.cancelled = error else {
                Issue.record("expected .cancelled, got \(result)")
                return
            }
            // A poll already on the wire when the task was cancelled is abandoned, not awaited, and may reach the
            // server a moment later (seen under load): count after it has had time to land, then expect no more.
            try await Task.sleep(for: .milliseconds(300))
            let polls = await harness.server.stats().requests["retrieve"] ?? 0
            try await Task.sleep(for: .milliseconds(400))
            #expect(await harness.server.stats().requests["retrieve"] == polls, "no poll after cancellation")
        }
    }

    @Test func aCancelledDownloadLeavesNoFiles() async throws {
        try await MockHarness.run(jobSeconds: 0.1, faults: plan("content:delay=5x1")) { harness in
            let folder = try MockHarness.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
            for try await _ in harness.sora.waitForCompletion(of: job.id, interval: .milliseconds(30)) {}
            let sora = harness.sora
            let task = Task { () async throws(SoraError) -> DownloadedFile in
                try await sora.downloadVideoContent(job.id, to: folder.appending(path: "v.mp4"))
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            _ = await task.result
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        }
    }
}
