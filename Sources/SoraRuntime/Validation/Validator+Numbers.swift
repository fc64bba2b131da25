/// Rules for numbers and lists: bounds (inclusive and exclusive), `multipleOf`, `minItems`, `maxItems`
/// and `uniqueItems`.
extension Validator {
    /// Number bounds, inclusive and exclusive, and `multipleOf`; NaN breaks every bound.
    public mutating func check(
        _ value: Double?, field: String, minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, multipleOf: Double? = nil,
        allowed: [Double]? = nil
    ) {
        guard let value else { return }
        if let minimum, !(value >= minimum) {
            report(field, rule: "minimum", "must be at least \(minimum), got \(value)")
        }
        if let maximum, !(value <= maximum) {
            report(field, rule: "maximum", "must be at most \(maximum), got \(value)")
        }
        if let exclusiveMinimum, !(value > exclusiveMinimum) {
            report(field, rule: "exclusiveMinimum", "must be greater than \(exclusiveMinimum), got \(value)")
        }
        if let exclusiveMaximum, !(value < exclusiveMaximum) {
            report(field, rule: "exclusiveMaximum", "must be less than \(exclusiveMaximum), got \(value)")
        }
        if let multipleOf, multipleOf > 0, !Self.isMultiple(value, of: multipleOf) {
            report(field, rule: "multipleOf", "must be a multiple of \(multipleOf), got \(value)")
        }
        if let allowed, !allowed.contains(value) {
            report(field, rule: "enum", "must be \(Self.list(allowed.map { String($0) })), got \(value)")
        }
    }

    /// A boolean `enum` or `const` of one value.
    public mutating func check(_ value: Bool?, field: String, allowed: [Bool]) {
        guard let value, !allowed.contains(value) else { return }
        report(field, rule: "enum", "must be \(Self.list(allowed.map { String($0) })), got \(value)")
    }

    /// List length rules, for elements of any type.
    public mutating func checkItems<Element>(
        _ values: [Element]?, field: String, minItems: Int? = nil, maxItems: Int? = nil
    ) {
        guard let values else { return }
        if let minItems, values.count < minItems {
            report(
                field, rule: "minItems", "must have at least \(minItems) \(Self.items(minItems)), got \(values.count)")
        }
        if let maxItems, values.count > maxItems {
            report(
                field, rule: "maxItems", "must have at most \(maxItems) \(Self.items(maxItems)), got \(values.count)")
        }
    }

    /// List length rules and `uniqueItems`, which names the first repeated position.
    public mutating func checkItems<Element: Hashable>(
        _ values: [Element]?, field: String, minItems: Int? = nil, maxItems: Int? = nil, unique: Bool
    ) {
        checkItems(values, field: field, minItems: minItems, maxItems: maxItems)
        guard unique, let values else { return }
        var firstIndex: [Element: Int] = [:]
        for (index, value) in values.enumerated() {
            if let first = firstIndex[value] {
                report(field, rule: "uniqueItems", "must not repeat items; item \(index) repeats item \(first)")
                return
            }
            firstIndex[value] = index
        }
    }

    /// True when `value / divisor` is a whole number, allowing for binary rounding (0.3 is a multiple of 0.1) of a
    /// few units in the last place, and no more (5 000 000.005 is not a multiple of 0.01).
    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        guard value.isFinite else { return false }
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 8 * quotient.ulp
    }

    private static func items(_ count: Int) -> String { count == 1 ? "item" : "items" }
}
