import Foundation
import SoraClient
import SoraMockServer
import Testing

/// Every operation of the spec, through the generated client, against the mock server.
@Suite struct EveryOperationTests {
    @Test func createWaitListDownloadRemixDelete() async throws {
        try await MockHarness.run { harness in
            let folder = try MockHarness.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let reference = folder.appending(path: "ref.png")
            try MockHarness.png(1280, 720).write(to: reference)
            var request = CreateVideoRequest(model: .sora2, prompt: "画面动起来", seconds: "8", size: .landscape)
            request.inputReference = .file(reference)
            let job = try await harness.sora.createVideo(request)
            #expect(job.status == .queued)
            #expect(job.size == .landscape)

            var statuses: [VideoStatus] = []
            for try await snapshot in harness.sora.waitForCompletion(of: job.id, interval: .milliseconds(50)) {
                if statuses.last != snapshot.status { statuses.append(snapshot.status) }
            }
            #expect(statuses.last == .completed)
            #expect(try await harness.sora.retrieveVideo(job.id).progress == 100)

            var listed: [String] = []
            for try await video in harness.sora.allVideos(limit: 1) { listed.append(video.id) }
            #expect(listed == [job.id])

            let movie = try await harness.sora.downloadVideoContent(
                job.id, variant: .video, to: folder.appending(path: "out.mp4"))
            let bytes = try Data(contentsOf: movie.url)
            #expect(movie.contentType == "video/mp4")
            #expect(bytes.count == Int(movie.byteCount))
            #expect(bytes.dropFirst(4).prefix(4) == Data("ftyp".utf8))
            let thumbnail = try await harness.sora.downloadVideoContent(job.id, variant: .thumbnail)
            #expect(thumbnail.contentType == "image/webp")

            let remix = try await harness.sora.remixVideo(job.id, body: RemixVideoRequest(prompt: "slower"))
            #expect(remix.remixedFromVideoId == job.id)

            let deleted = try await harness.sora.deleteVideo(job.id)
            #expect(deleted.deleted && deleted.id == job.id)
            do {
                _ = try await harness.sora.retrieveVideo(job.id)
                Issue.record("a deleted video was still found")
            } catch {
                guard case SoraError.api(let failure) = error else { throw error }
                #expect(failure.status == 404)
                #expect(failure.requestID != nil)
            }
            let stats = await harness.server.stats()
            #expect(stats.jobsCreated["create"] == 1)
            #expect(stats.jobsCreated["remix"] == 1)
        }
    }

    @Test func withHeadersTwinsReturnTheDocumentedPollDelay() async throws {
        try await MockHarness.run { harness in
            let created = try await harness.sora.createVideoWithHeaders(CreateVideoRequest(model: .sora2, prompt: "p"))
            #expect(created.body.status == .queued)
            let delay = try #require(created.headers.openaiPollAfterMs)
            #expect(delay > 0)
            let retrieved = try await harness.sora.retrieveVideoWithHeaders(created.body.id)
            #expect(retrieved.body.id == created.body.id)
            #expect(retrieved.headers.openaiPollAfterMs != nil)
        }
    }

    @Test func aModeratedPromptEndsFailedWithItsError() async throws {
        try await MockHarness.run { harness in
            let job = try await harness.sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "x [fail]"))
            var last: Video?
            for try await snapshot in harness.sora.waitForCompletion(of: job.id, interval: .milliseconds(50)) {
                last = snapshot
            }
            #expect(last?.status == .failed)
            #expect(last?.error?.code == "moderation_blocked")
        }
    }

    @Test func anInvalidRequestNeverReachesTheServer() async throws {
        try await MockHarness.run { harness in
            do {
                _ = try await harness.sora.createVideo(
                    CreateVideoRequest(model: .sora2, prompt: "p", size: .landscapeHD))
                Issue.record("an HD size with sora-2 was sent")
            } catch {
                guard case SoraError.validation(let failure) = error else { throw error }
                #expect(failure.issues.map(\.field) == ["model"])
            }
            #expect(await harness.server.stats().requests["create"] == nil)
        }
    }

    @Test func theServersOwnValidationErrorsArriveTyped() async throws {
        // The client's own image check is switched off, so the server's check answers.
        try await MockHarness.run(checksImageSize: false) { harness in
            var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
            request.inputReference = .data(MockHarness.png(1280, 720), filename: "ref.png")
            do {
                _ = try await harness.sora.createVideo(request)
                Issue.record("a mismatched reference image was accepted")
            } catch {
                guard case SoraError.api(let failure) = error else { throw error }
                #expect(failure.status == 400)
                #expect(failure.param == "input_reference")
                #expect(failure.type == "invalid_request_error")
            }
        }
    }
}
