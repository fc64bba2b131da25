/// A value that travels as text: in a path, a query, a header or a form field.
public protocol ParameterValue: Sendable {
    /// The text sent on the wire.
    var parameterText: String { get }
}

extension String: ParameterValue {
    /// The string itself.
    public var parameterText: String { self }
}

extension Int: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Double: ParameterValue {
    /// Swift's shortest round-tripping form.
    public var parameterText: String { String(self) }
}

extension Bool: ParameterValue {
    /// `true` or `false`.
    public var parameterText: String { self ? "true" : "false" }
}
