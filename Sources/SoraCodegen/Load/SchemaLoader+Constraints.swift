import YAML

/// Validation keywords: string lengths and `pattern`, number bounds (3.0 and 3.1 forms), array sizes, and
/// `x-range-length`. A keyword on the wrong kind of value, or with a value of the wrong type, is ignored with a
/// warning: real documents have them, and the server checks anyway.
extension SpecLoader {
    /// Reads the keywords that apply to the schema's kind. The others are reported as ignored unless
    /// `warnsInapplicable` is false: one alternative of a `type` list is not the place to judge them.
    mutating func loadConstraints(
        _ keywords: SchemaKeywords, into schema: inout Schema, warnsInapplicable: Bool = true
    ) {
        var constraints = schema.constraints  // `enum`/`const` may have set `allowed`
        let applicable = applicableKeywords(schema.kind)
        if warnsInapplicable { warnInapplicable(keywords, kinds: [schema.kind]) }
        func has(_ keyword: SchemaKeywords.Keyword) -> MappingEntry? {
            applicable.contains(keyword) ? keywords[keyword] : nil
        }
        if let node = has(.pattern)?.value {
            if let pattern = node.scalar.flatMap({ if case .string(let text) = $0.value { text } else { nil } }) {
                constraints.pattern = pattern
                patterns.check(pattern, at: node.mark)
            } else {
                diagnostics.warning("'pattern' must be a string, found \(describe(node)); ignored", at: node.mark)
            }
        }
        constraints.minLength = has(.minLength).flatMap { count($0.value, "'minLength'") }
        constraints.maxLength = has(.maxLength).flatMap { count($0.value, "'maxLength'") }
        constraints.minimum = has(.minimum).flatMap { number($0.value, "'minimum'") }
        constraints.maximum = has(.maximum).flatMap { number($0.value, "'maximum'") }
        constraints.multipleOf = has(.multipleOf).flatMap { number($0.value, "'multipleOf'") }
        if let multiple = constraints.multipleOf, multiple.double <= 0 {
            diagnostics.warning("'multipleOf' must be greater than 0; ignored", at: schema.mark)
            constraints.multipleOf = nil
        }
        loadExclusiveBound(has(.exclusiveMinimum), bound: &constraints.minimum, into: &constraints.exclusiveMinimum)
        loadExclusiveBound(has(.exclusiveMaximum), bound: &constraints.maximum, into: &constraints.exclusiveMaximum)
        constraints.minItems = has(.minItems).flatMap { count($0.value, "'minItems'") }
        constraints.maxItems = has(.maxItems).flatMap { count($0.value, "'maxItems'") }
        constraints.uniqueItems = has(.uniqueItems).flatMap { bool($0.value, "'uniqueItems'") } ?? false
        if let node = has(.rangeLength)?.value, let range = mapping(node, "'x-range-length'") {
            checkKeys(range, allowed: ["minimum", "maximum"], in: "'x-range-length'")
            let low = range["minimum"].flatMap { number($0, "'x-range-length.minimum'") }
            let high = range["maximum"].flatMap { number($0, "'x-range-length.maximum'") }
            if let low, let high {
                constraints.rangeLength = (low, high)
            } else if range["minimum"] == nil || range["maximum"] == nil {
                diagnostics.error("'x-range-length' needs 'minimum' and 'maximum'", at: node.mark)
            }
        }
        checkOrder(&constraints, at: schema.mark)
        schema.constraints = constraints
    }

    /// Warns about each string, number or array keyword that applies to none of `kinds` (the kind of a schema, or
    /// those of the alternatives of a `type` list).
    mutating func warnInapplicable(_ keywords: SchemaKeywords, kinds: [SchemaKind]) {
        let applicable = kinds.flatMap(applicableKeywords)
        for keyword in SchemaKeywords.stringOnly + SchemaKeywords.numberOnly + SchemaKeywords.arrayOnly
        where !applicable.contains(keyword) {
            if let entry = keywords[keyword] {
                let kind =
                    SchemaKeywords.stringOnly.contains(keyword)
                    ? "strings" : SchemaKeywords.numberOnly.contains(keyword) ? "numbers" : "arrays"
                diagnostics.warning(
                    "'\(entry.key.scalarText ?? "")' applies to \(kind) only; ignored", at: entry.key.mark)
            }
        }
    }

    /// The keywords that apply to a kind of schema.
    private func applicableKeywords(_ kind: SchemaKind) -> [SchemaKeywords.Keyword] {
        switch kind {
        case .string, .enumeration, .constant: SchemaKeywords.stringOnly
        case .integer, .number, .integerEnumeration: SchemaKeywords.numberOnly
        case .array: SchemaKeywords.arrayOnly
        // An untyped schema may hold any of them (an `allOf` part that only adds `minLength`); an untyped value is
        // not checked, but a part merged into a typed schema is.
        case .any: SchemaKeywords.stringOnly + SchemaKeywords.numberOnly + SchemaKeywords.arrayOnly
        case .union, .reference: []
        default: []
        }
    }

    /// `exclusiveMinimum: 5` (3.1) or `minimum: 5, exclusiveMinimum: true` (3.0), read into one form.
    private mutating func loadExclusiveBound(
        _ entry: MappingEntry?, bound: inout SpecNumber?, into exclusive: inout SpecNumber?
    ) {
        guard let entry else { return }
        if case .bool(let flag)? = entry.value.scalar?.value {
            if flag {
                exclusive = bound
                bound = nil
            }
            return
        }
        exclusive = number(entry.value, "'\(entry.key.scalarText ?? "")'")
    }

    /// Bounds that no value can meet are the document's mistake; they are reported and dropped, so the field can
    /// still be sent.
    private mutating func checkOrder(_ constraints: inout ScalarConstraints, at mark: Mark) {
        if let low = constraints.minLength, let high = constraints.maxLength, low > high {
            diagnostics.warning("'minLength' \(low) is greater than 'maxLength' \(high); neither is checked", at: mark)
            (constraints.minLength, constraints.maxLength) = (nil, nil)
        }
        if let low = constraints.minimum, let high = constraints.maximum, low.double > high.double {
            diagnostics.warning("'minimum' \(low) is greater than 'maximum' \(high); neither is checked", at: mark)
            (constraints.minimum, constraints.maximum) = (nil, nil)
        }
        if let low = constraints.minItems, let high = constraints.maxItems, low > high {
            diagnostics.warning("'minItems' \(low) is greater than 'maxItems' \(high); neither is checked", at: mark)
            (constraints.minItems, constraints.maxItems) = (nil, nil)
        }
    }
}
