import Foundation
import HTTPTypes
import OpenAPIRuntime
import SoraClient
import Testing

/// Download-to-file: temporary file beside the destination, rename on success, resume with `Range`,
/// and nothing left behind on failure or cancellation.
@Suite struct DownloadTests {
    private let bytes: [UInt8] = Array(0..<10)

    private func client(_ transport: StreamingTransport) throws -> Sora {
        var configuration = ClientConfiguration()
        configuration.retry.baseDelay = .milliseconds(1)
        return try Sora(
            baseURL: URL(string: "https://relay.example.com/v1"), token: "sk-DL", transport: transport,
            configuration: configuration)
    }

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "sora-download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aCompleteDownloadLandsAtTheDestinationOnly() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let transport = StreamingTransport([.init(status: 200, headers: ["Content-Type": "video/mp4"], chunks: [bytes])]
        )
        let file = try await client(transport).downloadVideoContent(
            "video_1", variant: .video, to: dir.appending(path: "out.mp4"))
        #expect(file.byteCount == 10)
        #expect(file.contentType == "video/mp4")
        #expect(try Data(contentsOf: dir.appending(path: "out.mp4")) == Data(bytes))
        #expect(try contents(dir) == ["out.mp4"])
        let request = try #require(await transport.requests.first)
        #expect(request.path == "/videos/video_1/content?variant=video")
        #expect(request.headerFields[.accept] == "video/mp4, image/webp, image/jpeg, application/octet-stream")
    }

    @Test func aBrokenTransferResumesWithRange() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let transport = StreamingTransport([
            .init(status: 200, headers: ["Content-Length": "10"], chunks: [Array(bytes[0..<4])], breaks: true),
            .init(status: 206, headers: ["Content-Range": "bytes 4-9/10"], chunks: [Array(bytes[4...])]),
        ])
        let file = try await client(transport).downloadVideoContent("video_1", to: dir.appending(path: "v.mp4"))
        #expect(file.byteCount == 10)
        #expect(try Data(contentsOf: dir.appending(path: "v.mp4")) == Data(bytes))
        let ranges = await transport.requests.map { $0.headerFields[.range] }
        #expect(ranges == [nil, "bytes=4-"])
        #expect(try contents(dir) == ["v.mp4"])
    }

    @Test func aServerThatIgnoresRangeStartsOver() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let transport = StreamingTransport([
            .init(status: 200, headers: [:], chunks: [Array(bytes[0..<3])], breaks: true),
            .init(status: 200, headers: ["Content-Length": "10"], chunks: [bytes]),
        ])
        _ = try await client(transport).downloadVideoContent("video_1", to: dir.appending(path: "v.mp4"))
        #expect(try Data(contentsOf: dir.appending(path: "v.mp4")) == Data(bytes))
    }

    @Test func aFailureLeavesTheOldDestinationAndNoTemporaryFile() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appending(path: "v.mp4")
        try Data("old".utf8).write(to: destination)
        let transport = StreamingTransport([.init(status: 404, headers: [:], chunks: [Array("nope".utf8)])])
        await #expect(throws: SoraError.self) {
            _ = try await client(transport).downloadVideoContent("video_1", to: destination)
        }
        #expect(try Data(contentsOf: destination) == Data("old".utf8))
        #expect(try contents(dir) == ["v.mp4"])
    }

    @Test func cancellingMidTransferLeavesNoFile() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let transport = StreamingTransport([
            .init(status: 200, headers: [:], chunks: [Array(bytes[0..<2])], stallsAfterChunks: true)
        ])
        let sora = try client(transport)
        let task = Task { () async throws(SoraError) -> DownloadedFile in
            try await sora.downloadVideoContent("video_1", to: dir.appending(path: "v.mp4"))
        }
        try await Task.sleep(for: .milliseconds(150))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case SoraError.cancelled = error else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(try contents(dir) == [])
    }
}
