import Testing

@testable import SoraMockServer

/// Each create rule of API.md, over real HTTP: the 400 envelope names the field and says why.
@Suite struct CreateRulesTests {
    /// A rule-breaking form and the exact `param`, `code` and message expected.
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let fields: [(String, String)]
        let param: String
        let code: String
        let message: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "model missing", fields: [("prompt", "p")], param: "model", code: "missing_required_parameter",
            message: "Missing required parameter: 'model'."),
        Case(
            label: "prompt missing", fields: [("model", "sora-2")], param: "prompt",
            code: "missing_required_parameter", message: "Missing required parameter: 'prompt'."),
        Case(
            label: "prompt empty", fields: [("model", "sora-2"), ("prompt", "")], param: "prompt",
            code: "missing_required_parameter", message: "Missing required parameter: 'prompt'."),
        Case(
            label: "seconds not digits", fields: [("model", "sora-2"), ("prompt", "p"), ("seconds", "8.0")],
            param: "seconds", code: "invalid_value",
            message: "'seconds' must be a string of digits within 1...600 such as \"8\", got '8.0'."),
        Case(
            label: "size unknown", fields: [("model", "sora-2"), ("prompt", "p"), ("size", "640x480")],
            param: "size", code: "invalid_value",
            message: "'size' must be one of 1024x1792, 1280x720, 1792x1024, 720x1280, got '640x480'."),
        Case(
            label: "HD size without pro", fields: [("model", "sora-2"), ("prompt", "p"), ("size", "1792x1024")],
            param: "size", code: "invalid_value", message: "Size 1792x1024 is only available with model 'sora-2-pro'."),
        Case(
            label: "HD size with another id",
            fields: [("model", "sora_video2"), ("prompt", "p"), ("size", "1024x1792")],
            param: "size", code: "invalid_value", message: "Size 1024x1792 is only available with model 'sora-2-pro'."),
        Case(
            label: "watermark not boolean", fields: [("model", "sora-2"), ("prompt", "p"), ("watermark", "yes")],
            param: "watermark", code: "invalid_value", message: "'watermark' must be 'true' or 'false', got 'yes'."),
        Case(
            label: "private not boolean", fields: [("model", "sora-2"), ("prompt", "p"), ("private", "1")],
            param: "private", code: "invalid_value", message: "'private' must be 'true' or 'false', got '1'."),
        Case(
            label: "character_url alone",
            fields: [("model", "sora-2"), ("prompt", "p"), ("character_url", "https://example.com/c.mp4")],
            param: "character_timestamps", code: "missing_required_parameter",
            message: "'character_timestamps' is required when 'character_url' is given."),
        Case(
            label: "character_timestamps alone",
            fields: [("model", "sora-2"), ("prompt", "p"), ("character_timestamps", "1,2")],
            param: "character_url", code: "missing_required_parameter",
            message: "'character_url' is required when 'character_timestamps' is given."),
        Case(
            label: "timestamps span too short",
            fields: [
                ("model", "sora-2"), ("prompt", "p"), ("character_url", "https://example.com/c.mp4"),
                ("character_timestamps", "1.5,2"),
            ],
            param: "character_timestamps", code: "invalid_value",
            message: "'character_timestamps' end - start must be within 1...3 seconds, got 0.5."),
        Case(
            label: "timestamps span too long",
            fields: [
                ("model", "sora-2"), ("prompt", "p"), ("character_url", "https://example.com/c.mp4"),
                ("character_timestamps", "0,3.5"),
            ],
            param: "character_timestamps", code: "invalid_value",
            message: "'character_timestamps' end - start must be within 1...3 seconds, got 3.5."),
        Case(
            label: "timestamps malformed",
            fields: [
                ("model", "sora-2"), ("prompt", "p"), ("character_url", "https://example.com/c.mp4"),
                ("character_timestamps", "1.5-3.5"),
            ],
            param: "character_timestamps", code: "invalid_value",
            message: "'character_timestamps' must be '{start},{end}' in seconds, e.g. '1.5,3.5', got '1.5-3.5'."),
        Case(
            label: "character_url not a URL",
            fields: [
                ("model", "sora-2"), ("prompt", "p"), ("character_url", "not a url"),
                ("character_timestamps", "1,2"),
            ],
            param: "character_url", code: "invalid_value",
            message: "'character_url' must be an http(s) URL, got 'not a url'."),
    ]

    @Test(arguments: cases)
    func ruleIsEnforced(_ rule: Case) async throws {
        try await withServer { harness in
            let reply = try await harness.create(FormBody(rule.fields))
            #expect(reply.status == 400)
            #expect(reply.error("type") == "invalid_request_error")
            #expect(reply.error("param") == rule.param)
            #expect(reply.error("code") == rule.code)
            #expect(reply.error("message") == rule.message)
            #expect(reply.header("x-request-id")?.hasPrefix("req_") == true)
        }
    }

    @Test func validCombinationsAreAccepted() async throws {
        try await withServer { harness in
            let forms: [[(String, String)]] = [
                [("model", "sora-2-pro"), ("prompt", "p"), ("size", "1792x1024"), ("seconds", "12")],
                [("model", "sora_video2"), ("prompt", "画面动起来"), ("size", "1280x720"), ("watermark", "false")],
                [
                    ("model", "sora-2"), ("prompt", "p"), ("private", "true"),
                    ("character_url", "https://example.com/c.mp4"), ("character_timestamps", "1.5,3.5"),
                ],
                [("model", "sora-2"), ("prompt", "p"), ("unknown_field", "ignored")],
            ]
            for fields in forms {
                let reply = try await harness.create(FormBody(fields))
                #expect(reply.status == 200, "\(fields): \(String(decoding: reply.body, as: UTF8.self))")
                #expect(reply.json["status"] as? String == "queued")
                #expect(reply.json["prompt"] as? String == fields[1].1)
                #expect(reply.json["model"] as? String == fields[0].1)
            }
        }
    }

    @Test(arguments: [
        ("png", TestImages.png(1280, 720)), ("jpeg", TestImages.jpeg(1280, 720)), ("webp", TestImages.webp(1280, 720)),
    ])
    func inputReferenceOfTheRightSizeIsAccepted(_ kind: String, _ image: [UInt8]) async throws {
        try await withServer { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", "p"), ("size", "1280x720")])
            form.addFile("input_reference", image, filename: "ref.\(kind)", type: "application/octet-stream")
            let reply = try await harness.create(form)
            #expect(reply.status == 200)
        }
    }

    @Test(arguments: [
        ("png", TestImages.png(720, 1280)), ("jpeg", TestImages.jpeg(1024, 1792)),
        ("webp", TestImages.webp(1792, 1024)),
    ])
    func inputReferenceOfAnotherSizeIsRejected(_ kind: String, _ image: [UInt8]) async throws {
        try await withServer { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", "p"), ("size", "1280x720")])
            form.addFile("input_reference", image, filename: "ref.\(kind)", type: "image/\(kind)")
            let reply = try await harness.create(form)
            #expect(reply.status == 400)
            #expect(reply.error("param") == "input_reference")
            #expect(reply.error("code") == "invalid_image_size")
            let got = ImageSize.read(image).map { "\($0.width!)x\($0.height!)" } ?? "?"
            #expect(
                reply.error("message")
                    == "Inpaint image must match the requested width and height: got \(got), expected 1280x720.")
        }
    }

    @Test func inputReferenceMustBeAnImageByContent() async throws {
        try await withServer { harness in
            var form = FormBody([("model", "sora-2"), ("prompt", "p")])
            form.addFile("input_reference", Array("GIF89a not allowed".utf8), filename: "ref.png", type: "image/png")
            let reply = try await harness.create(form)
            #expect(reply.status == 400)
            #expect(reply.error("param") == "input_reference")
            #expect(reply.error("code") == "invalid_image_format")
            #expect(reply.error("message") == "'input_reference' must be a PNG, JPEG or WebP image.")
        }
    }
}
