import YAML

/// Typed reads of YAML nodes that report a diagnostic instead of failing.
extension SpecLoader {
    /// The node's text when it is a scalar that is not null; otherwise a diagnostic.
    mutating func string(_ node: Node, _ what: @autoclosure () -> String) -> String? {
        if !node.isNull, let text = node.scalarText {
            return text
        }
        diagnostics.error("\(what()) must be a string, found \(describe(node))", at: node.mark)
        return nil
    }

    /// The mapping entries, or a diagnostic.
    mutating func mapping(_ node: Node, _ what: @autoclosure () -> String) -> MappingEntries? {
        if let entries = node.mapping { return entries }
        diagnostics.error("\(what()) must be a mapping, found \(describe(node))", at: node.mark)
        return nil
    }

    /// The sequence items, or a diagnostic.
    mutating func sequence(_ node: Node, _ what: @autoclosure () -> String) -> SequenceItems? {
        if let items = node.sequence { return items }
        diagnostics.error("\(what()) must be a sequence, found \(describe(node))", at: node.mark)
        return nil
    }

    /// A boolean, or a diagnostic.
    mutating func bool(_ node: Node, _ what: @autoclosure () -> String) -> Bool? {
        if case .bool(let value)? = node.scalar?.value { return value }
        diagnostics.error("\(what()) must be true or false, found \(describe(node))", at: node.mark)
        return nil
    }

    /// A non-negative integer that fits Int, or a diagnostic.
    mutating func count(_ node: Node, _ what: @autoclosure () -> String) -> Int? {
        if let number = number(node, what()) {
            if let value = number.integer, value >= 0 { return value }
            diagnostics.error("\(what()) must be a non-negative integer, found \(number)", at: node.mark)
        }
        return nil
    }

    /// A number in any YAML number form that Swift can write as a Double, or a diagnostic.
    ///
    /// A bound past Double's range (an integer of more than 309 digits) would print as `inf`, which does not compile;
    /// JSON numbers past that range are not interoperable anyway (RFC 8259 §6), so it is an error, not a warning.
    mutating func number(_ node: Node, _ what: @autoclosure () -> String) -> SpecNumber? {
        switch node.scalar?.value {
        case .integer(let digits)?:
            let number = SpecNumber(integerDigits: digits)
            guard number.double.isFinite else {
                diagnostics.error("\(what()) \(Self.abbreviated(digits)) \(Self.beyondDouble)", at: node.mark)
                return nil
            }
            return number
        case .float(let value)? where value.isFinite: return SpecNumber(double: value)
        case .float?:
            diagnostics.error("\(what()) must be a finite number, found \(describe(node))", at: node.mark)
            return nil
        default:
            diagnostics.error("\(what()) must be a number, found \(describe(node))", at: node.mark)
            return nil
        }
    }

    static let beyondDouble = "is beyond the range of a Swift Double (about ±1.8e308), so no code can hold it"

    /// Long digit strings shortened for messages: `12345678901234567890… (400 digits)`.
    static func abbreviated(_ digits: String) -> String {
        let sign = digits.hasPrefix("-") ? "-" : ""
        let magnitude = digits.dropFirst(sign.count)
        guard magnitude.count > 24 else { return digits }
        return "\(sign)\(magnitude.prefix(20))… (\(magnitude.count) digits)"
    }

    /// A list of strings, or a diagnostic per wrong item.
    mutating func strings(_ node: Node, _ what: @autoclosure () -> String) -> [String] {
        guard let items = sequence(node, what()) else { return [] }
        return items.compactMap { string($0, "each entry of \(what())") }
    }

    /// A scalar as a spec value (for `default` and `const`).
    mutating func value(_ node: Node, _ what: @autoclosure () -> String) -> SpecValue? {
        guard let scalar = node.scalar else {
            diagnostics.error("\(what()) must be a scalar, found \(describe(node))", at: node.mark)
            return nil
        }
        switch scalar.value {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .integer(let digits):
            let number = SpecNumber(integerDigits: digits)
            guard number.double.isFinite else {
                diagnostics.error("\(what()) \(Self.abbreviated(digits)) \(Self.beyondDouble)", at: node.mark)
                return nil
            }
            return .number(number)
        case .float(let value):
            guard value.isFinite else {
                // JSON has no infinity or NaN, and Swift has no literal for them.
                diagnostics.error("\(what()) must be a finite number, found \(describe(node))", at: node.mark)
                return nil
            }
            return .number(SpecNumber(double: value))
        case .string(let text): return .string(text)
        }
    }

    /// Warns about every key of a mapping that is not in `allowed` (the keys the caller reads): the generator
    /// goes on without it, but says so.
    mutating func checkKeys(_ entries: MappingEntries, allowed: [String], in what: @autoclosure () -> String) {
        for entry in entries {
            guard let key = entry.key.scalarText else {
                diagnostics.error("keys of \(what()) must be strings", at: entry.key.mark)
                continue
            }
            if !allowed.contains(key) {
                ignoredKey(key, in: what(), at: entry.key.mark)
            }
        }
    }

    /// A short phrase for what a node is, for messages.
    func describe(_ node: Node) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool(let value): return "the boolean \(value)"
            case .integer(let digits): return "the number \(digits)"
            case .float(let value): return "the number \(value)"
            case .string(let text): return "the string '\(text.prefix(40))'"
            }
        }
    }
}
