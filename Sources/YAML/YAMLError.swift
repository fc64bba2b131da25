/// A YAML document that cannot be read, with the place it goes wrong.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words for people (no location prefix).
    public var message: String
    /// Where it goes wrong.
    public var mark: Mark

    /// Creates an error.
    public init(_ message: String, at mark: Mark) {
        self.message = message
        self.mark = mark
    }

    /// `LINE:COLUMN: MESSAGE`.
    public var description: String { "\(mark): \(message)" }
}
