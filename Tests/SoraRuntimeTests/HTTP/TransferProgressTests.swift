import Foundation
import Synchronization
import Testing

@_spi(Generated) @testable import SoraRuntime

/// `ClientConfiguration.transferProgress` hears the bytes of uploads and of downloads to files as they move, over
/// a real loopback connection.
@Suite struct TransferProgressTests {
    /// Every report the client made, in order.
    final class Reports: Sendable {
        private let list = Mutex<[TransferProgress]>([])
        var all: [TransferProgress] { list.withLock { $0 } }

        func add(_ report: TransferProgress) { list.withLock { $0.append(report) } }
    }

    func configuration(_ reports: Reports) -> ClientConfiguration {
        var configuration = Loopback.configuration
        configuration.transferProgress = { reports.add($0) }
        return configuration
    }

    @Test func anUploadReportsRisingBytesUpToItsKnownLength() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "upload-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: 7, count: 600_000).write(to: file)
        var request = OperationRequest(operationID: "upload", method: .put, path: "/objects")
        request.setBinaryBody(.file(file), contentType: "application/octet-stream")
        let reports = Reports()
        let server = try Loopback.server()
        defer { server.stop() }
        _ = try await Loopback.withCore(server, configuration: configuration(reports)) { try await $0.send(request) }
        let uploads = reports.all
        #expect(!uploads.isEmpty)
        #expect(uploads.allSatisfy { $0.direction == .upload && $0.operationID == "upload" && $0.total == 600_000 })
        #expect(uploads.map(\.bytes) == uploads.map(\.bytes).sorted())
        #expect(uploads.last?.bytes == 600_000)
        #expect(server.requests.first?.body?.count == 600_000)
    }

    @Test func aDownloadToAFileReportsTheBytesInTheFileAndTheirTotal() async throws {
        let body = String(repeating: "v", count: 300_000)
        let server = try Loopback.server(
            Loopback.Answer(headers: [("Content-Type", "video/mp4")], body: body))
        defer { server.stop() }
        let destination = FileManager.default.temporaryDirectory.appending(path: "download-\(UUID().uuidString).mp4")
        defer { try? FileManager.default.removeItem(at: destination) }
        let reports = Reports()
        let file = try await Loopback.withCore(server, configuration: configuration(reports)) {
            try await $0.download(
                OperationRequest(operationID: "content", method: .get, path: "/content"), to: destination)
        }
        #expect(file.byteCount == 300_000)
        let downloads = reports.all
        #expect(!downloads.isEmpty)
        #expect(downloads.allSatisfy { $0.direction == .download && $0.total == 300_000 })
        #expect(downloads.last?.bytes == 300_000)
    }

    @Test func aJSONAnswerAndARequestWithoutABodyReportNothing() async throws {
        let reports = Reports()
        let server = try Loopback.server()
        defer { server.stop() }
        _ = try await Loopback.withCore(server, configuration: configuration(reports)) {
            try await $0.send(OperationRequest(operationID: "read", method: .get, path: "/things"))
        }
        #expect(reports.all.isEmpty)
    }
}
