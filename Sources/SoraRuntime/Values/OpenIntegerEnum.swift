/// An integer enum that keeps values it does not know (`unknown(Int)`), so a new server value never breaks
/// decoding.
public protocol OpenIntegerEnum: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible, ParameterValue
where RawValue == Int {
    /// Creates a value from its wire number; never fails.
    init(rawValue: Int)
    /// The values the spec lists.
    static var knownCases: [Self] { get }
}

extension OpenIntegerEnum {
    /// Creates a value from an integer literal.
    public init(integerLiteral value: Int) { self.init(rawValue: value) }

    /// The wire number as text.
    public var description: String { String(rawValue) }

    /// The wire number as text.
    public var parameterText: String { String(rawValue) }

    /// True when the value is one the spec lists.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// Values are equal when they send the same number: `.unknown(1)` equals the case for 1.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the wire number, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Decodes any integer.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }

    /// Encodes the wire number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
