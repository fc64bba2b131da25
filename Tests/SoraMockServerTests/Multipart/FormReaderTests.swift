import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The create body as it streams in: the source document's sample, malformed bodies, and the upload limit.
@Suite struct FormReaderTests {
    /// The exact bytes the source document's Python sample sends: `name=model;` unquoted, text/plain parts.
    static func pythonSampleBody(boundary: String) -> [UInt8] {
        var lines: [String] = []
        for (name, value) in [
            ("model", "sora_video2"), ("prompt", "画面动起来"), ("seconds", "15"), ("size", "1280x720"),
            ("watermark", "false"),
        ] {
            lines += ["--" + boundary, "Content-Disposition: form-data; name=\(name);", "Content-Type: text/plain", ""]
            lines.append(value)
        }
        lines += ["--" + boundary + "--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test func acceptsThePythonSampleOfTheSourceDocument() async throws {
        try await withServer { harness in
            let boundary = "wL36Yn8afVp8Ag7AmP8qZ0SA4n1v9T"
            let reply = try await harness.send(
                .POST, "/v1/videos", headers: [("Content-type", "multipart/form-data; boundary=\(boundary)")],
                body: Self.pythonSampleBody(boundary: boundary))
            #expect(reply.status == 200)
            #expect(reply.json["object"] as? String == "video")
            #expect(reply.json["model"] as? String == "sora_video2")
            #expect(reply.json["prompt"] as? String == "画面动起来")
            #expect(reply.json["seconds"] as? String == "15")
            #expect(reply.json["size"] as? String == "1280x720")
            #expect(reply.json["status"] as? String == "queued")
            #expect((reply.json["id"] as? String)?.hasPrefix("video_") == true)
            #expect(reply.header("content-type") == "application/json")
        }
    }

    @Test func preambleEpilogueAndOddButLegalHeadersAreAccepted() async throws {
        try await withServer { harness in
            let body =
                "This is a preamble.\r\n--b\r\ncontent-disposition: form-data; name=\"model\"\r\n\r\nsora-2\r\n"
                + "--b\r\nContent-Disposition: form-data; name=prompt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "line one\r\nline two\r\n--b--\r\nAn epilogue that clients may add.\r\n"
            let reply = try await harness.send(
                .POST, "/v1/videos", headers: [("Content-Type", "multipart/form-data; boundary=\"b\"")],
                body: Array(body.utf8))
            #expect(reply.status == 200)
            #expect(reply.json["prompt"] as? String == "line one\r\nline two")
        }
    }

    /// Bodies that are not valid multipart, each with the exact 400 message.
    static let malformed: [(String, String, [UInt8], String)] = [
        (
            "no boundary", "multipart/form-data", Array("--x\r\n\r\n--x--".utf8),
            "The multipart/form-data Content-Type has no usable boundary parameter."
        ),
        (
            "not multipart", "application/x-www-form-urlencoded", Array("model=sora-2&prompt=p".utf8),
            "Content-Type must be multipart/form-data, got 'application/x-www-form-urlencoded'."
        ),
        (
            "truncated", "multipart/form-data; boundary=b",
            Array("--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nsora".utf8),
            "The multipart body ends before its closing boundary."
        ),
        (
            "no closing boundary", "multipart/form-data; boundary=b", Array("garbage without any boundary".utf8),
            "The multipart body ends before its closing boundary."
        ),
        (
            "bad header line", "multipart/form-data; boundary=b",
            Array("--b\r\nNot a header\r\n\r\nx\r\n--b--\r\n".utf8),
            "The multipart body is malformed."
        ),
        (
            "part without name", "multipart/form-data; boundary=b",
            Array("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n".utf8),
            "A multipart part lacks 'Content-Disposition: form-data; name=…'."
        ),
    ]

    @Test(arguments: malformed)
    func malformedBodiesGet400(_ label: String, _ contentType: String, _ body: [UInt8], _ message: String) async throws
    {
        try await withServer { harness in
            let reply = try await harness.send(
                .POST, "/v1/videos", headers: [("Content-Type", contentType)], body: body)
            #expect(reply.status == 400, "\(label)")
            #expect(reply.error("type") == "invalid_request_error")
            #expect(reply.error("message") == message, "\(label)")
            let ok = try await harness.send(.GET, "/v1/videos")
            #expect(ok.status == 200, "server still answers after \(label)")
        }
    }

    @Test func declaredOversizedBodyGets413() async throws {
        try await withServer(maxUploadBytes: 1 << 10) { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", String(repeating: "x", count: 2_000))])
            form.boundary = "b"
            let reply = try await harness.create(form)
            #expect(reply.status == 413)
            #expect(reply.error("code") == "request_too_large")
            #expect(reply.error("message") == "Request body exceeds the limit of 1024 bytes.")
        }
    }

    /// 200 MB streamed (length unknown, so chunked) against a 1 MB limit: 413, and memory does not follow the body.
    @Test func streamedOversizedBodyGets413WithBoundedMemory() async throws {
        try await withServer(maxUploadBytes: 1 << 20) { harness in
            let before = residentKilobytes()
            let reply = try await uploadChunked(harness, megabytes: 200)
            let grown = residentKilobytes() - before
            #expect(reply.status == 413)
            #expect(reply.error("code") == "request_too_large")
            #expect(reply.error("message") == "Request body exceeds the limit of 1048576 bytes.")
            #expect(grown < 64 * 1_024, "resident memory grew by \(grown) KiB")
            #expect(try await harness.send(.GET, "/v1/videos").status == 200)
        }
    }

    private func uploadChunked(_ harness: Harness, megabytes: Int) async throws -> Harness.Reply {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 1 << 20)
        let head = ByteBuffer(string: "--b\r\nContent-Disposition: form-data; name=\"input_reference\"\r\n\r\n")
        var request = HTTPClientRequest(url: harness.origin + "/v1/videos")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(testToken)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=b")
        request.body = .stream(([head] + Array(repeating: chunk, count: megabytes)).async, length: .unknown)
        let response = try await harness.client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 16)
        return Harness.Reply(
            status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }
}

/// `VmRSS` of this process (the in-process server included), in KiB.
func residentKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

extension Array where Element: Sendable {
    /// The elements as an `AsyncSequence`, for streamed request bodies.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
