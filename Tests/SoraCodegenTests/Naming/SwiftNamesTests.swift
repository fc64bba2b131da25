import SoraCodegen
import Testing

/// The naming rules, as one table each.
@Suite struct SwiftNamesTests {
    @Test(arguments: [
        ("created_at", "createdAt"), ("video_id", "videoId"), ("private", "`private`"), ("default", "`default`"),
        ("class", "`class`"), ("self", "self_"), ("Type", "type"), ("init", "init_"), ("URL", "url"),
        ("HTTPStatus", "httpStatus"), ("weird name", "weirdName"), ("Idempotency-Key", "idempotencyKey"),
        ("openai-poll-after-ms", "openaiPollAfterMs"), ("4k", "_4k"), ("a.b.c", "aBC"), ("camelCase", "camelCase"),
        ("名字", "u540D5B57"), ("", "empty"), ("in", "`in`"), ("protocol", "`protocol`"),
    ])
    func memberNames(_ name: String, _ expected: String) {
        #expect(SwiftNames.memberName(name) == expected)
    }

    @Test(arguments: [
        ("video_list", "VideoList"), ("APIError", "APIError"), ("Video", "Video"),
        ("create-video.request", "CreateVideoRequest"),
        ("4k", "_4k"), ("http_error", "HttpError"),
    ])
    func typeNames(_ name: String, _ expected: String) {
        #expect(SwiftNames.typeName(name) == expected)
    }

    @Test(arguments: [
        ("1280x720", "VideoSize", "size1280x720"), ("720x1280", "VideoSize", "size720x1280"),
        ("sora-2-pro", "VideoModel", "sora2Pro"), ("sora-2", "VideoModel", "sora2"),
        ("in_progress", "VideoStatus", "inProgress"), ("in-progress", "Status", "inProgress"),
        ("video.deleted", "Object", "videoDeleted"), ("4k", "Resolution", "resolution4k"),
        ("1080p", "Resolution", "resolution1080p"), ("default", "Mode", "`default`"), ("self", "Mode", "self_"),
        ("", "Mode", "empty"), ("a\"b", "QuoteEnum", "aB"),
    ])
    func caseNames(_ value: String, _ type: String, _ expected: String) {
        #expect(SwiftNames.caseName(value, enumType: type) == expected)
    }

    @Test(arguments: [("SoraClient", true), ("_x", true), ("1a", false), ("a-b", false), ("class", false), ("", false)])
    func plainIdentifiers(_ name: String, _ expected: Bool) {
        #expect(SwiftNames.isPlainIdentifier(name) == expected)
    }
}
