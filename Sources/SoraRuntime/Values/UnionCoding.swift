/// What generated `oneOf`/`anyOf` types call to decode and encode: the algorithms live here once.
@_spi(Generated) public enum UnionCoding {
    /// The string value of `key` in the JSON object being decoded, or nil when it is absent, not a string, or the
    /// value is not an object.
    public static func discriminator(_ key: String, in decoder: any Decoder) -> String? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        return try? container.decodeIfPresent(String.self, forKey: AnyCodingKey(key))
    }

    /// Decodes `type` from `decoder`, or nil when the value is not one.
    public static func attempt<T: Decodable>(_ type: T.Type, from decoder: any Decoder) -> T? {
        try? T(from: decoder)
    }
}

/// A coding key for any string, for keys only known at run time.
@_spi(Generated) public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key.
    public var stringValue: String
    /// Always nil: these keys name object members.
    public var intValue: Int? { nil }

    /// Creates a key.
    public init(_ key: String) { stringValue = key }

    /// Creates a key.
    public init?(stringValue: String) { self.stringValue = stringValue }

    /// Integer keys are not used.
    public init?(intValue: Int) { nil }
}
