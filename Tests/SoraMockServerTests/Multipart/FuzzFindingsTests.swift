import Testing

/// Inputs that `Fuzz/` (fuzz-multipart) found to crash the server, sent over HTTP: each is a 400 now, and the
/// server keeps answering.
@Suite struct FuzzFindingsTests {
    /// A byte >= 0x80 in a part header name trapped MultipartKit 4.7.1 (index out of range in its 128-entry
    /// table of header name characters) and killed the process.
    @Test(
        arguments: [
            [0xC1], [0x90, 0x8C], [0xFF], Array("Content-Dispositio".utf8) + [0x80],
        ] as [[UInt8]])
    func nonASCIIHeaderNameIs400(_ name: [UInt8]) async throws {
        try await withServer { harness in
            let boundary = "B0undary"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nsora-2\r\n".utf8)
            body += Array("--\(boundary)\r\n".utf8) + name + Array(": form-data; name=\"prompt\"\r\n\r\np\r\n".utf8)
            body += Array("--\(boundary)--\r\n".utf8)
            let reply = try await harness.send(
                .POST, "/v1/videos", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
                body: body)
            #expect(reply.status == 400)
            #expect(reply.error("code") == "invalid_multipart")
            #expect(try await harness.createJob() != "")
        }
    }

    /// Non-ASCII bytes stay fine where they are allowed: header values (a UTF-8 filename) and part bodies.
    @Test func nonASCIIInHeaderValuesAndBodiesIsAccepted() async throws {
        try await withServer { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", "画面动起来 \u{FF}")])
            form.addFile("input_reference", TestImages.png(1280, 720), filename: "参考.png")
            form.parts.append(.init(name: "size", bytes: Array("1280x720".utf8), contentType: "text/plain; charset=ü"))
            let reply = try await harness.create(form)
            #expect(reply.status == 200)
        }
    }
}
