/// A string enum that keeps values it does not know (`unknown(String)`), so a new server value never
/// breaks decoding and a relay's own model ids can be sent.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible, ParameterValue
where RawValue == String {
    /// Creates a value from its wire string; never fails.
    init(rawValue: String)
    /// The values the spec lists.
    static var knownCases: [Self] { get }
}

extension OpenStringEnum {
    /// Creates a value from a string literal, e.g. `"sora-2-pro"` or a relay's own id.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The wire string.
    public var description: String { rawValue }

    /// The wire string.
    public var parameterText: String { rawValue }

    /// True when the value is one the spec lists.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// Decodes any string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
