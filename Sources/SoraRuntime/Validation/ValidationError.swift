/// One broken rule: which field, which rule, and what would be accepted.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The wire name of the field (nested fields as `parent.child`, array items as `items[2]`).
    public var field: String
    /// The rule's keyword, e.g. `pattern`, `maximum`, `dependentRequired`, `if/then`.
    public var rule: String
    /// What is wrong and what is accepted, for people.
    public var message: String

    /// Creates an issue.
    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}

/// A request that breaks the spec's rules; it lists every violation, not just the first.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The type or operation that was checked.
    public var typeName: String
    /// Every broken rule, in the order the spec lists them.
    public var issues: [ValidationIssue]

    /// Creates an error.
    public init(typeName: String, issues: [ValidationIssue]) {
        self.typeName = typeName
        self.issues = issues
    }

    /// One line: `invalid CreateVideoRequest (2 problems): prompt: …; seconds: …`.
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "invalid \(typeName) (\(count)): " + issues.map(\.description).joined(separator: "; ")
    }
}

/// A value that can check itself against the spec before anything is sent.
public protocol Validatable: Sendable {
    /// Throws every violation of the spec's rules at once.
    func validate() throws(ValidationError)
}

extension Validatable {
    /// Types without rules are always valid.
    public func validate() throws(ValidationError) {}
}
