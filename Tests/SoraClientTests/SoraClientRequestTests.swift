import Foundation
import HTTPTypes
import SoraClient
import Testing

/// What the generated operations put on the wire and how they read answers, through a fake transport.
@Suite struct SoraClientRequestTests {
    static let token = "sk-SECRET-123"
    static let boundary = "test-boundary-0123"
    static let baseURL = URL(string: "https://relay.example/v1")!
    static let queuedVideo = """
        {"id":"video_123","object":"video","model":"sora-2","status":"queued","progress":0,"created_at":1712697600}
        """

    // MARK: createVideo

    @Test func createVideoSendsMultipartWithAuthAndIdempotencyKey() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let video = try await client(transport).createVideo(
            CreateVideoRequest(
                model: .sora2, prompt: "画面动起来", seconds: "8", size: .landscape, watermark: false))
        #expect(video.id == "video_123")
        #expect(video.status == .queued)

        let call = try #require(await transport.calls.first)
        #expect(await transport.calls.count == 1)
        #expect(call.request.method == .post)
        #expect(call.request.path == "/videos")
        #expect(call.baseURL == Self.baseURL)
        #expect(call.operationID == "createVideo")
        #expect(call.request.headerFields[.authorization] == "Bearer \(Self.token)")
        #expect(call.request.headerFields[.contentType] == "multipart/form-data; boundary=\(Self.boundary)")
        #expect(call.request.headerFields[.accept] == "application/json")
        let key = try #require(call.request.headerFields[Self.idempotencyKey])
        #expect(UUID(uuidString: key) != nil)

