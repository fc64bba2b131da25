import Foundation

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

extension Int32: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Int64: ParameterValue {
    /// Decimal digits.
    public var parameterText: String { String(self) }
}

extension Float: ParameterValue {
    /// Swift's shortest round-tripping form.
    public var parameterText: String { String(self) }
}

extension Date: ParameterValue {
    /// RFC 3339 in UTC (`2024-05-06T07:08:09Z`, a fraction only when not zero); the raw seconds since 1970
    /// for a date outside the years 0000…9999.
    public var parameterText: String { RFC3339.string(from: self) ?? String(timeIntervalSince1970) }
}

extension JSONValue: ParameterValue {
    /// A string as it is, a number in its shortest form (`5`, not `5.0`), `true`/`false`, `null` as empty
    /// text, and an array or object as compact JSON.
    public var parameterText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value.parameterText
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : value.parameterText
        case .string(let value): return value
        case .array, .object:
            return String(decoding: (try? JSONCoding.encoder().encode(self)) ?? Data(), as: UTF8.self)
        }
    }
}
