/// A condition of an `if`/`then` rule on one field, with JSON Schema's meaning: an absent field satisfies
/// a value condition unless it is also required.
@_spi(Generated) public struct FieldCondition: Sendable, Hashable {
    /// The wire name.
    public var field: String
    /// The field's value as a string, nil when absent.
    public var value: String?
    /// The accepted values (`enum`/`const`); empty when only presence matters.
    public var allowed: [String]
    /// True when the field must be present.
    public var required: Bool

    /// Creates a condition.
    public init(_ field: String, _ value: String?, in allowed: [String], required: Bool) {
        self.field = field
        self.value = value
        self.allowed = allowed
        self.required = required
    }

    /// Whether the value satisfies the condition.
    public var holds: Bool {
        guard let value else { return !required }
        return allowed.isEmpty || allowed.contains(value)
    }

    /// `size is 1024x1792 or 1792x1024`, for messages.
    var phrase: String {
        if allowed.isEmpty { return "\(field) is given" }
        return "\(field) is " + allowed.joined(separator: " or ")
    }

    /// `sora-2-pro`, `one of a, b`, or `given`.
    var expectation: String {
        allowed.isEmpty ? "given" : Validator.list(allowed)
    }
}
