/// A number from the spec, kept exactly as its canonical text so bounds beyond Int64 lose nothing.
public struct SpecNumber: Sendable, Hashable, CustomStringConvertible {
    /// Canonical text: base-10 digits for integers (`-12`, `18446744073709551616`), Swift's form for floats.
    public let text: String
    /// The value as an Int when it is an integer that fits.
    public let integer: Int?
    /// The value as a Double (may be rounded or infinite for huge integers).
    public let double: Double
    /// True when the spec wrote an integer (in any YAML integer form).
    public let isInteger: Bool

    /// Creates a number from canonical integer digits.
    init(integerDigits: String) {
        text = integerDigits
        integer = Int(integerDigits)
        double = Double(integerDigits) ?? (integerDigits.hasPrefix("-") ? -.infinity : .infinity)
        isInteger = true
    }

    /// Creates a number from a floating-point value; integral values that fit Int count as integers.
    init(double value: Double) {
        double = value
        if value.isFinite, value == value.rounded(), let exact = Int(exactly: value) {
            integer = exact
            text = String(exact)
            isInteger = true
        } else {
            integer = nil
            text = String(value)
            isInteger = false
        }
    }

    /// The canonical text.
    public var description: String { text }
}
