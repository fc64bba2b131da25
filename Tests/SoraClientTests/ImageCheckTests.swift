import Foundation
import SoraClient
import Testing

/// The pre-flight check that `input_reference` is an image whose pixel size equals `size`.
@Suite struct ImageCheckTests {
    static let pngHeader: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]

    static func png(_ width: UInt32, _ height: UInt32) -> Data {
        var bytes = pngHeader
        for value in [width, height] {
            bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        }
        return Data(bytes + [8, 2, 0, 0, 0])
    }

    private func issues(_ request: CreateVideoRequest) -> [ValidationIssue] {
        do {
            try request.validate()
            return []
        } catch {
            return error.issues
        }
    }

    @Test func aMatchingImagePasses() {
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .landscape)
        request.inputReference = .data(Self.png(1280, 720))
        #expect(issues(request).isEmpty)
    }

    @Test func aMismatchIsReportedBeforeUpload() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "ref-\(UUID().uuidString).png")
        try Self.png(1280, 720).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
        request.inputReference = .file(file)
        #expect(
            issues(request) == [
                ValidationIssue(
                    field: "input_reference", rule: "x-pixel-size-equals",
                    message: "is 1280x720 pixels but size is 720x1280; the image must match the video size")
            ])
    }

    @Test func somethingThatIsNotAnImageIsReported() {
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .data(Data("GIF89a....".utf8))
        #expect(issues(request).map(\.message) == ["must be a PNG, JPEG or WebP image"])
    }

    @Test func aMissingFileIsReported() {
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .file(URL(filePath: "/nonexistent/ref.png"))
        #expect(issues(request).map(\.rule) == ["x-pixel-size-equals"])
    }

    @Test func theCheckCanBeSwitchedOff() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
        request.inputReference = .data(Self.png(1280, 720))
        ImageCheck.$isEnabled.withValue(false) { #expect(issues(request).isEmpty) }
        let transport = ScriptedTransport([
            .answer(200, body: #"{"id":"v","object":"video","model":"sora-2","status":"queued","created_at":1}"#)
        ])
        var configuration = ClientConfiguration()
        configuration.checksImageSize = false
        let sora = try SoraClient(
            baseURL: URL(string: "https://relay.example.com/v1"), token: "sk-IMG", transport: transport,
            configuration: configuration)
        _ = try await sora.createVideo(request)
        #expect(await transport.calls.count == 1)
    }
}
