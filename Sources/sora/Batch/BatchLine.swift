import Foundation
import SoraClient

/// One line of a batch file: the fields of `sora create`, as JSON (`prompt`, `model`, `seconds`, `size`,
/// `input_reference`, `watermark`, `private`, `character_url`, `character_timestamps`).
struct BatchLine: Sendable {
    /// The 1-based line number in the file.
    var number: Int
    /// The request the line describes.
    var request: CreateVideoRequest
    /// The reference image path as written, if any.
    var inputReference: String?
    /// A hash of the line's text (FNV-1a, hex), journaled so a re-run notices an edited line.
    var fingerprint: String

    private struct Fields: Decodable {
        var prompt: String
        var model: String?
        var seconds: String?
        var size: String?
        var inputReference: String?
        var watermark: Bool?
        var `private`: Bool?
        var characterUrl: String?
        var characterTimestamps: String?

        enum CodingKeys: String, CodingKey {
            case prompt, model, seconds, size, watermark
            case inputReference = "input_reference"
            case `private`
            case characterUrl = "character_url"
            case characterTimestamps = "character_timestamps"
        }
    }

    /// The file name of the line's video in the output folder: `line-0001.mp4`.
    var fileName: String { String(format: "line-%04d.mp4", number) }

    /// Reads every non-empty line of `file`; relative reference paths are taken from the file's folder.
    ///
    /// Any unreadable or invalid line is a usage failure naming the line, before anything is sent.
    static func read(_ file: URL) throws(CLIFailure) -> [BatchLine] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw CLIFailure(message: "cannot read \(file.path)", status: .usage)
        }
        var lines: [BatchLine] = []
        var problems: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                lines.append(try parse(trimmed, number: index + 1, folder: file.deletingLastPathComponent()))
            } catch {
                problems.append("line \(index + 1): \(error.message)")
            }
        }
        guard problems.isEmpty else { throw CLIFailure(message: problems.joined(separator: "; "), status: .usage) }
        guard !lines.isEmpty else { throw CLIFailure(message: "\(file.path) has no lines", status: .usage) }
        return lines
    }

    /// One line, validated as `sora create` validates its flags.
    static func parse(_ text: String, number: Int, folder: URL) throws(CLIFailure) -> BatchLine {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(text.utf8))
        } catch {
            throw CLIFailure(message: Self.reason(error), status: .usage)
        }
        let reference = fields.inputReference.map { URL(filePath: $0, relativeTo: folder).standardizedFileURL }
        let request = CreateVideoRequest(
            model: VideoModel(rawValue: fields.model ?? "sora-2"), prompt: fields.prompt, seconds: fields.seconds,
            inputReference: reference.map { .file($0) }, size: fields.size.map(VideoSize.init(rawValue:)),
            watermark: fields.watermark, private: fields.private, characterUrl: fields.characterUrl,
            characterTimestamps: fields.characterTimestamps)
        try CreateCommand.check(request, inputReference: reference?.path, naming: .jsonFields)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return BatchLine(
            number: number, request: request, inputReference: reference?.path,
            fingerprint: String(hash, radix: 16))
    }

    /// What is wrong with a line that does not decode, naming the field and what it takes.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return "missing \"\(key.stringValue)\" (every line needs a prompt)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            guard let key = context.codingPath.first?.stringValue else {
                return "not a JSON object (a line is {\"prompt\": \"…\", …})"
            }
            switch key {
            case "watermark", "private": return "\"\(key)\" must be true or false"
            case "seconds": return "\"seconds\" must be a string of digits, such as \"8\" (the API takes text)"
            default: return "\"\(key)\" must be a string"
            }
        default:
            return "not valid JSON (a line is one object, such as {\"prompt\": \"a cat\", \"seconds\": \"4\"})"
        }
    }
}
