import Foundation
import Hummingbird

/// Upstream also takes create as JSON (`CreateVideoJsonBody`); this maps it onto the same fields and rules.
enum JSONCreateBody {
    /// Reads a JSON create body of at most `limit` bytes into the fields multipart would carry.
    static func read(_ body: RequestBody, limit: Int) async throws -> ParsedForm {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch {
            throw FormReader.tooLarge(limit)
        }
        guard let object = try? JSONDecoder().decode([String: Scalar].self, from: Data(buffer.readableBytesView))
        else {
            throw MockAPIError.invalid(nil, "The request body must be a JSON object.", code: "invalid_json")
        }
        var form = ParsedForm()
        for (name, value) in object where FormReader.textFields.contains(name) {
            switch value {
            case .string(let string): form.fields[name] = string
            case .bool(let flag): form.fields[name] = flag ? "true" : "false"
            case .other(let kind):
                throw MockAPIError.invalid(
                    name, "'\(name)' must be a string, got \(kind); e.g. \"seconds\": \"8\".", code: "invalid_type")
            }
        }
        if object["input_reference"] != nil {
            throw MockAPIError.invalid(
                "input_reference", "The mock takes 'input_reference' only as a multipart file upload.",
                code: "unsupported_parameter")
        }
        return form
    }

    /// A member value: strings and booleans are usable, anything else is named in the error.
    private enum Scalar: Decodable {
        case string(String)
        case bool(Bool)
        case other(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if (try? container.decode(Double.self)) != nil {
                self = .other("a number")
            } else if container.decodeNil() {
                self = .other("null")
            } else {
                self = .other("an array or object")
            }
        }
    }
}
