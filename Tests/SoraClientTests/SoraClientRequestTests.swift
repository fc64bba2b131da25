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

    // MARK: Error answers

    @Test func errorEnvelopeBecomesAPIError() async throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("x-request-id")!] = "req_1"
        let transport = RecordingTransport(
            status: .badRequest, headers: fields,
            body: #"{"error":{"message":"bad","type":"invalid_request_error","param":"size","code":"invalid_size"}}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.operationID == "retrieveVideo")
        #expect(api.status == 400)
        #expect(api.message == "bad")
        #expect(api.type == "invalid_request_error")
        #expect(api.param == "size")
        #expect(api.code == "invalid_size")
        #expect(api.requestID == "req_1")
        #expect(api.retryAfter == nil)
        #expect(
            error?.description
                == "retrieveVideo: HTTP 400 invalid_request_error (invalid_size) [field size]: bad (request id req_1)")
    }

    @Test func numericErrorCodeIsReadAsText() async throws {
        let transport = RecordingTransport(
            status: .forbidden, body: #"{"error":{"message":"no","type":"permission","param":null,"code":7}}"#)
        let error = await soraError { _ = try await client(transport).deleteVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 403)
        #expect(api.code == "7")
        #expect(api.param == nil)
    }

    @Test func nonJSONErrorBodyBecomesTheMessage() async throws {
        let transport = RecordingTransport(status: .badGateway, body: "  upstream gateway exploded\n")
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 502)
        #expect(api.message == "upstream gateway exploded")
        #expect(api.type == nil)
        #expect(api.code == nil)
        #expect(error?.description == "retrieveVideo: HTTP 502: upstream gateway exploded")
    }

    @Test func emptyErrorBodyUsesTheReasonPhrase() async throws {
        let transport = RecordingTransport(status: .internalServerError, bytes: nil)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 500)
        #expect(api.message == "Internal Server Error")
    }

    @Test func rateLimitCarriesRetryAfter() async throws {
        var fields = HTTPFields()
        fields[.retryAfter] = "7"
        let transport = RecordingTransport(
            status: .tooManyRequests, headers: fields, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#)
        let error = await soraError {
            _ = try await client(transport).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 429)
        #expect(api.retryAfter == 7)
        #expect(api.message == "slow down")
    }

    @Test func undecodableSuccessBecomesDecodingError() async throws {
        let transport = RecordingTransport(body: #"{"object":"video"}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .decoding(let operation, let message, let excerpt) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(message == "missing field id")
        #expect(excerpt == #"{"object":"video"}"#)
    }

    @Test func slowTransportTimesOut() async throws {
        var configuration = ClientConfiguration()
        configuration.requestTimeout = .milliseconds(50)
        configuration.retry = .none
        let sora = try SoraClient(
            baseURL: Self.baseURL, token: Self.token, transport: SleepingTransport(), configuration: configuration)
        let error = await soraError { _ = try await sora.retrieveVideo("video_1") }
        guard case .timeout(let operation, let seconds) = error else {
            Issue.record("expected .timeout, got \(String(describing: error))")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(seconds == 0.05)
    }

    // MARK: Base URL

    @Test func defaultBaseURLIsTheSpecsFirstServer() throws {
        let sora = try SoraClient(token: Self.token, transport: RecordingTransport(body: ""))
        #expect(sora.core.baseURL.absoluteString == "https://n.lconai.com/v1")
    }

    @Test(arguments: ["http://example.com/v1", "http://10.0.0.1/v1", "http://127.example.com/v1"])
    func plainHTTPToARemoteHostIsRefused(url: String) throws {
        let host = try #require(URL(string: url)?.host)
        let error = clientError(URL(string: url))
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "refusing to send the token over plain http to \(host); use https or set allowInsecureHTTP")
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]:8080/v1", "https://relay.example",
    ])
    func loopbackHTTPAndHTTPSAreAccepted(url: String) throws {
        let sora = try SoraClient(baseURL: URL(string: url), token: Self.token, transport: RecordingTransport(body: ""))
        #expect(sora.core.baseURL.absoluteString == url)
    }

    @Test func plainHTTPIsAcceptedWhenAllowed() throws {
        var configuration = ClientConfiguration()
        configuration.allowInsecureHTTP = true
        let sora = try SoraClient(
            baseURL: URL(string: "http://example.com/v1"), token: Self.token, transport: RecordingTransport(body: ""),
            configuration: configuration)
        #expect(sora.core.baseURL.host == "example.com")
    }

    @Test func nonHTTPSchemeIsRefused() {
        let error = clientError(URL(string: "ftp://example.com/v1"))
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "base URL ftp://example.com/v1 must be an http(s) URL with a host")
    }

    @Test(arguments: ["", "sk-1\nX-Injected: 1"])
    func emptyOrMultiLineTokenIsRefused(token: String) {
        let error = clientError(Self.baseURL, token: token)
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "the token is empty or contains a line break")
    }

    // MARK: The token stays secret

    @Test func descriptionsNeverShowTheToken() throws {
        let sora = try client(RecordingTransport(body: ""))
        var dumped = ""
        dump(sora.core, to: &dumped)
        var dumpedClient = ""
        dump(sora, to: &dumpedClient)
        let texts = [
            String(describing: sora.core), String(reflecting: sora.core), "\(sora.core)", dumped, dumpedClient,
            String(describing: sora), String(reflecting: sora),
        ]
        for text in texts {
            #expect(!text.contains(Self.token), "token leaked in \(text)")
        }
        #expect(String(describing: sora.core) == "APIClientCore(baseURL: https://relay.example/v1, token: <redacted>)")
    }

    @Test func transportErrorIsRedacted() async throws {
        let transport = RecordingTransport(failure: LeakyError(detail: "Authorization: Bearer \(Self.token)"))
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .transport(let operation, let message) = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(message == "LeakyError: Authorization: Bearer <redacted>")
        #expect(error?.description == "retrieveVideo: network error: LeakyError: Authorization: Bearer <redacted>")
        #expect(!String(reflecting: error).contains(Self.token))
    }

    @Test(arguments: [
        #"{"error":{"message":"invalid key sk-SECRET-123","type":"auth"}}"#,
        "invalid key sk-SECRET-123",
    ])
    func apiErrorEchoingTheTokenIsRedacted(body: String) async throws {
        let transport = RecordingTransport(status: .unauthorized, body: body)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.message == "invalid key <redacted>")
        #expect(!String(describing: error).contains(Self.token))
    }

    @Test func decodingErrorEchoingTheTokenIsRedacted() async throws {
        let transport = RecordingTransport(body: #"{"token":"sk-SECRET-123"}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .decoding(_, _, let excerpt) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(excerpt == #"{"token":"<redacted>"}"#)
        #expect(!String(describing: error).contains(Self.token))
    }

    // MARK: Helpers

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    /// A client on `baseURL` with a fixed multipart boundary.
    private func client(_ transport: any ClientTransport) throws(SoraError) -> SoraClient {
        var configuration = ClientConfiguration()
        configuration.multipartBoundary = { Self.boundary }
        configuration.retry = .none  // these tests pin single answers; RetryTests covers retries
        return try SoraClient(
            baseURL: Self.baseURL, token: Self.token, transport: transport, configuration: configuration)
    }

    /// The error creating a client throws, or nil.
    private func clientError(_ url: URL?, token: String = Self.token) -> SoraError? {
        do {
            _ = try SoraClient(baseURL: url, token: token, transport: RecordingTransport(body: ""))
            return nil
        } catch {
            return error
        }
    }

    /// The error an operation throws, or nil when it succeeds.
    private func soraError(_ operation: () async throws -> Void) async -> SoraError? {
        do {
            try await operation()
            return nil
        } catch let error as SoraError {
            return error
        } catch {
            Issue.record("not a SoraError: \(error)")
            return nil
        }
    }
}

