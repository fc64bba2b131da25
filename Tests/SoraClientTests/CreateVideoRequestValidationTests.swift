import Foundation
import SoraClient
import Testing

/// The rules of `API.md` as the generated `CreateVideoRequest.validate()` enforces them.
@Suite struct CreateVideoRequestValidationTests {
    static let hdReason = "HD sizes only with sora-2-pro (高清分辨率仅 sora-2-pro 模型可用)"
    static let emptyPrompt = ValidationIssue(
        field: "prompt", rule: "minLength", message: "must be at least 1 characters long, got 0")

    /// The issue the `if`/`then` rule reports for an HD size with another model.
    static func hdIssue(model: String) -> ValidationIssue {
        ValidationIssue(
            field: "model", rule: "if/then",
            message: "must be sora-2-pro when size is 1024x1792 or 1792x1024, got \"\(model)\" (\(hdReason))")
    }

    // MARK: Rejected

    @Test func emptyPromptBreaksMinLength() {
        let error = validationError(CreateVideoRequest(model: .sora2, prompt: ""))
        #expect(error?.typeName == "CreateVideoRequest")
        #expect(error?.issues == [Self.emptyPrompt])
    }

    @Test(arguments: ["1.5", "abc", "-4", " 8", "8 ", "8\n", "", "１２", "4e1"])
    func secondsThatAreNotDigitsBreakPattern(seconds: String) {
        let error = validationError(CreateVideoRequest(model: .sora2, prompt: "p", seconds: seconds))
        #expect(
            error?.issues == [
                ValidationIssue(field: "seconds", rule: "pattern", message: "must match ^[0-9]+$, got \"\(seconds)\"")
            ])
    }

    @Test(arguments: [VideoSize.portraitHD, .landscapeHD], [VideoModel.sora2, "sora_video2"])
    func hdSizeNeedsSora2Pro(size: VideoSize, model: VideoModel) throws {
        let error = try #require(validationError(CreateVideoRequest(model: model, prompt: "p", size: size)))
        #expect(error.issues == [Self.hdIssue(model: model.rawValue)])
        let message = try #require(error.issues.first?.message)
        #expect(message.contains("sora-2-pro"))
        #expect(message.contains(size.rawValue))
    }

    @Test func hdSizeSpelledAsUnknownIsStillChecked() {
        // The rule compares wire strings, so a hand-made `.unknown("1792x1024")` cannot slip past it.
        let request = CreateVideoRequest(model: .sora2, prompt: "p", size: .unknown("1792x1024"))
        #expect(validationError(request)?.issues == [Self.hdIssue(model: "sora-2")])
    }

    @Test func characterURLWithoutTimestampsReportsTheMissingTimestamps() {
        let request = CreateVideoRequest(model: .sora2, prompt: "p", characterUrl: "https://example.com/c.mp4")
        #expect(
            validationError(request)?.issues == [
                ValidationIssue(
                    field: "character_timestamps", rule: "dependentRequired",
                    message: "is required when character_url is given")
            ])
    }

    @Test func timestampsWithoutCharacterURLReportTheMissingURL() {
        let request = CreateVideoRequest(model: .sora2, prompt: "p", characterTimestamps: "1.5,3.5")
        #expect(
            validationError(request)?.issues == [
                ValidationIssue(
                    field: "character_url", rule: "dependentRequired",
                    message: "is required when character_timestamps is given")
            ])
    }

    @Test(arguments: [
        ("1,1.5", "0.5"),
        ("0,3.5", "3.5"),
        ("1.5,2.25", "0.75"),
        ("3,1", "-2"),
        ("2,2", "0"),
        ("0,3.01", "3.01"),
    ])
    func timestampSpanOutsideOneToThreeSeconds(timestamps: String, span: String) {
        let error = validationError(character(timestamps))
        #expect(
            error?.issues == [
                ValidationIssue(
                    field: "character_timestamps", rule: "x-range-length",
                    message: "END − START must be within 1…3 seconds, got \(span) (\(timestamps))")
            ])
    }

    @Test(arguments: ["1.5-3.5", "a,b", "1,2,3", "1.5", ",", "inf,1"])
    func malformedTimestampsBreakPatternAndRangeLength(timestamps: String) {
        let error = validationError(character(timestamps))
        let pattern = #"^[0-9]+(\.[0-9]+)?,[0-9]+(\.[0-9]+)?$"#
        #expect(
            error?.issues == [
                ValidationIssue(
                    field: "character_timestamps", rule: "pattern",
                    message: "must match \(pattern), got \"\(timestamps)\""),
                ValidationIssue(
                    field: "character_timestamps", rule: "x-range-length",
                    message: "must be START,END in seconds (e.g. 1.5,3.5), got \"\(timestamps)\""),
            ])
    }

    @Test func timestampsWithSpacesParseButBreakThePattern() {
        let error = validationError(character(" 1,2"))
        #expect(error?.issues.map(\.rule) == ["pattern"])
        #expect(error?.issues.map(\.field) == ["character_timestamps"])
    }

    @Test func everyViolationIsReportedInSpecOrder() throws {
        let request = CreateVideoRequest(model: .sora2, prompt: "", seconds: "abc", size: .landscapeHD)
        let error = try #require(validationError(request))
        #expect(error.issues.map(\.field) == ["prompt", "seconds", "model"])
        #expect(error.issues.map(\.rule) == ["minLength", "pattern", "if/then"])
        #expect(error.issues[0] == Self.emptyPrompt)
        #expect(error.issues[2] == Self.hdIssue(model: "sora-2"))
    }

    @Test func allRuleKindsAtOnce() throws {
        let request = CreateVideoRequest(
            model: "sora_video2", prompt: "", seconds: "4.5", size: .portraitHD,
            characterUrl: "https://example.com/c.mp4")
        let error = try #require(validationError(request))
        #expect(
            error.issues.map { "\($0.field) \($0.rule)" } == [
                "prompt minLength", "seconds pattern", "character_timestamps dependentRequired", "model if/then",
            ])
    }

    @Test func descriptionListsEveryIssueWithItsField() throws {
        let request = CreateVideoRequest(model: .sora2, prompt: "", seconds: "abc", size: .landscapeHD)
        let error = try #require(validationError(request))
        #expect(
            error.description
                == "invalid CreateVideoRequest (3 problems): prompt: must be at least 1 characters long, got 0; "
                + "seconds: must match ^[0-9]+$, got \"abc\"; "
                + "model: must be sora-2-pro when size is 1024x1792 or 1792x1024, got \"sora-2\" (\(Self.hdReason))")
    }

    @Test func descriptionOfOneIssueSaysOneProblem() {
        let error = validationError(CreateVideoRequest(model: .sora2, prompt: ""))
        #expect(
            error?.description
                == "invalid CreateVideoRequest (1 problem): prompt: must be at least 1 characters long, got 0")
    }

    // MARK: Accepted

    @Test func minimalRequestIsValid() {
        #expect(validationError(CreateVideoRequest(model: .sora2, prompt: "画面动起来")) == nil)
    }

    @Test(arguments: [VideoSize.portrait, .landscape])
    func everySDSizeWorksWithSora2(size: VideoSize) {
        #expect(validationError(CreateVideoRequest(model: .sora2, prompt: "p", size: size)) == nil)
    }

    @Test(arguments: VideoSize.knownCases, [VideoModel.sora2Pro, "sora-2-pro"])
    func everySizeWorksWithSora2Pro(size: VideoSize, model: VideoModel) {
        #expect(validationError(CreateVideoRequest(model: model, prompt: "p", size: size)) == nil)
    }

    @Test(arguments: [VideoSize.portrait, .landscape, "1920x1080"])
    func unknownModelWithSDOrUnknownSizeIsValid(size: VideoSize) {
        #expect(validationError(CreateVideoRequest(model: "sora_video2", prompt: "p", size: size)) == nil)
    }

    @Test func hdRuleDoesNotApplyWithoutSize() {
        #expect(validationError(CreateVideoRequest(model: "sora_video2", prompt: "p", size: nil)) == nil)
    }

    @Test(arguments: ["1,2", "0.5,3.5", "1.5,3.5", "0,1", "10,13", "0.1,1.1", "0.3,3.3", "2.25,4"])
    func timestampSpansWithinOneToThreeSecondsAreValid(timestamps: String) {
        #expect(validationError(character(timestamps)) == nil)
    }

    @Test(arguments: ["4", "8", "12", "15"])
    func digitSecondsAreValid(seconds: String) {
        #expect(validationError(CreateVideoRequest(model: .sora2, prompt: "p", seconds: seconds)) == nil)
    }

    @Test(arguments: [true, false], [true, false])
    func watermarkAndPrivateTakeEitherValue(watermark: Bool, isPrivate: Bool) {
        let request = CreateVideoRequest(model: .sora2, prompt: "p", watermark: watermark, private: isPrivate)
        #expect(validationError(request) == nil)
    }

    @Test func everyFieldSetAndValid() {
        let request = CreateVideoRequest(
            model: .sora2Pro, prompt: "画面动起来", seconds: "12",
            inputReference: .data(ImageCheckTests.png(1792, 1024), filename: "ref.png"), size: .landscapeHD,
            watermark: true, private: false, characterUrl: "https://example.com/c.mp4",
            characterTimestamps: "1.5,3.5")
        #expect(validationError(request) == nil)
    }

    // MARK: Helpers

    /// The error `validate()` throws, or nil when the request is valid.
    private func validationError(_ request: CreateVideoRequest) -> ValidationError? {
        do {
            try request.validate()
            return nil
        } catch {
            return error
        }
    }

    /// A request with a character URL and the given timestamps, valid in every other respect.
    private func character(_ timestamps: String) -> CreateVideoRequest {
        CreateVideoRequest(
            model: .sora2, prompt: "p", characterUrl: "https://example.com/c.mp4", characterTimestamps: timestamps)
    }
}
