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

    /// The issues `createVideo` reports for `request` and how many requests reached the server (none when the
    /// check fails: it runs when the file is opened, before any byte is sent).
    private func issues(
        _ request: CreateVideoRequest, configuration: ClientConfiguration = ClientConfiguration()
    ) async throws -> (issues: [ValidationIssue], calls: Int) {
        let transport = ScriptedTransport([
            .answer(200, body: #"{"id":"v","object":"video","model":"sora-2","status":"queued","created_at":1}"#)
        ])
        let sora = try Sora(
            baseURL: URL(string: "https://relay.example.com/v1"), token: "sk-IMG", transport: transport,
            configuration: configuration)
        do {
            _ = try await sora.createVideo(request)
            return ([], await transport.calls.count)
        } catch {
            guard case .validation(let failure) = error else { throw error }
            #expect(failure.typeName == "CreateVideoRequest")
            return (failure.issues, await transport.calls.count)
        }
    }

    @Test func aMatchingImagePasses() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .landscape)
        request.inputReference = .data(Self.png(1280, 720))
        let result = try await issues(request)
        #expect(result.issues.isEmpty)
        #expect(result.calls == 1)
    }

    @Test func aMismatchIsReportedBeforeUpload() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "ref-\(UUID().uuidString).png")
        try Self.png(1280, 720).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
        request.inputReference = .file(file)
        let result = try await issues(request)
        #expect(
            result.issues == [
                ValidationIssue(
                    field: "input_reference", rule: "x-pixel-size-equals",
                    message: "is 1280x720 pixels but size is 720x1280; the image must match the video size")
            ])
        #expect(result.calls == 0)
    }

    @Test func theValueAloneValidatesWithoutReadingFiles() throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
        request.inputReference = .file(URL(filePath: "/nonexistent/ref.png"))
        try request.validate()
    }

    @Test func somethingThatIsNotAnImageIsReported() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .data(Data("GIF89a....".utf8))
        let result = try await issues(request)
        #expect(result.issues.map(\.message) == ["must be a PNG, JPEG or WebP image"])
        #expect(result.calls == 0)
    }

    @Test func aMissingFileIsAnInvalidRequestNamingTheField() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .file(URL(filePath: "/nonexistent/ref.png"))
        await #expect {
            _ = try await issues(request)
        } throws: { error in
            guard case SoraError.invalidRequest(let message) = error else { return false }
            return message.hasPrefix("cannot read the file for input_reference at /nonexistent/ref.png: ")
        }
    }

    @Test func aDirectoryIsNotSent() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p")
        request.inputReference = .file(FileManager.default.temporaryDirectory)
        await #expect {
            _ = try await issues(request)
        } throws: { error in
            guard case SoraError.invalidRequest(let message) = error else { return false }
            return message.hasSuffix("it is not a regular file")
        }
    }

    @Test func theCheckCanBeSwitchedOff() async throws {
        var request = CreateVideoRequest(model: .sora2, prompt: "p", size: .portrait)
        request.inputReference = .data(Self.png(1280, 720))
        var configuration = ClientConfiguration()
        configuration.checksImageSize = false
        let result = try await issues(request, configuration: configuration)
        #expect(result.issues.isEmpty)
        #expect(result.calls == 1)
    }
}
