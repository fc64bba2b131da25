/// Out-of-line storage for a property through which a struct contains itself (a tree's `parent`).
@_spi(Generated) public final class Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The stored value.
    public let value: Value

    /// Boxes a value.
    public init(_ value: Value) { self.value = value }

    /// Compares the boxed values.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs.value == rhs.value }

    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: Encodable where Value: Encodable {
    /// Encodes the value as if it were stored inline.
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension Indirect: Decodable where Value: Decodable {
    /// Decodes the value as if it were stored inline.
    public convenience init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }
}
