// Per-call costs, in process: encoding a small create request (no file) as multipart, and decoding a `Video`,
// with this SDK's runtime next to swift-openapi-runtime doing the same work.
//
// The runtime's multipart body is internal (`MultipartBody.segments(for:)`): its bytes are reachable only
// through `APIClientCore.send` (the `Generated` SPI generated operations call), so both sides are measured the way a client sends, through an in-memory transport
// that collects the body; the bare per-request cost of each client (a GET with no body) is measured too, so the
// body's own share can be read off.

import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime
@_spi(Generated) import SoraClient
@_spi(Generated) import SoraRuntime

/// Collects the request body (all its bytes) and answers 200 with `responseBody`, if any.
struct MemoryTransport: ClientTransport {
    let responseBody: [UInt8]?

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        if let body {
            let bytes = try await ArraySlice<UInt8>(collecting: body, upTo: 1 << 20)
            if bytes.count < 16 { throw MemoryTransportError() }
        }
        var response = HTTPResponse(status: .ok)
        guard let responseBody else { return (response, nil) }
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody(responseBody))
    }
}

struct MemoryTransportError: Error {}

/// A `Video` as swift-openapi-generator would declare it: plain `Codable`, same keys, string enums as `String`.
struct PlainVideo: Codable, Sendable {
    var id: String
    var object: String
    var model: String
    var status: String
    var progress: Int?
    var created_at: Int
    var completed_at: Int?
    var expires_at: Int?
    var prompt: String?
    var size: String?
    var seconds: String?
    var remixed_from_video_id: String?
    var error: PlainVideoError?
}

struct PlainVideoError: Codable, Sendable {
    var code: String?
    var message: String?
}

/// A completed video with every common field.
let videoJSON = Array(
    #"{"id":"video_68d7512d07848190b3e45da0ecbebcde","object":"video","model":"sora-2","status":"completed","progress":100,"created_at":1758941485,"completed_at":1758941621,"expires_at":1759027885,"prompt":"A calico cat playing a piano on stage","size":"1280x720","seconds":"8","remixed_from_video_id":null,"error":null}"#
        .utf8)

/// The small create request: model, prompt, seconds, size, watermark; no file.
let smallCreate = CreateVideoRequest(
    model: .sora2, prompt: "A calico cat playing a piano on stage, warm spotlight, slow dolly in", seconds: "8",
    size: .landscape, watermark: false)

struct MicroCase: Sendable {
    let name: String
    let what: String
    let run: @Sendable () async throws -> Void
}