/// Records every request with its whole body and answers with one canned response (or error).
private actor RecordingTransport: ClientTransport {
    struct Call {
        var request: HTTPRequest
        var body: [UInt8]?
        var bodyLength: HTTPBody.Length?
        var baseURL: URL
        var operationID: String
    }

    private(set) var calls: [Call] = []
    private let status: HTTPResponse.Status
    private let headers: HTTPFields
    private let bytes: [UInt8]?
    private let failure: (any Error)?

    init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], bytes: [UInt8]?) {
        self.status = status
        self.headers = headers
        self.bytes = bytes
        self.failure = nil
    }

    init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], body: String) {
        self.init(status: status, headers: headers, bytes: Array(body.utf8))
    }

    init(failure: any Error) {
        self.status = .ok
        self.headers = [:]
        self.bytes = nil
        self.failure = failure
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var collected: [UInt8]?
        if let body {
            collected = Array(try await ArraySlice<UInt8>(collecting: body, upTo: 16 * 1024 * 1024))
        }
        calls.append(
            Call(
                request: request, body: collected, bodyLength: body?.length, baseURL: baseURL,
                operationID: operationID))
        if let failure { throw failure }
        return (HTTPResponse(status: status, headerFields: headers), bytes.map { HTTPBody($0) })
    }
}

/// Never answers (until cancelled).
private struct SleepingTransport: ClientTransport {
    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try await Task.sleep(for: .seconds(30))
        return (HTTPResponse(status: .ok), nil)
    }
}

/// A transport error whose description repeats what it was given, like many real ones do.
private struct LeakyError: Error, CustomStringConvertible {
    var detail: String
    var description: String { "LeakyError: \(detail)" }
}