        let expected = [
            "--\(Self.boundary)",
            "Content-Disposition: form-data; name=\"model\"",
            "",
            "sora-2",
            "--\(Self.boundary)",
            "Content-Disposition: form-data; name=\"prompt\"",
            "",
            "画面动起来",
            "--\(Self.boundary)",
            "Content-Disposition: form-data; name=\"seconds\"",
            "",
            "8",
            "--\(Self.boundary)",
            "Content-Disposition: form-data; name=\"size\"",
            "",
            "1280x720",
            "--\(Self.boundary)",
            "Content-Disposition: form-data; name=\"watermark\"",
            "",
            "false",
            "--\(Self.boundary)--",
            "",
        ].joined(separator: "\r\n")
        let body = try #require(call.body)
        #expect(String(decoding: body, as: UTF8.self) == expected)
        #expect(body == Array(expected.utf8))
        #expect(call.bodyLength == .known(Int64(body.count)))
    }

    @Test func createVideoUploadsAReferenceImageWithSniffedType() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let png = Array(ImageCheckTests.png(1280, 720))  // a real PNG header: the image pre-flight check reads it
        let request = CreateVideoRequest(
            model: .sora2Pro, prompt: "p", inputReference: .data(Data(png), filename: "ref\".png"), private: true)
        _ = try await client(transport).createVideo(request)
        let body = try #require(await transport.calls.first?.body)
        let head = Array(
            [
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nsora-2-pro\r\n",
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\np\r\n",
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"input_reference\"; ",
                "filename=\"ref%22.png\"\r\nContent-Type: image/png\r\n\r\n",
            ].joined().utf8)
        let tail = Array(
            [
                "\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"private\"\r\n\r\ntrue\r\n",
                "--\(Self.boundary)--\r\n",
            ].joined().utf8)
        #expect(body == head + png + tail)
    }

    @Test func createVideoSendsTheCallersIdempotencyKey() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        _ = try await client(transport).createVideo(
            CreateVideoRequest(model: .sora2, prompt: "p"), idempotencyKey: "create-42")
        #expect(await transport.calls.first?.request.headerFields[Self.idempotencyKey] == "create-42")
    }

    @Test func idempotencyKeyCannotInjectHeaders() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        _ = try await client(transport).createVideo(
            CreateVideoRequest(model: .sora2, prompt: "p"), idempotencyKey: "k\r\nX-Injected: 1")
        let fields = try #require(await transport.calls.first?.request.headerFields)
        #expect(fields[HTTPField.Name("X-Injected")!] == nil)
        #expect(fields[Self.idempotencyKey]?.contains("\n") == false)
        #expect(fields[Self.idempotencyKey]?.contains("\r") == false)
    }

    @Test func createVideoWithoutKeyGetsAFreshKeyPerCall() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let sora = try client(transport)
        _ = try await sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        _ = try await sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        let keys = await transport.calls.compactMap { $0.request.headerFields[Self.idempotencyKey] }
        #expect(keys.count == 2)
        #expect(Set(keys).count == 2)
    }

    @Test func invalidCreateIsNeverSent() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let error = await soraError {
            _ = try await client(transport).createVideo(
                CreateVideoRequest(model: .sora2, prompt: "", size: .portraitHD))
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected .validation, got \(String(describing: error))")
            return
        }
        #expect(validation.typeName == "CreateVideoRequest")
        #expect(validation.issues.map(\.field) == ["prompt", "model"])
        #expect(await transport.calls.isEmpty)
    }

    @Test func tooLongIdempotencyKeyIsNeverSent() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let error = await soraError {
            _ = try await client(transport).createVideo(
                CreateVideoRequest(model: .sora2, prompt: "p"), idempotencyKey: String(repeating: "k", count: 256))
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected .validation, got \(String(describing: error))")
            return
        }
        #expect(
            validation.issues == [
                ValidationIssue(
                    field: "Idempotency-Key", rule: "maxLength", message: "must be at most 255 characters long, got 256"
                )
            ])
        #expect(await transport.calls.isEmpty)
    }

    // MARK: Paths and queries

    @Test(arguments: [
        ("video_123", "/videos/video_123"),
        ("../x", "/videos/..%2Fx"),
        ("..", "/videos/%2E%2E"),
        (".", "/videos/%2E"),
        ("a b?c#d", "/videos/a%20b%3Fc%23d"),
        ("视频", "/videos/%E8%A7%86%E9%A2%91"),
    ])
    func retrieveVideoEncodesTheIdAsOneSegment(id: String, path: String) async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        _ = try await client(transport).retrieveVideo(id)
        let call = try #require(await transport.calls.first)
        #expect(call.request.method == .get)
        #expect(call.request.path == path)
        #expect(call.body == nil)
        #expect(call.request.headerFields[Self.idempotencyKey] == nil)
        #expect(call.request.headerFields[.authorization] == "Bearer \(Self.token)")
    }

    @Test func emptyVideoIdIsNeverSent() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let error = await soraError { _ = try await client(transport).retrieveVideo("") }
        guard case .validation(let validation) = error else {
            Issue.record("expected .validation, got \(String(describing: error))")
            return
        }
        #expect(validation.typeName == "retrieveVideo")
        #expect(validation.issues == [ValidationIssue(field: "video_id", rule: "path", message: "must not be empty")])
        #expect(await transport.calls.isEmpty)
    }

    @Test(arguments: [
        (0, ValidationIssue(field: "limit", rule: "minimum", message: "must be at least 1, got 0")),
        (101, ValidationIssue(field: "limit", rule: "maximum", message: "must be at most 100, got 101")),
    ])
    func listLimitOutOfRangeIsNeverSent(limit: Int, issue: ValidationIssue) async throws {
        let transport = RecordingTransport(body: #"{"object":"list","data":[],"has_more":false}"#)
        let error = await soraError { _ = try await client(transport).listVideos(limit: limit) }
        guard case .validation(let validation) = error else {
            Issue.record("expected .validation, got \(String(describing: error))")
            return
        }
        #expect(validation.typeName == "listVideos")
        #expect(validation.issues == [issue])
        #expect(await transport.calls.count == 0)
    }

    @Test func listVideosSendsQueryInSpecOrder() async throws {
        let transport = RecordingTransport(
            body: #"{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}"#)
        let sora = try client(transport)
        let list = try await sora.listVideos(limit: 5, order: .asc)
        #expect(list.data.isEmpty)
        #expect(list.hasMore == false)
        _ = try await sora.listVideos()
        _ = try await sora.listVideos(limit: 100, after: "video 1&x=y", order: "newest")
        let calls = await transport.calls
        #expect(
            calls.map(\.request.path) == [
                "/videos?limit=5&order=asc", "/videos", "/videos?limit=100&after=video%201%26x%3Dy&order=newest",
            ])
        #expect(calls.allSatisfy { $0.request.method == .get && $0.body == nil })
    }

    @Test func deleteVideoSendsDelete() async throws {
        let transport = RecordingTransport(body: #"{"id":"video_1","object":"video.deleted","deleted":true}"#)
        let deleted = try await client(transport).deleteVideo("video_1")
        #expect(deleted == DeletedVideo(id: "video_1", deleted: true))
        let call = try #require(await transport.calls.first)
        #expect(call.request.method == .delete)
        #expect(call.request.path == "/videos/video_1")
    }

    @Test func remixVideoSendsJSON() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        _ = try await client(transport).remixVideo("video_1", body: RemixVideoRequest(prompt: "更快 / faster"))
        let call = try #require(await transport.calls.first)
        #expect(call.request.method == .post)
        #expect(call.request.path == "/videos/video_1/remix")
        #expect(call.request.headerFields[.contentType] == "application/json")
        #expect(call.body.map { String(decoding: $0, as: UTF8.self) } == #"{"prompt":"更快 / faster"}"#)
        #expect(call.request.headerFields[Self.idempotencyKey] != nil)
    }

    @Test func invalidRemixIsNeverSent() async throws {
        let transport = RecordingTransport(body: Self.queuedVideo)
        let error = await soraError {
            _ = try await client(transport).remixVideo("video_1", body: RemixVideoRequest(prompt: ""))
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected .validation, got \(String(describing: error))")
            return
        }
        #expect(validation.issues.map(\.field) == ["prompt"])
        #expect(await transport.calls.isEmpty)
    }

    // MARK: Downloads

    @Test func downloadReturnsTheBytesAndTheirType() async throws {
        var fields = HTTPFields()
        fields[.contentType] = "image/webp"
        fields[.contentLength] = "4"
        let transport = RecordingTransport(status: .ok, headers: fields, bytes: [0x52, 0x49, 0x46, 0x46])
        let content = try await client(transport).downloadVideoContent("video_1", variant: .thumbnail)
        #expect(content.contentType == "image/webp")
        #expect(content.contentLength == 4)
        #expect(Array(try await ArraySlice<UInt8>(collecting: content.body, upTo: 100)) == [0x52, 0x49, 0x46, 0x46])
        let call = try #require(await transport.calls.first)
        #expect(call.request.path == "/videos/video_1/content?variant=thumbnail")
        #expect(call.request.method == .get)
    }

}
