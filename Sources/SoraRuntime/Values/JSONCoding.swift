import Foundation

/// The one place the runtime configures JSON: `decodeJSON`, `setJSONBody`, error payloads and
/// `MultipartForm.appendJSON` all use these coders.
///
/// `Date` values travel as RFC 3339 text: decoding accepts fractional seconds or not, `Z` or an offset
/// (see `RFC3339.date(from:)`) and throws a decoding error for anything else; encoding writes UTC with a
/// fraction only when it is not zero.
@_spi(Generated) public enum JSONCoding {
    /// A decoder with lenient RFC 3339 dates.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an RFC 3339 date-time: \(text.prefix(64))")
            }
            return date
        }
        return decoder
    }

    /// An encoder with sorted keys, unescaped slashes and RFC 3339 dates.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            guard let text = RFC3339.string(from: date) else {
                throw EncodingError.invalidValue(
                    date,
                    EncodingError.Context(
                        codingPath: encoder.codingPath, debugDescription: "the date is outside the years 0000…9999"))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        return encoder
    }
}
