import Testing

@testable import SoraMockServer

/// Downloads: valid MP4/WebP/JPEG bytes with the right headers, byte ranges, and no content before completion.
@Suite struct ContentTests {
    @Test func contentOfAnUnfinishedJobIs409() async throws {
        try await withServer(jobSeconds: 5) { harness in
            let id = try await harness.createJob()
            let reply = try await harness.send(.GET, "/v1/videos/\(id)/content")
            #expect(reply.status == 409)
            #expect(reply.error("code") == "video_not_ready")
            #expect(reply.error("message") == "Video '\(id)' is not ready yet; poll until it is completed.")
        }
    }

    @Test func contentOfAFailedJobIs409AndOfAnUnknownOne404() async throws {
        try await withServer { harness in
            let id = try await harness.createJob(prompt: "[fail]")
            _ = try await harness.waitUntilDone(id)
            let failed = try await harness.send(.GET, "/v1/videos/\(id)/content")
            #expect(failed.status == 409)
            #expect(failed.error("code") == "video_failed")
            let unknown = try await harness.send(.GET, "/v1/videos/video_nope/content")
            #expect(unknown.status == 404)
        }
    }

    @Test func eachVariantHasItsTypeLengthAndMagic() async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            _ = try await harness.waitUntilDone(id)
            let video = try await harness.send(.GET, "/v1/videos/\(id)/content")
            #expect(video.status == 200)
            #expect(video.header("content-type") == "video/mp4")
            #expect(video.header("content-length") == String(video.body.count))
            #expect(Array(video.body[4..<8]) == Array("ftyp".utf8))
            #expect(boxTypes(video.body) == ["ftyp", "moov", "mdat"])
            let again = try await harness.send(.GET, "/v1/videos/\(id)/content?variant=video")
            #expect(again.body == video.body)
            let thumbnail = try await harness.send(.GET, "/v1/videos/\(id)/content?variant=thumbnail")
            #expect(thumbnail.header("content-type") == "image/webp")
            #expect(thumbnail.header("content-length") == String(thumbnail.body.count))
            #expect(ImageSize.read(thumbnail.body)?.format == .webp)
            let sprites = try await harness.send(.GET, "/v1/videos/\(id)/content?variant=spritesheet")
            #expect(sprites.header("content-type") == "image/jpeg")
            #expect(sprites.body.starts(with: [0xFF, 0xD8, 0xFF]) && sprites.body.suffix(2) == [0xFF, 0xD9])
            let bad = try await harness.send(.GET, "/v1/videos/\(id)/content?variant=poster")
            #expect(bad.status == 400)
            #expect(bad.error("param") == "variant")
        }
    }

    @Test func differentJobsGetDifferentVideoBytes() {
        let first = FakeMedia.mp4(seed: "video_a", seconds: 4)
        #expect(first == FakeMedia.mp4(seed: "video_a", seconds: 4))
        #expect(first != FakeMedia.mp4(seed: "video_b", seconds: 4))
        #expect(boxTypes(first) == ["ftyp", "moov", "mdat"])
    }

    @Test func rangeRequestsResume() async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            _ = try await harness.waitUntilDone(id)
            let whole = try await harness.send(.GET, "/v1/videos/\(id)/content")
            #expect(whole.header("accept-ranges") == "bytes")
            let total = whole.body.count
            let head = try await harness.send(.GET, "/v1/videos/\(id)/content", headers: [("Range", "bytes=0-99")])
            #expect(head.status == 206)
            #expect(head.header("content-range") == "bytes 0-99/\(total)")
            #expect(head.header("content-length") == "100")
            let rest = try await harness.send(.GET, "/v1/videos/\(id)/content", headers: [("Range", "bytes=100-")])
            #expect(rest.status == 206)
            #expect(rest.header("content-range") == "bytes 100-\(total - 1)/\(total)")
            #expect(head.body + rest.body == whole.body)
            let suffix = try await harness.send(.GET, "/v1/videos/\(id)/content", headers: [("Range", "bytes=-10")])
            #expect(suffix.status == 206)
            #expect(suffix.body == Array(whole.body.suffix(10)))
            let outside = try await harness.send(
                .GET, "/v1/videos/\(id)/content", headers: [("Range", "bytes=\(total)-")])
            #expect(outside.status == 416)
            #expect(outside.header("content-range") == "bytes */\(total)")
        }
    }

    private func boxTypes(_ bytes: [UInt8]) -> [String] {
        var types: [String] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            let size = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard size >= 8 else { return types + ["bad size"] }
            types.append(String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self))
            offset += size
        }
        return offset == bytes.count ? types : types + ["trailing"]
    }
}
