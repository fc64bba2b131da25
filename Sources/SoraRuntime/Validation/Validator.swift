import Foundation
import Synchronization

/// Collects rule violations for one value; generated `validate()` methods call it once per rule.
@_spi(Generated) public struct Validator: Sendable {
    private let typeName: String
    private var issues: [ValidationIssue] = []

    /// Starts checking a value of the named type.
    public init(_ typeName: String) { self.typeName = typeName }

    /// True when no rule has been broken so far.
    public var isValid: Bool { issues.isEmpty }

    /// Records a violation.
    public mutating func report(_ field: String, rule: String, _ message: String) {
        issues.append(ValidationIssue(field: field, rule: rule, message: message))
    }

    /// Throws the collected violations, if any.
    public func finish() throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(typeName: typeName, issues: issues) }
    }

    /// String rules: length in characters, a regular expression, or a fixed set of values.
    public mutating func check(
        _ value: (some ParameterValue)?, field: String, minLength: Int? = nil, maxLength: Int? = nil,
        pattern: String? = nil, allowed: [String]? = nil
    ) {
        guard let text = value?.parameterText else { return }
        let length = text.unicodeScalars.count  // JSON Schema counts code points
        if let minLength, length < minLength {
            report(field, rule: "minLength", "must be at least \(minLength) characters long, got \(length)")
        }
        if let maxLength, length > maxLength {
            report(field, rule: "maxLength", "must be at most \(maxLength) characters long, got \(length)")
        }
        if let pattern, !PatternCache.shared.matches(text, pattern) {
            report(field, rule: "pattern", "must match \(pattern), got \(Self.quoted(text))")
        }
        if let allowed, !allowed.contains(text) {
            report(field, rule: "const", "must be \(Self.list(allowed)), got \(Self.quoted(text))")
        }
    }

    /// Integer bounds (exclusive bounds arrive as inclusive ones, one step in) and `multipleOf`.
    public mutating func check(
        _ value: Int?, field: String, minimum: Int? = nil, maximum: Int? = nil, multipleOf: Int? = nil,
        allowed: [Int]? = nil
    ) {
        guard let value else { return }
        if let minimum, value < minimum { report(field, rule: "minimum", "must be at least \(minimum), got \(value)") }
        if let maximum, value > maximum { report(field, rule: "maximum", "must be at most \(maximum), got \(value)") }
        if let multipleOf, multipleOf > 0, !value.isMultiple(of: multipleOf) {
            report(field, rule: "multipleOf", "must be a multiple of \(multipleOf), got \(value)")
        }
        if let allowed, !allowed.contains(value) {
            report(field, rule: "enum", "must be \(Self.list(allowed.map(String.init))), got \(value)")
        }
    }

    /// `x-range-length`: `START,END` with END − START within the bounds (e.g. character timestamps).
    public mutating func checkRangeLength(_ value: String?, field: String, minimum: Double, maximum: Double) {
        guard let value else { return }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Double(parts[0].trimmingCharacters(in: .whitespaces)),
            let end = Double(parts[1].trimmingCharacters(in: .whitespaces)), start.isFinite, end.isFinite
        else {
            report(
                field, rule: "x-range-length", "must be START,END in seconds (e.g. 1.5,3.5), got \(Self.quoted(value))")
            return
        }
        let span = end - start
        if !(span >= minimum - 1e-9 && span <= maximum + 1e-9) {
            report(
                field, rule: "x-range-length",
                "END − START must be within \(Self.number(minimum))…\(Self.number(maximum)) seconds, got \(Self.number(span)) (\(value))"
            )
        }
    }

    /// `dependentRequired`: when `field` is present, each of `requires` must be too.
    public mutating func dependentRequired(_ field: String, isPresent: Bool, requires: [(String, Bool)]) {
        guard isPresent else { return }
        for (other, present) in requires where !present {
            report(other, rule: "dependentRequired", "is required when \(field) is given")
        }
    }

    /// `if`/`then`: when every `when` condition holds, every `then` condition must hold.
    public mutating func rule(when conditions: [FieldCondition], then consequences: [FieldCondition], because: String?)
    {
        guard conditions.allSatisfy(\.holds) else { return }
        let reason = conditions.map(\.phrase).joined(separator: " and ")
        for consequence in consequences where !consequence.holds {
            let got = consequence.value.map { ", got \(Self.quoted($0))" } ?? ""
            let rule = because.map { " (\($0))" } ?? ""
            report(consequence.field, rule: "if/then", "must be \(consequence.expectation) when \(reason)\(got)\(rule)")
        }
    }

    /// Checks a nested value and reports its issues under `field.`.
    public mutating func nested(_ value: (some Validatable)?, field: String) {
        guard let value else { return }
        do {
            try value.validate()
        } catch {
            for issue in error.issues {
                report(field + "." + issue.field, rule: issue.rule, issue.message)
            }
        }
    }

    /// Checks each element of an array and reports issues under `field[index].`.
    public mutating func nested(each values: [some Validatable]?, field: String) {
        for (index, value) in (values ?? []).enumerated() {
            nested(value, field: "\(field)[\(index)]")
        }
    }

    /// Applies `rules` (an array's item rules) to each element, named `field[index]`.
    public mutating func each<Element>(
        _ values: [Element]?, field: String, _ rules: (inout Validator, Element, String) -> Void
    ) {
        for (index, value) in (values ?? []).enumerated() { rules(&self, value, "\(field)[\(index)]") }
    }

    /// Applies `rules` (a map's value rules) to each value, named `field.key`, in key order so reports are stable.
    public mutating func each<Value>(
        _ values: [String: Value]?, field: String, _ rules: (inout Validator, Value, String) -> Void
    ) {
        for (key, value) in (values ?? [:]).sorted(by: { $0.key < $1.key }) { rules(&self, value, "\(field).\(key)") }
    }

    static func quoted(_ text: String) -> String {
        "\"" + (text.count > 60 ? text.prefix(57) + "..." : text) + "\""
    }

    static func list(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "one of " + values.joined(separator: ", ")
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6  // spans like 1.999 - 1 print as 0.999, not 0.9989999…
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
