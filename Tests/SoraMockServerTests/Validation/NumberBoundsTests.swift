import Foundation
import Testing

@testable import SoraMockServer

/// Numbers from outside (form fields, query, `Range`, `Content-Length`) at their extremes get a 400/413/416
/// envelope or a clamp, never a trap: the server keeps answering after each.
@Suite struct NumberBoundsTests {
    @Test(arguments: [
        "10000000000000000", "9223372036854775808", "99999999999999999999999999", "0", "601", "-1", "1e300",
        "NaN", "+8", " 8", "0x10",
    ])
    func extremeSecondsAre400(_ seconds: String) async throws {
        try await withServer { harness in
            let reply = try await harness.create(
                FormBody([("model", "sora-2"), ("prompt", "p"), ("seconds", seconds)]))
            #expect(reply.status == 400)
            #expect(reply.error("param") == "seconds")
            #expect(reply.error("message")?.contains("within 1...600") == true)
            #expect(try await harness.send(.GET, "/v1/videos").status == 200)
        }
    }

    @Test func secondsAtTheBoundsMakeContentThatDownloads() async throws {
        try await withServer { harness in
            for seconds in ["1", "600", "0008"] {
                let id = try await harness.createJob(extra: [("seconds", seconds)])
                _ = try await harness.waitUntilDone(id)
                let content = try await harness.send(.GET, "/v1/videos/\(id)/content")
                #expect(content.status == 200)
                #expect(content.body.count > 48 << 10)
            }
        }
    }

    @Test(arguments: ["1e300", "-1", "0", "101", "9223372036854775808", "NaN", "2.5", ""])
    func extremeLimitsAre400(_ limit: String) async throws {
        try await withServer { harness in
            let reply = try await harness.send(.GET, "/v1/videos?limit=\(limit)")
            #expect(reply.status == 400)
            #expect(reply.error("param") == "limit")
        }
    }

    @Test func extremeRangesAreClampedOr416() async throws {
        try await withServer { harness in
            let id = try await harness.createJob()
            _ = try await harness.waitUntilDone(id)
            let path = "/v1/videos/\(id)/content"
            let total = try await harness.send(.GET, path).body.count
            let huge = "99999999999999999999999999"
            let cases: [(String, Int, String?)] = [
                ("bytes=\(huge)-", 416, "bytes */\(total)"),
                ("bytes=\(huge)-\(huge)", 416, "bytes */\(total)"),
                ("bytes=0-\(huge)", 206, "bytes 0-\(total - 1)/\(total)"),
                ("bytes=-\(huge)", 206, "bytes 0-\(total - 1)/\(total)"),
                ("bytes=9223372036854775807-", 416, "bytes */\(total)"),
                ("bytes=-9223372036854775808", 206, "bytes 0-\(total - 1)/\(total)"),
                ("bytes=--1", 200, nil),
                ("bytes=1e300-", 200, nil),
                ("bytes=-0", 416, "bytes */\(total)"),
            ]
            for (range, status, contentRange) in cases {
                let reply = try await harness.send(.GET, path, headers: [("Range", range)])
                #expect(reply.status == status, "\(range)")
                #expect(reply.header("Content-Range") == contentRange, "\(range)")
            }
        }
    }

    @Test(arguments: ["99999999999999999999999999", "9223372036854775808", "-1", "1e300"])
    func extremeContentLengthsDoNotTrap(_ length: String) async throws {
        try await withServer { harness in
            let port = harness.port
            let form = FormBody([("model", "sora-2"), ("prompt", "p")])
            let head =
                "POST /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(testToken)\r\nConnection: close\r\n"
                + "Content-Type: \(form.contentType)\r\nContent-Length: \(length)\r\n\r\n"
            let answer = try await RawSocket.offload {
                let socket = try RawSocket(port: port)
                socket.write(Array(head.utf8) + form.bytes)
                return String(decoding: socket.readAll(limit: 4_096), as: UTF8.self)
            }
            // NIO's parser refuses what is not a length (400); a length over the limit is 413.
            #expect(answer.hasPrefix("HTTP/1.1 400") || answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
            #expect(try await harness.create(form).status == 200)
        }
    }

    @Test func numberHelpersSaturateAndClamp() {
        #expect(CheckedNumber.digits("0042") == .value(42))
        #expect(CheckedNumber.digits("9223372036854775807") == .value(Int.max))
        #expect(CheckedNumber.digits("9223372036854775808") == .tooLarge)
        #expect(CheckedNumber.digits("") == nil)
        #expect(CheckedNumber.digits("-1") == nil)
        #expect(CheckedNumber.digits("１") == nil)
        #expect(CheckedNumber.integer("600", in: 1...600) == 600)
        #expect(CheckedNumber.integer("601", in: 1...600) == nil)
        #expect(CheckedNumber.clamped(1e300) == Int.max)
        #expect(CheckedNumber.clamped(-1e300) == Int.min)
        #expect(CheckedNumber.clamped(Double(Int.max)) == Int.max)
        #expect(CheckedNumber.clamped(.nan, to: 50...2_000) == 50)
        #expect(CheckedNumber.clamped(.infinity, to: 50...2_000) == 2_000)
        #expect(CheckedNumber.clamped(99.9, to: 1...99) == 99)
        #expect(FakeMedia.mp4(seed: "s", seconds: Int.max).count == FakeMedia.mp4(seed: "s", seconds: 4).count)
    }

    @Test func hugeJobDurationsStillAnswer() async throws {
        try await withServer(jobSeconds: 1e300) { harness in
            let id = try await harness.createJob()
            let reply = try await harness.send(.GET, "/v1/videos/\(id)")
            #expect(reply.status == 200)
            #expect(reply.json["status"] as? String == "queued")
            #expect(reply.header("openai-poll-after-ms") == "2000")
        }
    }
}
