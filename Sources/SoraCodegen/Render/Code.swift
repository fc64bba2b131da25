/// A line of Swift code built from trusted tokens and string literals that the printer escapes.
///
/// Text from the spec only ever enters code through `\(literal:)`, so it cannot change the program.
public struct Code: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// One piece of a line.
    public enum Token: Sendable, Hashable {
        /// Code written by the generator itself (keywords, sanitised identifiers, punctuation).
        case code(String)
        /// A string value that the printer writes as an escaped Swift string literal.
        case literal(String)
    }

    /// The pieces in order.
    public var tokens: [Token]

    /// Creates code from tokens.
    public init(tokens: [Token]) { self.tokens = tokens }

    /// Creates code from generator-written text.
    public init(stringLiteral value: String) { tokens = [.code(value)] }

    /// Creates code from an interpolation of code and literals.
    public init(stringInterpolation: Interpolation) { tokens = stringInterpolation.tokens }

    /// Builds a `Code` value from a string interpolation.
    public struct Interpolation: StringInterpolationProtocol {
        var tokens: [Token] = []

        /// Reserves nothing; tokens are few.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Appends generator-written text.
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { tokens.append(.code(literal)) }
        }

        /// Appends generator-written text (an identifier or type name that naming rules produced).
        public mutating func appendInterpolation(_ code: String) {
            tokens.append(.code(code))
        }

        /// Appends another piece of code.
        public mutating func appendInterpolation(_ code: Code) {
            tokens.append(contentsOf: code.tokens)
        }

        /// Appends a string value as an escaped Swift string literal.
        public mutating func appendInterpolation(literal: String) {
            tokens.append(.literal(literal))
        }

        /// Appends a list of string values as an array literal of escaped strings.
        public mutating func appendInterpolation(literals: [String]) {
            tokens.append(.code("["))
            for (index, value) in literals.enumerated() {
                if index > 0 { tokens.append(.code(", ")) }
                tokens.append(.literal(value))
            }
            tokens.append(.code("]"))
        }
    }

    /// Joins pieces of code with a separator.
    public static func joined(_ parts: [Code], separator: String) -> Code {
        var tokens: [Token] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { tokens.append(.code(separator)) }
            tokens.append(contentsOf: part.tokens)
        }
        return Code(tokens: tokens)
    }
}
