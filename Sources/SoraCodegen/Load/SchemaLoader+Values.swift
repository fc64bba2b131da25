import YAML

/// `enum`, `const` and `default`: values written in the spec, checked against the schema's type.
extension SpecLoader {
    /// An enum of strings, integers, numbers or booleans; `null` among the values makes the schema nullable. An enum
    /// of numbers keeps the schema's `format`.
    mutating func loadEnum(
        _ node: Node, type: String?, format: String?, varnames: Node?, schema: inout Schema
    ) -> SchemaKind {
        guard let items = sequence(node, "'enum'") else { return .any }
        var values: [(value: SpecValue, mark: Mark)] = []
        for item in items {
            guard let value = quietValue(item), item.kind == .scalar else {
                diagnostics.warning(
                    "enum value \(notAValue(item)); the enum is generated as JSONValue", at: item.mark)
                return .any
            }
            if value == .null {
                schema.isNullable = true
            } else {
                values.append((value, item.mark))
            }
        }
        let names = varnames.map { enumVarnames($0, count: values.count) } ?? nil
        let strings = values.compactMap { if case .string(let text) = $0.value { text } else { nil } }
        let integers = values.compactMap { if case .number(let number) = $0.value { number.integer } else { nil } }
        if values.isEmpty {
            return schema.isNullable ? .any : emptyEnum(node)
        }
        if strings.count == values.count || type == "string" {
            // A string enum written with numbers (`enum: [1, 2]` under `type: string`) still sends strings.
            return .enumeration(
                EnumSchema(
                    values: values.map { $0.value.text }, varnames: names,
                    valueMarks: values.map(\.mark)))
        }
        if integers.count == values.count && type != "number" {
            return .integerEnumeration(
                IntegerEnumSchema(values: integers, varnames: names, valueMarks: values.map(\.mark)))
        }
        if values.allSatisfy({ if case .number = $0.value { true } else { false } }) {
            schema.constraints.allowed = values.map(\.value)
            return .number(format: format)
        }
        if values.allSatisfy({ if case .bool = $0.value { true } else { false } }) {
            if Set(values.map(\.value)).count == 1 { schema.constraints.allowed = [values[0].value] }
            return .boolean
        }
        diagnostics.warning("enum mixes values of different types; generated as JSONValue", at: node.mark)
        return .any
    }

    private mutating func emptyEnum(_ node: Node) -> SchemaKind {
        diagnostics.warning("an enum with no values accepts nothing; generated as JSONValue", at: node.mark)
        return .any
    }

    /// `x-enum-varnames`: one Swift case name per value, or nil (with an error) when they do not match. A name
    /// that is not an identifier is reported at the entry itself.
    private mutating func enumVarnames(_ node: Node, count: Int) -> [String]? {
        var list: [(name: String, mark: Mark)] = []
        if let items = sequence(node, "'x-enum-varnames'") {
            for item in items {
                if let name = string(item, "each entry of 'x-enum-varnames'") { list.append((name, item.mark)) }
            }
        }
        guard list.count == count else {
            diagnostics.error("'x-enum-varnames' has \(list.count) names for \(count) enum values", at: node.mark)
            return nil
        }
        for (name, mark) in list where !SwiftNames.isPlainIdentifier(name) {
            diagnostics.error("'x-enum-varnames' entry '\(name)' is not a Swift identifier", at: mark)
        }
        return list.map(\.name)
    }

    /// `const`: a string becomes a fixed string; other values the type they have (a number keeps `format`).
    mutating func loadConstant(_ node: Node, type: String?, format: String?, schema: inout Schema) -> SchemaKind {
        switch quietValue(node) {
        case .string(let text)?: return .constant(text)
        case .bool(let flag)?:
            schema.constraints.allowed = [.bool(flag)]
            return .boolean
        case .number(let number)?:
            schema.constraints.allowed = [.number(number)]
            return number.isInteger && type != "number" ? .integer(format: format) : .number(format: format)
        case .null?:
            schema.isNullable = true
            return .any
        case nil:
            diagnostics.warning("'const' \(notAValue(node)); generated as JSONValue", at: node.mark)
            return .any
        }
    }

    /// Drops a `default` that does not fit the schema's type (`'false'` on a boolean, `inf` on an integer), with
    /// a warning: real documents have them, and the server's own default applies anyway.
    mutating func checkDefault(_ entry: MappingEntry?, of schema: inout Schema) {
        guard let entry else { return }
        guard entry.value.kind == .scalar, let value = schema.defaultValue else {
            if entry.value.kind == .scalar {
                diagnostics.warning(
                    "'default' is \(describe(entry.value)), which Swift cannot write; ignored", at: entry.value.mark)
            }
            schema.defaultValue = nil
            return
        }
        if value == .null && !schema.isNullable {
            // Common in real documents, meaning "no default".
            diagnostics.repeatedWarning(
                "'default: null' on a schema that is not nullable is ignored", at: entry.value.mark)
            schema.defaultValue = nil
            return
        }
        let fits: Bool
        switch (schema.kind, value) {
        case (_, .null): fits = schema.isNullable
        case (.string, .string), (.enumeration, .string), (.constant, .string), (.boolean, .bool): fits = true
        case (.integer, .number(let number)), (.integerEnumeration, .number(let number)): fits = number.integer != nil
        case (.number, .number): fits = true
        case (.reference, _), (.any, _), (.union, _): fits = true
        default: fits = false
        }
        if !fits {
            diagnostics.warning(
                "'default' is \(describe(entry.value)), which does not fit the schema's type; ignored",
                at: entry.value.mark)
            schema.defaultValue = nil
        }
    }

    /// Why `quietValue` has no value for a node, for messages: it is not a scalar, or a number Swift cannot write.
    private func notAValue(_ node: Node) -> String {
        switch node.scalar?.value {
        case .integer(let digits)?: "the number \(Self.abbreviated(digits)) \(Self.beyondDouble)"
        case .float?: "\(describe(node)) is not a finite number"
        default: "\(describe(node)) is not a scalar"
        }
    }

    /// A scalar's value, or nil for non-scalars and numbers Swift cannot write (`inf`, `nan`, 400-digit integers).
    func quietValue(_ node: Node) -> SpecValue? {
        switch node.scalar?.value {
        case nil: return nil
        case .null?: return .null
        case .bool(let flag)?: return .bool(flag)
        case .integer(let digits)?:
            let number = SpecNumber(integerDigits: digits)
            return number.double.isFinite ? .number(number) : nil
        case .float(let value)?: return value.isFinite ? .number(SpecNumber(double: value)) : nil
        case .string(let text)?: return .string(text)
        }
    }
}
