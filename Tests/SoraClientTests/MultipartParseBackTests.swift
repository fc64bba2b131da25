import Foundation
import HTTPTypes
import MultipartKit
import SoraClient
import Testing

/// The multipart body the client sends, read back by an independent parser (vapor/multipart-kit).
@Suite struct MultipartParseBackTests {
    struct Part: Equatable {
        var headers: [String: String] = [:]
        var body: [UInt8] = []
    }

    @Test func everyFieldSurvivesAnIndependentParser() async throws {
        let image = Array(ImageCheckTests.png(1792, 1024)) + Array(repeating: 0x5A, count: 100_000)
        var request = CreateVideoRequest(
            model: .sora2Pro, prompt: "画面动起来 \"quoted\"\r\nsecond line", seconds: "12", size: .landscapeHD,
            watermark: false, private: true, characterUrl: "https://example.com/c.mp4", characterTimestamps: "1.5,3.5")
        request.inputReference = .data(Data(image), filename: "ref \"x\"\r\n.png")
        let transport = RecordingTransport(body: SoraClientRequestTests.queuedVideo)
        var configuration = ClientConfiguration()
        configuration.multipartBoundary = { "parse-back-boundary" }
        let sora = try Sora(
            baseURL: SoraClientRequestTests.baseURL, token: SoraClientRequestTests.token, transport: transport,
            configuration: configuration)
        _ = try await sora.createVideo(request)
        let call = try #require(await transport.calls.first)
        let body = try #require(call.body)
        #expect(call.bodyLength == .known(Int64(body.count)))

        var parts: [Part] = []
        var current = Part()
        let parser = MultipartParser(boundary: "parse-back-boundary")
        parser.onHeader = { name, value in current.headers[name.lowercased()] = value }
        parser.onBody = { buffer in current.body += buffer.readableBytesView }
        parser.onPartComplete = {
            parts.append(current)
            current = Part()
        }
        try parser.execute(body)

        let names = parts.map { $0.headers["content-disposition"] ?? "" }
        #expect(
            names == [
                "form-data; name=\"model\"", "form-data; name=\"prompt\"", "form-data; name=\"seconds\"",
                "form-data; name=\"input_reference\"; filename=\"ref %22x%22%0D%0A.png\"", "form-data; name=\"size\"",
                "form-data; name=\"watermark\"", "form-data; name=\"private\"", "form-data; name=\"character_url\"",
                "form-data; name=\"character_timestamps\"",
            ])
        let texts = parts.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(texts[0] == "sora-2-pro")
        #expect(texts[1] == "画面动起来 \"quoted\"\r\nsecond line")
        #expect(
            Array(texts[2...2] + texts[4...]) == [
                "12", "1792x1024", "false", "true", "https://example.com/c.mp4", "1.5,3.5",
            ])
        #expect(parts[3].headers["content-type"] == "image/png")
        #expect(parts[3].body == image)
        #expect(parts.allSatisfy { !String(decoding: $0.body, as: UTF8.self).contains("parse-back-boundary") })
    }

    @Test(arguments: [10, 65_530])
    func aFileContainingTheBoundaryIsNeverSentCorrupted(_ offset: Int) async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "boundary-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        let content =
            Array(repeating: UInt8(ascii: "a"), count: offset) + Array("--fixed-boundary".utf8)
            + Array(repeating: UInt8(ascii: "b"), count: 70_000)
        try Data(content).write(to: file)
        var configuration = ClientConfiguration()
        configuration.multipartBoundary = { "fixed-boundary" }
        configuration.retry = .none
        configuration.checksImageSize = false
        let sora = try Sora(
            baseURL: SoraClientRequestTests.baseURL, token: SoraClientRequestTests.token,
            transport: RecordingTransport(body: SoraClientRequestTests.queuedVideo), configuration: configuration)
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .file(file)
        do {
            _ = try await sora.createVideo(request)
            Issue.record("a body containing its own boundary was sent")
        } catch {
            guard case SoraError.invalidRequest(let message) = error else { throw error }
            #expect(message.contains("contains the multipart boundary"))
        }
    }
}
