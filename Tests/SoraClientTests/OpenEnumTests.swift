import Foundation
import SoraClient
import Testing

/// Open enums keep values this version of the spec does not list, and tasks decode whatever else the server adds.
@Suite struct OpenEnumTests {
    // MARK: Known and unknown values

    @Test(arguments: [
        ("sora-2", VideoModel.sora2),
        ("sora-2-pro", .sora2Pro),
        ("sora_video2", .unknown("sora_video2")),
        ("SORA-2", .unknown("SORA-2")),
        ("", .unknown("")),
    ])
    func modelFromWireString(wire: String, model: VideoModel) {
        #expect(VideoModel(rawValue: wire) == model)
        #expect(model.rawValue == wire)
        #expect(model.description == wire)
        #expect(model.isKnown == VideoModel.knownCases.contains(model))
    }

    @Test(arguments: [
        ("720x1280", VideoSize.portrait),
        ("1280x720", .landscape),
        ("1024x1792", .portraitHD),
        ("1792x1024", .landscapeHD),
        ("1920x1080", .unknown("1920x1080")),
    ])
    func sizeFromWireString(wire: String, size: VideoSize) {
        #expect(VideoSize(rawValue: wire) == size)
        #expect(size.rawValue == wire)
    }

    @Test(arguments: [
        ("queued", VideoStatus.queued),
        ("in_progress", .inProgress),
        ("completed", .completed),
        ("failed", .failed),
        ("cancelled", .unknown("cancelled")),
    ])
    func statusFromWireString(wire: String, status: VideoStatus) {
        #expect(VideoStatus(rawValue: wire) == status)
        #expect(status.rawValue == wire)
    }

    @Test func knownCasesAreTheSpecValuesInSpecOrder() {
        #expect(VideoModel.knownCases.map(\.rawValue) == ["sora-2", "sora-2-pro"])
        #expect(VideoSize.knownCases.map(\.rawValue) == ["720x1280", "1280x720", "1024x1792", "1792x1024"])
        #expect(VideoStatus.knownCases.map(\.rawValue) == ["queued", "in_progress", "completed", "failed"])
        #expect(VideoModel.knownCases.allSatisfy { $0.isKnown })
        #expect(!VideoModel.unknown("sora_video2").isKnown)
    }

    @Test func stringLiteralsWork() {
        let relay: VideoModel = "sora_video2"
        let pro: VideoModel = "sora-2-pro"
        let size: VideoSize = "1792x1024"
        let status: VideoStatus = "in_progress"
        #expect(relay == .unknown("sora_video2"))
        #expect(pro == .sora2Pro)
        #expect(size == .landscapeHD)
        #expect(status == .inProgress)
    }

    // MARK: JSON

    @Test func unknownValuesDecodeAndRoundTrip() throws {
        let json = #"{"model":["sora_video2","sora-2"],"size":["4096x2160","720x1280"],"status":["paused","queued"]}"#
        let decoded = try JSONDecoder().decode(Enums.self, from: Data(json.utf8))
        #expect(decoded.model == [.unknown("sora_video2"), .sora2])
        #expect(decoded.size == [.unknown("4096x2160"), .portrait])
        #expect(decoded.status == [.unknown("paused"), .queued])

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try encoder.encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(Enums.self, from: encoded) == decoded)
    }

    @Test func nonStringEnumValueFailsToDecode() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([VideoStatus].self, from: Data("[1]".utf8))
        }
    }

    @Test func upstreamTaskWithExtraFieldsAndNullsDecodes() throws {
        let json = """
            {"id":"video_123","object":"video","model":"sora-2","status":"queued","progress":0,
            "created_at":1712697600,"completed_at":null,"expires_at":null,"size":"1280x720","seconds":"8",
            "error":null,"remixed_from_video_id":null,"brand_new_field":{"x":1}}
            """
        let video = try JSONDecoder().decode(Video.self, from: Data(json.utf8))
        #expect(
            video
                == Video(
                    id: "video_123", object: "video", model: .sora2, status: .queued, progress: 0,
                    createdAt: 1_712_697_600, completedAt: nil, expiresAt: nil, prompt: nil, size: .landscape,
                    seconds: "8", remixedFromVideoId: nil, error: nil))
        #expect(throws: Never.self) { try video.validate() }
    }

    @Test func failedTaskCarriesItsError() throws {
        let json = """
            {"id":"video_9","object":"video","model":"sora_video2","status":"failed","progress":100,
            "created_at":1712697600,"completed_at":1712697700,"expires_at":1712784100,"prompt":"画面动起来",
            "size":"2048x2048","seconds":"15","remixed_from_video_id":"video_1",
            "error":{"code":"moderation_blocked","message":"Your request was blocked.","extra":true}}
            """
        let video = try JSONDecoder().decode(Video.self, from: Data(json.utf8))
        #expect(video.status == .failed)
        #expect(video.model == .unknown("sora_video2"))
        #expect(video.size == .unknown("2048x2048"))
        #expect(video.prompt == "画面动起来")
        #expect(video.completedAt == 1_712_697_700)
        #expect(video.expiresAt == 1_712_784_100)
        #expect(video.remixedFromVideoId == "video_1")
        #expect(video.error == VideoError(code: "moderation_blocked", message: "Your request was blocked."))
    }

    @Test func taskRoundTripsThroughJSON() throws {
        let video = Video(
            id: "video_1", model: "sora_video2", status: "rendering", progress: 42, createdAt: 1,
            size: "1x1", error: VideoError(code: "c", message: "m"))
        let data = try JSONEncoder().encode(video)
        #expect(try JSONDecoder().decode(Video.self, from: data) == video)
    }

    @Test func taskWithoutStatusIsRejected() throws {
        let json = #"{"id":"video_1","object":"video","model":"sora-2","created_at":1}"#
        do {
            _ = try JSONDecoder().decode(Video.self, from: Data(json.utf8))
            Issue.record("decoded a task without status")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "status")
        }
    }

    @Test func taskListDecodes() throws {
        let json = """
            {"object":"list","data":[{"id":"video_1","object":"video","model":"sora-2","status":"completed",
            "created_at":1}],"first_id":"video_1","last_id":"video_1","has_more":false}
            """
        let list = try JSONDecoder().decode(VideoList.self, from: Data(json.utf8))
        #expect(list.data.map(\.id) == ["video_1"])
        #expect(list.data.first?.status == .completed)
        #expect(list.lastId == "video_1")
        #expect(list.hasMore == false)
    }
}

/// Arrays of each open enum, to decode and encode them inside a JSON document.
private struct Enums: Codable, Equatable {
    var model: [VideoModel]
    var size: [VideoSize]
    var status: [VideoStatus]
}