func microCases() throws -> [MicroCase] {
    let base = URL(string: "http://127.0.0.1:9/v1")!
    let emptyTransport = MemoryTransport(responseBody: nil)
    let videoTransport = MemoryTransport(responseBody: videoJSON)
    var configuration = ClientConfiguration()
    configuration.retry.maxAttempts = 1
    let soraEmpty = try APIClientCore(
        baseURL: base, defaultServer: nil, token: "sk-micro", transport: emptyTransport, configuration: configuration)
    let soraVideo = try Sora(baseURL: base, token: "sk-micro", transport: videoTransport, configuration: configuration)
    let openAPIEmpty = UniversalClient(serverURL: base, transport: emptyTransport)
    let openAPIVideo = UniversalClient(serverURL: base, transport: videoTransport)
    let converter = Converter(configuration: Configuration())
    let videoData = Data(videoJSON)
    let request = smallCreate

    /// swift-openapi-runtime's multipart body of the same five fields, as generated code builds it.
    @Sendable func openAPIMultipart() throws -> (HTTPFields, HTTPBody) {
        var headers = HTTPFields()
        var parts: [MultipartRawPart] = [
            MultipartRawPart(name: "model", headerFields: [:], body: HTTPBody(request.model.rawValue)),
            MultipartRawPart(name: "prompt", headerFields: [:], body: HTTPBody(request.prompt)),
        ]
        if let seconds = request.seconds {
            parts.append(MultipartRawPart(name: "seconds", headerFields: [:], body: HTTPBody(seconds)))
        }
        if let size = request.size {
            parts.append(MultipartRawPart(name: "size", headerFields: [:], body: HTTPBody(size.rawValue)))
        }
        if let watermark = request.watermark {
            parts.append(MultipartRawPart(name: "watermark", headerFields: [:], body: HTTPBody(String(watermark))))
        }
        let body = try converter.setRequiredRequestBodyAsMultipart(
            MultipartBody(parts), headerFields: &headers, contentType: "multipart/form-data",
            allowsUnknownParts: false, requiredExactlyOncePartNames: ["model", "prompt"],
            requiredAtLeastOncePartNames: [],
            atMostOncePartNames: [
                "seconds", "input_reference", "size", "watermark", "private", "character_url", "character_timestamps",
            ], zeroOrMoreTimesPartNames: [], encoding: { $0 })
        return (headers, body)
    }

    @Sendable func openAPIHead(_ method: HTTPRequest.Method, _ path: String) -> HTTPRequest {
        var head = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        head.headerFields[.accept] = "application/json"
        head.headerFields[.authorization] = "Bearer sk-micro"
        return head
    }

    return [
        MicroCase(
            name: "E1", what: "this runtime: `OperationRequest.setMultipartBody` (validation, form) + `APIClientCore.send`"
                + " (`MultipartBody`), body bytes collected by the transport",
            run: {
                var operation = OperationRequest(operationID: "createVideo", method: .post, path: "/videos")
                try operation.setMultipartBody(request, parts: request.encodeParts(into:))
                _ = try await soraEmpty.send(operation)
            }),
        MicroCase(
            name: "E2", what: "swift-openapi-runtime: `UniversalClient.send` with `Converter.setRequiredRequestBodyAsMultipart`"
                + " of the same five `MultipartRawPart`s, body bytes collected by the transport",
            run: {
                try await openAPIEmpty.send(
                    input: request, forOperation: "createVideo",
                    serializer: { _ in
                        var head = openAPIHead(.post, "/videos")
                        let (fields, body) = try openAPIMultipart()
                        head.headerFields.append(contentsOf: fields)
                        return (head, body)
                    }, deserializer: { _, _ in () })
            }),
        MicroCase(
            name: "E3", what: "swift-openapi-runtime body alone: `Converter.setRequiredRequestBodyAsMultipart` + collecting the bytes",
            run: {
                let (_, body) = try openAPIMultipart()
                let bytes = try await ArraySlice<UInt8>(collecting: body, upTo: 1 << 20)
                if bytes.count < 16 { throw MemoryTransportError() }
            }),
        MicroCase(
            name: "R1", what: "this runtime, no body: `APIClientCore.send` of a GET (per-request cost: headers, transfer watch)",
            run: {
                _ = try await soraEmpty.send(OperationRequest(operationID: "retrieveVideo", method: .get, path: "/videos"))
            }),
        MicroCase(
            name: "R2", what: "swift-openapi-runtime, no body: `UniversalClient.send` of a GET",
            run: {
                try await openAPIEmpty.send(
                    input: (), forOperation: "retrieveVideo", serializer: { _ in (openAPIHead(.get, "/videos"), nil) },
                    deserializer: { _, _ in () })
            }),
        MicroCase(
            name: "T1", what: "the shape of the former `APIClientCore.withTimeout` alone: a task group with the work and a"
                + " `Task.sleep(for: .seconds(120))` timer, first result taken, the rest cancelled",
            run: {
                let value = try await withThrowingTaskGroup(of: Int.self) { group in
                    group.addTask { 1 }
                    group.addTask {
                        try await Task.sleep(for: .seconds(120))
                        throw MemoryTransportError()
                    }
                    defer { group.cancelAll() }
                    guard let first = try await group.next() else { throw MemoryTransportError() }
                    return first
                }
                if value != 1 { throw MemoryTransportError() }
            }),
        MicroCase(
            name: "D1", what: "this runtime: `retrieveVideo` → `OperationResponse.decodeJSON(Video.self)` (full call)",
            run: {
                let video = try await soraVideo.retrieveVideo("video_1")
                if video.createdAt == 0 { throw MemoryTransportError() }
            }),
        MicroCase(
            name: "D2", what: "swift-openapi-runtime: `UniversalClient.send` → `Converter.getResponseBodyAsJSON(PlainVideo.self)`",
            run: {
                let video = try await openAPIVideo.send(
                    input: (), forOperation: "retrieveVideo", serializer: { _ in (openAPIHead(.get, "/videos/video_1"), nil) },
                    deserializer: { _, body in
                        try await converter.getResponseBodyAsJSON(PlainVideo.self, from: body, transforming: { $0 })
                    })
                if video.created_at == 0 { throw MemoryTransportError() }
            }),
        MicroCase(
            name: "D3", what: "`JSONDecoder().decode(Video.self)` (generated `Video`, `OpenStringEnum`s) from `Data`",
            run: {
                let video = try JSONDecoder().decode(Video.self, from: videoData)
                if video.createdAt == 0 { throw MemoryTransportError() }
            }),
        MicroCase(
            name: "D4", what: "`JSONDecoder().decode(PlainVideo.self)` (plain `Codable`, `String` fields) from `Data`",
            run: {
                let video = try JSONDecoder().decode(PlainVideo.self, from: videoData)
                if video.created_at == 0 { throw MemoryTransportError() }
            }),
    ]
}

/// Median time per call of each case: `rounds` rounds, each timing `batch` calls of every case in turn.
func measureMicro(_ cases: [MicroCase], rounds: Int, batch: Int) async throws -> [String: Double] {
    let clock = ContinuousClock()
    for item in cases { for _ in 0..<batch { try await item.run() } }  // warm-up
    var samples: [String: [Double]] = [:]
    for _ in 0..<rounds {
        for item in cases {
            let start = clock.now
            for _ in 0..<batch { try await item.run() }
            samples[item.name, default: []].append(seconds(clock.now - start) / Double(batch))
        }
    }
    return samples.mapValues(median)
}
