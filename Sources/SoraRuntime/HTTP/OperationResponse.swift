import Foundation
import HTTPTypes

/// A successful (or error) answer that generated code decodes.
@_spi(Generated) public struct OperationResponse: Sendable {
    /// The operation it answers.
    public let operationID: String
    /// Status and headers.
    public let response: HTTPResponse
    /// The body, if any.
    public let body: HTTPBody?
    let redact: @Sendable (String) -> String

    /// The most bytes of a JSON body read into memory.
    static let jsonLimit = 32 * 1024 * 1024

    /// Decodes the JSON body.
    public func decodeJSON<T: Decodable>(_ type: T.Type) async throws(SoraError) -> T {
        let data = try await collect(limit: Self.jsonLimit)
        do {
            return try JSONCoding.decoder().decode(T.self, from: data)
        } catch {
            // Decoding errors can quote values from the body (e.g. "invalid String value ..."): redact them too.
            let message = data.isEmpty ? "the answer has no body" : Self.explain(error)
            throw .decoding(
                DecodingFailure(
                    operationID: operationID, message: redact(message), bodyExcerpt: excerpt(data),
                    resourceID: Self.topLevelID(data).map(redact), status: response.status.code))
        }
    }

    /// The body as UTF-8 text (invalid bytes become U+FFFD), read up to the same limit as JSON.
    public func text() async throws(SoraError) -> String {
        String(decoding: try await collect(limit: Self.jsonLimit), as: UTF8.self)
    }

    /// The `id` of a JSON object body (a string, or a number written as text), if it has one.
    static func topLevelID(_ data: Data) -> String? {
        struct Identified: Decodable {
            var id: FlexibleText?
        }
        guard let text = (try? JSONDecoder().decode(Identified.self, from: data))?.id?.text, !text.isEmpty else {
            return nil
        }
        return text
    }

    /// The body as binary content to stream.
    public func binaryContent() -> BinaryContent {
        BinaryContent(
            contentType: response.headerFields[.contentType],
            contentLength: response.headerFields[.contentLength].flatMap { CheckedNumbers.nonNegativeInteger($0) },
            headers: response.headerFields, body: body ?? HTTPBody())
    }

    /// At most `limit` bytes from the start of the body; the rest is never read (a 200 MB error page costs 64 KiB).
    func prefix(_ limit: Int) async -> Data {
        guard let body else { return Data() }
        var data = Data()
        do {
            for try await chunk in body {
                data.append(contentsOf: chunk.prefix(limit - data.count))
                if data.count >= limit { break }
            }
        } catch {
            // A broken or stalled error body still leaves its status and what arrived.
        }
        return data
    }

    private func collect(limit: Int) async throws(SoraError) -> Data {
        guard let body else { return Data() }
        do {
            return Data(try await ArraySlice<UInt8>(collecting: body, upTo: limit))
        } catch let error as SoraError {
            throw error  // a timeout of the watch, as it is
        } catch is CancellationError {
            throw .cancelled(operationID: operationID)
        } catch {
            throw .transport(operationID: operationID, message: redact("reading the response failed: \(error)"))
        }
    }

    func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(300), as: UTF8.self)
        return redact(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func explain(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)) is not \(type)"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null, expected \(type)"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty
            ? "(top level)" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// `{"error": {"message", "type", "param", "code"}}`; `code` may be a string or a number.
struct ErrorEnvelope: Decodable {
    struct Body: Decodable {
        var message: String?
        var type: String?
        var param: String?
        var code: FlexibleText?
    }

    var error: Body
}

/// A JSON string or number read as text.
struct FlexibleText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else {
            text = String(try container.decode(Double.self))
        }
    }
}
