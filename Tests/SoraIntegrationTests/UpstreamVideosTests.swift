import AsyncHTTPClient
import Foundation
import GoldenOpenAIVideos
import OpenAPIAsyncHTTPClient
import SoraMockServer
import Testing

/// The client generated from the unmodified upstream OpenAI document with `--tag Videos`
/// (`Tests/Goldens/openai-videos`), against sora-mock: the six operations the mock serves.
@Suite struct UpstreamVideosTests {
    @Test func theSixOperationsTheMockServesWorkThroughTheUpstreamClient() async throws {
        try await Self.withClient { client, server in
            let reference = GoldenOpenAIVideos.CreateVideoMultipartBody.InputReference.string(
                FileUpload(source: .data(MockHarness.png(1280, 720)), filename: "ref.png", contentType: "image/png"))
            let created = try await client.create(
                CreateVideoMultipartBody(
                    model: .sora2, prompt: "a paper boat on a pond", inputReference: reference, seconds: .seconds4,
                    size: .size1280x720))
            #expect(created.status == .queued)
            #expect(created.size == .size1280x720)
            #expect(created.seconds == "4")

            var video = try await client.retrieve(created.id)
            for _ in 0..<200 where video.status != .completed && video.status != .failed {
                try await Task.sleep(for: .milliseconds(25))
                video = try await client.retrieve(created.id)
            }
            #expect(video.status == .completed)
            #expect(video.progress == 100)

            let page = try await client.list(limit: 10, order: .desc)
            #expect(page.data.map(\.id) == [created.id])
            #expect(page.hasMore == false)

            let movie = try await client.content(created.id, variant: .video)
            #expect(movie.contentType == "video/mp4")
            let bytes = try await Data(collecting: movie.body, upTo: 64 << 20)
            #expect(bytes.dropFirst(4).prefix(4) == Data("ftyp".utf8))
            let thumbnail = try await client.content(created.id, variant: .thumbnail)
            #expect(thumbnail.contentType == "image/webp")

            let remix = try await client.remix(created.id, CreateVideoRemixBody(prompt: "slower"))
            #expect(remix.remixedFromVideoId == created.id)

            let deleted = try await client.delete(created.id)
            #expect(deleted.deleted && deleted.id == created.id)
            do {
                _ = try await client.retrieve(created.id)
                Issue.record("a deleted video was still found")
            } catch {
                guard case SoraError.api(let failure) = error else { throw error }
                #expect(failure.status == 404)
            }
            let stats = await server.stats()
            #expect(stats.jobsCreated["create"] == 1)
            #expect(stats.jobsCreated["remix"] == 1)
        }
    }

    @Test func theUpstreamClientValidatesBeforeSending() async throws {
        try await Self.withClient { client, server in
            do {
                _ = try await client.list(limit: 1000, order: nil)
                Issue.record("a limit over the documented maximum was sent")
            } catch {
                guard case SoraError.validation(let failure) = error else { throw error }
                #expect("\(failure)".contains("limit"))
            }
            #expect(await server.stats().requests.values.reduce(0, +) == 0)
        }
    }

    /// The upstream client over AsyncHTTPClient, with sora-mock on a free loopback port.
    static func withClient(_ body: (any UpstreamVideos, MockServer) async throws -> Void) async throws {
        let server = MockServer(
            configuration: MockConfiguration(
                host: "127.0.0.1", port: 0, token: MockHarness.token, jobSeconds: 0.3, faults: FaultPlan()))
        let port = try await server.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let client = try APIClient(
                baseURL: URL(string: "http://127.0.0.1:\(port)/v1"), token: MockHarness.token,
                transport: AsyncHTTPClientTransport(configuration: .init(client: http)))
            try await body(client, server)
            try await http.shutdown()
            await server.stop()
        } catch {
            try? await http.shutdown()
            await server.stop()
            throw error
        }
    }
}

/// The upstream document marks every video operation `deprecated: true`, so the generated methods carry
/// `@available(*, deprecated)`. The test calls them through this protocol, whose requirements are not
/// deprecated, so that the test target stays free of warnings while the generated code stays as generated.
protocol UpstreamVideos: Sendable {
    func createVideo(multipart body: CreateVideoMultipartBody?) async throws(SoraError) -> VideoResource
    func getVideo(_ videoId: String) async throws(SoraError) -> VideoResource
    func listVideos(limit: Int?, order: OrderEnum?, after: String?) async throws(SoraError) -> VideoListResource
    func retrieveVideoContent(_ videoId: String, variant: VideoContentVariant?) async throws(SoraError)
        -> BinaryContent
    func createVideoRemix(_ videoId: String, body: CreateVideoRemixBody?) async throws(SoraError) -> VideoResource
    func deleteVideo(_ videoId: String) async throws(SoraError) -> DeletedVideoResource
}

extension UpstreamVideos {
    func create(_ body: CreateVideoMultipartBody) async throws(SoraError) -> VideoResource {
        try await createVideo(multipart: body)
    }
    func retrieve(_ id: String) async throws(SoraError) -> VideoResource { try await getVideo(id) }
    func list(limit: Int?, order: OrderEnum?) async throws(SoraError) -> VideoListResource {
        try await listVideos(limit: limit, order: order, after: nil)
    }
    func content(_ id: String, variant: VideoContentVariant) async throws(SoraError) -> BinaryContent {
        try await retrieveVideoContent(id, variant: variant)
    }
    func remix(_ id: String, _ body: CreateVideoRemixBody) async throws(SoraError) -> VideoResource {
        try await createVideoRemix(id, body: body)
    }
    func delete(_ id: String) async throws(SoraError) -> DeletedVideoResource { try await deleteVideo(id) }
}

extension APIClient: UpstreamVideos {}
