/// What generated models with `properties` and `additionalProperties` call to keep the keys the spec does not
/// name: decoded into a dictionary beside the named properties, and written back among them.
@_spi(Generated) public enum AdditionalProperties {
    /// Every key of the JSON object being decoded that is not in `known`, decoded as `Value`; a key whose value is
    /// not a `Value` is skipped, so a server's new or odd key never fails the whole answer.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from decoder: any Decoder, excluding known: Set<String>
    ) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [String: Value] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            if let value = try? container.decode(Value.self, forKey: key) { values[key.stringValue] = value }
        }
        return values
    }

    /// Writes `values` into the JSON object being encoded, beside the named properties (which win on a clash).
    public static func encode<Value: Encodable>(
        _ values: [String: Value], to encoder: any Encoder, excluding known: Set<String>
    ) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in values.keys.sorted() where !known.contains(key) {
            try container.encode(values[key], forKey: AnyCodingKey(key))
        }
    }
}
