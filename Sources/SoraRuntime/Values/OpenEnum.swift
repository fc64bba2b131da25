/// A raw value an `OpenEnum` can have: an integer, a number or a boolean (strings use `OpenStringEnum`).
public protocol OpenEnumRawValue: Codable, Hashable, Sendable, ParameterValue {}

extension Int: OpenEnumRawValue {}
extension Int32: OpenEnumRawValue {}
extension Int64: OpenEnumRawValue {}
extension Double: OpenEnumRawValue {}
extension Bool: OpenEnumRawValue {}

/// An integer, number or boolean enum that keeps values it does not know (`unknown(RawValue)`), so a new
/// server value never breaks decoding; the non-string sibling of `OpenStringEnum`.
///
/// Generated integer enums conform to `OpenIntEnum`; `OpenNumberEnum` and `OpenBoolEnum` serve hand-written
/// models (the generator writes number and boolean enums as `Double` and `Bool`). Each adds literals.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible, ParameterValue
where RawValue: OpenEnumRawValue {
    /// Creates a value from its wire value; never fails.
    init(rawValue: RawValue)
    /// The values the spec lists.
    static var knownCases: [Self] { get }
}

extension OpenEnum {
    /// The wire value as text.
    public var description: String { rawValue.parameterText }

    /// The wire value as text.
    public var parameterText: String { rawValue.parameterText }

    /// True when the value is one the spec lists.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// Values are equal when they send the same value: `.unknown(1)` equals the case for `1`.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the wire value, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Decodes any value of the raw type.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
    }

    /// Encodes the wire value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An open enum of integers (`type: integer` with `enum:`), writable as an integer literal.
public protocol OpenIntEnum: OpenEnum, ExpressibleByIntegerLiteral where RawValue == Int {}

extension OpenIntEnum {
    /// Creates a value from an integer literal.
    public init(integerLiteral value: Int) { self.init(rawValue: value) }
}

/// An open enum of numbers (`type: number` with `enum:`), writable as a float or integer literal.
public protocol OpenNumberEnum: OpenEnum, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral
where RawValue == Double {}

extension OpenNumberEnum {
    /// Creates a value from a float literal.
    public init(floatLiteral value: Double) { self.init(rawValue: value) }

    /// Creates a value from an integer literal.
    public init(integerLiteral value: Int) { self.init(rawValue: Double(value)) }
}

/// An open enum of booleans (`type: boolean` with `enum:`), writable as `true` or `false`.
public protocol OpenBoolEnum: OpenEnum, ExpressibleByBooleanLiteral where RawValue == Bool {}

extension OpenBoolEnum {
    /// Creates a value from a boolean literal.
    public init(booleanLiteral value: Bool) { self.init(rawValue: value) }
}
