/// A line of Swift code built from trusted text and string literals that are escaped as they are added.
///
/// Text from the spec only ever enters code through `\(literal:)`, which writes it with `SwiftLiteral`, so it
/// cannot change the program. The code is kept as finished text (one string, no token list) because every
/// line is printed exactly once.
public struct Code: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The Swift text, with every literal already escaped.
    public private(set) var text: String

    /// Creates code from generator-written text.
    public init(stringLiteral value: String) { text = value }

    /// Creates code from an interpolation of code and literals.
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Builds a `Code` value from a string interpolation.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        /// Reserves room for the literal parts and typical interpolated names (short code stays a small string).
        public init(literalCapacity: Int, interpolationCount: Int) {
            let estimate = literalCapacity + interpolationCount * 12
            if estimate > 15 { text.reserveCapacity(estimate) }
        }

        /// Appends generator-written text.
        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Appends generator-written text (an identifier or type name that naming rules produced).
        public mutating func appendInterpolation(_ code: String) {
            text += code
        }

        /// Appends a type (built by the generator from naming rules).
        public mutating func appendInterpolation(_ type: SwiftType) {
            type.write(to: &text)
        }

        /// Appends another piece of code.
        public mutating func appendInterpolation(_ code: Code) {
            text += code.text
        }

        /// Appends a string value as an escaped Swift string literal.
        public mutating func appendInterpolation(literal: String) {
            SwiftLiteral.appendString(literal, to: &text)
        }

        /// Appends a list of string values as an array literal of escaped strings.
        public mutating func appendInterpolation(literals: [String]) {
            text += "["
            for (index, value) in literals.enumerated() {
                if index > 0 { text += ", " }
                SwiftLiteral.appendString(value, to: &text)
            }
            text += "]"
        }
    }

    /// Joins pieces of code with a separator.
    public static func joined(_ parts: [Code], separator: String) -> Code {
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text += separator }
            text += part.text
        }
        return Code(stringLiteral: text)
    }
}
