import Foundation
@_spi(Generated) import SoraRuntime
import Testing

/// An optional `JSONValue` in a synthesised `Codable` keeps `null` apart from a missing key.
@Suite struct JSONValueNullTests {
    struct Note: Codable, Equatable, Sendable {
        var extra: JSONValue?
        var label: String?
    }

    @Test(arguments: [
        (#"{"extra":null}"#, Note(extra: .null), #"{"extra":null}"#),
        ("{}", Note(), "{}"),
        (#"{"extra":[1,"a"],"label":null}"#, Note(extra: .array([.number(1), .string("a")])), #"{"extra":[1,"a"]}"#),
    ])
    func nullIsAValueAndAMissingKeyIsNil(json: String, expected: Note, written: String) throws {
        let decoded = try JSONDecoder().decode(Note.self, from: Data(json.utf8))
        #expect(decoded == expected)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == written)
    }
}
