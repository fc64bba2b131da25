import Foundation
import HTTPTypes

extension OperationResponse {
    /// The most bytes of an error body read; the rest is never read (a 200 MB error page costs 64 KiB).
    static let errorBodyLimit = 64 * 1024

    /// The answer as an `SoraAPIError`: the `{"error": {...}}` envelope's fields when the body has that
    /// shape, else a message from other common shapes (or an excerpt); the body as JSON; and the body
    /// decoded as the type `errorTypes` declares for the status.
    func apiError(errorTypes: ErrorPayloadTypes = ErrorPayloadTypes()) async -> SoraAPIError {
        let raw = await prefix(Self.errorBodyLimit)
        // Redacted before anything reads it, so neither the JSON nor the payload can hold a credential.
        let data = raw.isEmpty ? raw : Data(redact(String(decoding: raw, as: UTF8.self)).utf8)
        var error = SoraAPIError(
            operationID: operationID, status: response.status.code,
            message: data.isEmpty ? response.status.reasonPhrase : excerpt(data),
            requestID: response.headerFields[HTTPField.Name("x-request-id")!],
            retryAfter: RetryAfter.seconds(from: response.headerFields))
        guard !data.isEmpty else { return error }
        let decoder = JSONCoding.decoder()
        error.body = (try? decoder.decode(JSONValue.self, from: data))?.redacted(by: redact)
        if let envelope = try? decoder.decode(ErrorEnvelope.self, from: data) {
            error.message = redact(envelope.error.message ?? error.message)
            error.type = envelope.error.type
            error.code = envelope.error.code?.text
            error.param = envelope.error.param
        } else if let body = error.body {
            error.message = Self.message(in: body) ?? error.message
            if case .object(let members) = body {
                error.code = members["code"]?.scalarText
                error.type = members["type"]?.scalarText
            }
        }
        if let type = errorTypes.type(for: response.status.code) {
            error.storedPayload = Self.decode(type, from: data, with: decoder).map(ErrorPayload.init)
        }
        return error
    }

    private static func decode<T: Decodable & Sendable>(_ type: T.Type, from data: Data, with decoder: JSONDecoder)
        -> T?
    {
        try? decoder.decode(T.self, from: data)
    }

    /// The message of a body that is not the OpenAI envelope: a JSON string, or the first non-empty string
    /// of `message`, `detail`, `error_description`, `error`, `title`, or of the first element of `errors`.
    static func message(in body: JSONValue) -> String? {
        switch body {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .object(let members):
            for key in ["message", "detail", "error_description", "error", "title"] {
                if case .string(let text)? = members[key], let message = message(in: .string(text)) {
                    return message
                }
            }
            if case .array(let errors)? = members["errors"], let first = errors.first, case .object = first {
                return message(in: first)
            }
            return nil
        default:
            return nil
        }
    }
}

extension JSONValue {
    /// The value with `redact` applied to every string and key.
    func redacted(by redact: (String) -> String) -> JSONValue {
        switch self {
        case .string(let text): return .string(redact(text))
        case .array(let values): return .array(values.map { $0.redacted(by: redact) })
        case .object(let members):
            return .object(
                Dictionary(
                    members.map { (redact($0.key), $0.value.redacted(by: redact)) },
                    uniquingKeysWith: { first, _ in first })
            )
        case .null, .bool, .number: return self
        }
    }

    /// A string, or a number or boolean as text; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number, .bool: parameterText
        case .null, .array, .object: nil
        }
    }
}
