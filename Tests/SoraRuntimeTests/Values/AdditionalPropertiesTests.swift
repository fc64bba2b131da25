import Foundation
@_spi(Generated) import SoraRuntime
import Testing

/// `AdditionalProperties`: the keys a model does not name, read beside its properties and written back among them.
@Suite struct AdditionalPropertiesTests {
    private struct Labels: Codable, Equatable {
        var name: String
        var extra: [String: Int]

        enum CodingKeys: String, CodingKey { case name }

        init(name: String, extra: [String: Int]) {
            self.name = name
            self.extra = extra
        }

        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
            extra = try AdditionalProperties.decode(Int.self, from: decoder, excluding: ["name"])
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try AdditionalProperties.encode(extra, to: encoder, excluding: ["name"])
        }
    }

    @Test func unnamedKeysRoundTripAndNamedOnesWin() throws {
        let decoded = try JSONDecoder().decode(Labels.self, from: Data(#"{"name":"n","a":1,"b":2}"#.utf8))
        #expect(decoded == Labels(name: "n", extra: ["a": 1, "b": 2]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let written = try encoder.encode(Labels(name: "n", extra: ["a": 1, "name": 9]))
        #expect(String(decoding: written, as: UTF8.self) == #"{"a":1,"name":"n"}"#)
    }

    @Test func aValueOfAnotherTypeIsSkippedNotFatal() throws {
        let json = #"{"name":"n","a":1,"b":"two","c":null,"d":{"x":1}}"#
        let decoded = try JSONDecoder().decode(Labels.self, from: Data(json.utf8))
        #expect(decoded.extra == ["a": 1])
    }
}
