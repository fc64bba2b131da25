import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// The exact bytes of RFC 7578 bodies, header escaping, the boundary check and streaming from disk.
@Suite struct MultipartBodyTests {
    static let boundary = "XyZ-boundary"

    // MARK: Escaping

    @Test(arguments: [
        ("prompt", "prompt"),
        ("a\"b", "a%22b"),
        ("a\rb", "a%0Db"),
        ("a\nb", "a%0Ab"),
        ("x\r\nContent-Type: text/html", "x%0D%0AContent-Type: text/html"),
        ("画面 1.png", "画面 1.png"),
        ("100%.png", "100%.png"),
        ("", ""),
    ])
    func escape(value: String, escaped: String) {
        #expect(MultipartBody.escape(value) == escaped)
    }

    @Test func namesAndFilenamesAreEscapedInTheBody() async throws {
        var form = MultipartForm()
        form.append("evil\"\r\nX-Injected: 1", "v")
        form.append("file", FileUpload.data(Data("hi".utf8), filename: "a\"b\n.txt", contentType: "text/plain"))
        let body = try await bytes(of: form)
        #expect(
            String(decoding: body, as: UTF8.self)
                == lines(
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"evil%22%0D%0AX-Injected: 1\"",
                    "",
                    "v",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a%22b%0A.txt\"",
                    "Content-Type: text/plain",
                    "",
                    "hi",
                    "--XyZ-boundary--",
                    ""
                ))
    }

    // MARK: Exact bytes

    @Test func contentTypeNamesTheBoundary() {
        #expect(MultipartBody(boundary: "abc").contentType == "multipart/form-data; boundary=abc")
    }

    @Test func randomBoundariesDifferAndAreTokenSafe() {
        let first = MultipartBody.randomBoundary()
        let second = MultipartBody().boundary
        #expect(first != second)
        #expect(first.hasPrefix("sora-"))
        #expect(first.count > "sora-".count + 8 && first.count <= 70)
        #expect(first.dropFirst(5).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func emptyFormIsTheClosingDelimiter() async throws {
        let (segments, length) = try MultipartBody(boundary: Self.boundary).segments(for: MultipartForm())
        #expect(length == 18)
        #expect(try await collect(segments, chunkSize: 4) == Array("--XyZ-boundary--\r\n".utf8))
    }

    @Test func textJSONAndDataPartsInOrder() async throws {
        var form = MultipartForm()
        form.append("model", "sora-2")
        form.append("watermark", true)
        form.append("tags", ["a", "b"])
        form.appendJSON("meta", ["k": "v/w"])
        form.append("image", FileUpload.data(Data([0xFF, 0xD8, 0xFF, 0x00]), filename: "x.bin"))
        form.append("skipped", String?.none)
        form.append("none", FileUpload?.none)
        let body = try await bytes(of: form)
        let expected =
            Array(
                lines(
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"model\"",
                    "",
                    "sora-2",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"watermark\"",
                    "",
                    "true",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"tags\"",
                    "",
                    "a",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"tags\"",
                    "",
                    "b",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"meta\"",
                    "Content-Type: application/json",
                    "",
                    "{\"k\":\"v/w\"}",
                    "--XyZ-boundary",
                    "Content-Disposition: form-data; name=\"image\"; filename=\"x.bin\"",
                    "Content-Type: image/jpeg",
                    "",
                    ""
                ).utf8) + [0xFF, 0xD8, 0xFF, 0x00] + Array("\r\n--XyZ-boundary--\r\n".utf8)
        #expect(body == expected)
    }

    @Test func textKeepsUTF8Untouched() async throws {
        var form = MultipartForm()
        form.append("prompt", "画面动起来 👍🏽")
        let body = try await bytes(of: form)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("\r\n\r\n画面动起来 👍🏽\r\n--XyZ-boundary--\r\n"))
    }

    // MARK: The boundary must not occur in content

    @Test func boundaryInsideATextValueIsRefused() {
        var form = MultipartForm()
        form.append("model", "sora-2")
        form.append("prompt", "before\r\n--XyZ-boundary--\r\nafter")
        #expect(
            segmentsError(form)
                == "invalid request: the multipart boundary appears inside field prompt; use another boundary")
    }

    @Test func boundaryInsideInMemoryDataIsRefused() {
        var form = MultipartForm()
        form.append("input_reference", FileUpload.data(Data("..XyZ-boundary..".utf8), filename: "f"))
        #expect(
            segmentsError(form)
                == "invalid request: the multipart boundary appears inside field input_reference; use another boundary")
    }

    @Test func boundaryInsideJSONIsRefused() {
        var form = MultipartForm()
        form.appendJSON("meta", ["k": "XyZ-boundary"])
        #expect(
            segmentsError(form)
                == "invalid request: the multipart boundary appears inside field meta; use another boundary")
    }

    @Test func boundaryWithOtherCaseIsAllowed() async throws {
        var form = MultipartForm()
        form.append("prompt", "xyz-BOUNDARY")
        #expect(try await bytes(of: form).count > 0)
    }

    // MARK: Files on disk

    @Test func fileStreamsExactBytesInChunksWithTheDeclaredLength() async throws {
        let contents = ContentSnifferTests.png + (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = try temporaryFile(named: "ref image.png", contents: contents)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

        var form = MultipartForm()
        form.append("prompt", "p")
        form.append("input_reference", FileUpload.file(url))
        var writer = MultipartBody(boundary: Self.boundary)
        writer.chunkSize = 4096
        let (segments, length) = try writer.segments(for: form)

        var chunks: [ArraySlice<UInt8>] = []
        for try await chunk in MultipartBodyStream(segments: segments, chunkSize: writer.chunkSize) {
            chunks.append(chunk)
        }
        let streamed = chunks.flatMap { $0 }
        let head = lines(
            "--XyZ-boundary",
            "Content-Disposition: form-data; name=\"prompt\"",
            "",
            "p",
            "--XyZ-boundary",
            "Content-Disposition: form-data; name=\"input_reference\"; filename=\"ref image.png\"",
            "Content-Type: image/png",
            "",
            ""
        )
        #expect(streamed == Array(head.utf8) + contents + Array("\r\n--XyZ-boundary--\r\n".utf8))
        #expect(length == Int64(streamed.count))
        #expect(chunks.allSatisfy { $0.count <= 4096 })
        #expect(chunks.count > contents.count / 4096)
    }

    @Test func bodyCanBeStreamedTwice() async throws {
        let url = try temporaryFile(named: "twice.bin", contents: Array(repeating: 7, count: 10_000))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var form = MultipartForm()
        form.append("f", FileUpload.file(url, contentType: "application/x-test"))
        let (segments, length) = try MultipartBody(boundary: Self.boundary).segments(for: form)
        let first = try await collect(segments, chunkSize: 1000)
        let second = try await collect(segments, chunkSize: 1000)
        #expect(first == second)
        #expect(Int64(first.count) == length)
        #expect(String(decoding: first.prefix(120), as: UTF8.self).contains("Content-Type: application/x-test\r\n"))
    }

    @Test func fileThatShrinksWhileSendingFails() async throws {
        let url = try temporaryFile(named: "shrinks.bin", contents: Array(repeating: 1, count: 5000))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var form = MultipartForm()
        form.append("f", FileUpload.file(url))
        let (segments, _) = try MultipartBody(boundary: Self.boundary).segments(for: form)
        try Data(repeating: 1, count: 100).write(to: url)
        do {
            _ = try await collect(segments, chunkSize: 1000)
            Issue.record("streamed a file that became shorter")
        } catch let error as SoraError {
            #expect(error.description == "invalid request: an uploaded file became shorter while sending")
        }
    }

    @Test func fileThatGrowsWhileSendingSendsTheMeasuredLength() async throws {
        let url = try temporaryFile(named: "grows.bin", contents: Array(repeating: 1, count: 3000))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var form = MultipartForm()
        form.append("f", FileUpload.file(url, contentType: "application/octet-stream"))
        let (segments, length) = try MultipartBody(boundary: Self.boundary).segments(for: form)
        try Data(repeating: 2, count: 9000).write(to: url)
        let streamed = try await collect(segments, chunkSize: 1000)
        #expect(Int64(streamed.count) == length)
        #expect(streamed.filter { $0 == 2 }.count == 3000)
    }

    @Test func everyPassSendsTheFileOpenedWhenTheBodyWasMadeEvenIfThePathNowNamesAnother() async throws {
        // The file is opened once, when the body is made (its type sniffed and its image size checked there), and
        // every pass (a retry) reads that descriptor: what was checked is what is sent, every time.
        let url = try temporaryFile(named: "opened-once.bin", contents: Array(repeating: 1, count: 5000))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var form = MultipartForm()
        form.append("f", FileUpload.file(url, contentType: "application/octet-stream"))
        let (segments, length) = try MultipartBody(boundary: Self.boundary).segments(for: form)
        let replacement = url.deletingLastPathComponent().appending(path: "replacement.bin")
        try Data(repeating: 2, count: 7000).write(to: replacement)
        #expect(rename(replacement.path, url.path) == 0)
        let first = try await collect(segments, chunkSize: 1000)
        let second = try await collect(segments, chunkSize: 1000)
        #expect(first == second)
        #expect(Int64(first.count) == length)
        #expect(first.filter { $0 == 1 }.count == 5000)
        #expect(!first.contains(2))
    }

    @Test func missingFileIsAnInvalidRequest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).png")
        var form = MultipartForm()
        form.append("input_reference", FileUpload.file(url))
        let message = try #require(segmentsError(form))
        #expect(message.hasPrefix("invalid request: cannot read the file for input_reference at \(url.path): "))
    }

    // MARK: Helpers

    private func lines(_ lines: String...) -> String {
        lines.joined(separator: "\r\n")
    }

    private func bytes(of form: MultipartForm) async throws -> [UInt8] {
        let (segments, length) = try MultipartBody(boundary: Self.boundary).segments(for: form)
        let body = try await collect(segments, chunkSize: 64)
        #expect(Int64(body.count) == length)
        return body
    }

    private func collect(_ segments: [MultipartBody.Segment], chunkSize: Int) async throws -> [UInt8] {
        var body: [UInt8] = []
        for try await chunk in MultipartBodyStream(segments: segments, chunkSize: chunkSize) {
            body += chunk
        }
        return body
    }

    /// The description of the error `segments(for:)` throws, or nil.
    private func segmentsError(_ form: MultipartForm) -> String? {
        do throws(SoraError) {
            _ = try MultipartBody(boundary: Self.boundary).segments(for: form)
            return nil
        } catch {
            return error.description
        }
    }

    private func temporaryFile(named name: String, contents: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "MultipartBodyTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url
    }
}
