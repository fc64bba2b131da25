/// Request validation: one runtime `Validator` call per constraint, so every violation is reported.
extension Translator {
    /// `validate()` for an object, or nil when it has nothing to check.
    mutating func validateFunction(typeName: String, object: ObjectSchema, members: [Member]) -> FunctionDeclaration? {
        var checks: [Statement] = []
        for member in members {
            checks += valueChecks(
                member.reference(besides: ["validator"]), field: member.property.name, schema: member.property.schema)
        }
        // `x-pixel-size-equals` is checked where the file is opened, from the bytes that are sent: the multipart
        // encoder attaches it to the file part (`formEncoder`). Here only its target is checked.
        for member in members {
            guard let sizeProperty = member.property.schema.pixelSizeEquals else { continue }
            if !members.contains(where: { $0.property.name == sizeProperty }) {
                diagnostics.error(
                    "'x-pixel-size-equals' names '\(sizeProperty)', which is not a property", at: member.property.mark)
            }
        }
        for rule in object.dependentRequired {
            guard let trigger = members.first(where: { $0.property.name == rule.property }) else { continue }
            let required = rule.requires.compactMap { name in members.first { $0.property.name == name } }
            let pairs = Code.joined(
                required.map { "(\(literal: $0.property.name), \(presence($0)))" }, separator: ", ")
            checks.append(
                .line(
                    "validator.dependentRequired(\(literal: rule.property), isPresent: \(presence(trigger)), requires: [\(pairs)])"
                ))
        }
        for rule in object.conditionals {
            let when = Code.joined(rule.conditions.compactMap { condition($0, members, at: rule) }, separator: ", ")
            let then = Code.joined(rule.consequences.compactMap { condition($0, members, at: rule) }, separator: ", ")
            let because: Code = rule.description.map { "\(literal: $0)" } ?? "nil"
            checks.append(.line("validator.rule(when: [\(when)], then: [\(then)], because: \(because))"))
        }
        guard !checks.isEmpty else { return nil }
        return FunctionDeclaration(
            doc: Doc(["Checks every constraint of the spec and reports all violations at once."]), name: "validate",
            effects: "throws(ValidationError)",
            body: [.line("var validator = Validator(\(literal: typeName))")] + checks + [
                .line("try validator.finish()")
            ])
    }

    /// Checks for one value (a property or a parameter) named `name` in code and `field` on the wire.
    mutating func valueChecks(_ name: String, field: String, schema: Schema) -> [Statement] {
        valueChecks(name, field: "\(literal: field)", schema: schema)
    }

    /// Checks for the value `name` whose field name is the expression `field` (a literal, or the `field` of an
    /// element closure).
    private mutating func valueChecks(_ name: String, field: Code, schema: Schema) -> [Statement] {
        // Only a `$ref` needs a copy of the schema it points to.
        guard case .reference = schema.kind else { return valueChecks(name, field: field, resolved: schema) }
        guard let resolved = table.resolved(schema) else { return [] }
        return valueChecks(name, field: field, resolved: resolved)
    }

    /// `validator.each(VALUES, field: FIELD) { validator, item, field in … }`: the rules of an array's items or a
    /// map's values, applied to each one under `field[index]` or `field.key`; nil when they have none.
    private mutating func elementChecks(_ name: String, field: Code, element: Schema) -> Statement? {
        let elementField: Code = "field"
        let checks = valueChecks("item", field: elementField, schema: element)
        guard !checks.isEmpty else { return nil }
        return .block("validator.each(\(name), field: \(field))", [.line("validator, item, field in")] + checks)
    }

    private mutating func valueChecks(_ name: String, field: Code, resolved: Schema) -> [Statement] {
        switch resolved.kind {
        case .any: return []  // any JSON: rules for one type do not apply to the others
        case .constant, .object, .array, .union, .map: break
        default: if resolved.constraints.isEmpty { return [] }
        }
        let constraints = resolved.constraints
        var statements: [Statement] = []
        var arguments: [Code] = []
        if let minimum = constraints.minLength { arguments.append("minLength: \(String(minimum))") }
        if let maximum = constraints.maxLength { arguments.append("maxLength: \(String(maximum))") }
        if let pattern = constraints.pattern, !document.uncheckedPatterns.contains(pattern) {
            arguments.append("pattern: \(literal: pattern)")
        }
        switch resolved.kind {
        case .integer:
            arguments += integerArguments(constraints, at: resolved)
            let values = (constraints.allowed ?? []).compactMap {
                if case .number(let n) = $0 { n.integer } else { nil }
            }
            if !values.isEmpty { arguments.append("allowed: [\(values.map(String.init).joined(separator: ", "))]") }
        case .number:
            let bounds: [(String, SpecNumber?)] = [
                ("minimum", constraints.minimum), ("maximum", constraints.maximum),
                ("exclusiveMinimum", constraints.exclusiveMinimum), ("exclusiveMaximum", constraints.exclusiveMaximum),
                ("multipleOf", constraints.multipleOf),
            ]
            for case (let label, let bound?) in bounds where bound.double.isFinite {
                arguments.append("\(label): \(String(bound.double))")
            }
            let values = (constraints.allowed ?? []).compactMap { value -> String? in
                guard case .number(let number) = value, number.double.isFinite else { return nil }
                return String(number.double)
            }
            if !values.isEmpty { arguments.append("allowed: [\(values.joined(separator: ", "))]") }
        case .boolean:
            let values = (constraints.allowed ?? []).compactMap {
                if case .bool(let flag) = $0 { String(flag) } else { nil }
            }
            if !values.isEmpty { arguments.append("allowed: [\(values.joined(separator: ", "))]") }
        case .constant(let value):
            arguments.append("allowed: [\(literal: value)]")
        case .object:
            statements.append(.line("validator.nested(\(name), field: \(field))"))
        case .union where !holdsFile(resolved):
            statements.append(.line("validator.nested(\(name), field: \(field))"))
        case .array(let items):
            var itemRules: [Code] = []
            if let minimum = constraints.minItems { itemRules.append("minItems: \(String(minimum))") }
            if let maximum = constraints.maxItems { itemRules.append("maxItems: \(String(maximum))") }
            if constraints.uniqueItems { itemRules.append("unique: true") }
            if !itemRules.isEmpty {
                statements.append(
                    .line(
                        "validator.checkItems(\(name), field: \(field), \(Code.joined(itemRules, separator: ", ")))"
                    ))
            }
            let hasRules: Bool =
                switch table.resolved(items)?.kind {
                case .object?: true
                case .union?: !holdsFile(items)
                default: false
                }
            if hasRules {
                statements.append(.line("validator.nested(each: \(name), field: \(field))"))
            } else if let each = elementChecks(name, field: field, element: items) {
                statements.append(each)
            }
        case .map(let values?):
            if let each = elementChecks(name, field: field, element: values) { statements.append(each) }
        default: break
        }
        if !arguments.isEmpty {
            statements.insert(
                .line("validator.check(\(name), field: \(field), \(Code.joined(arguments, separator: ", ")))"),
                at: 0)
        }
        if let range = constraints.rangeLength {
            statements.append(
                .line(
                    "validator.checkRangeLength(\(name), field: \(field), minimum: \(String(range.minimum.double)), maximum: \(String(range.maximum.double)))"
                ))
        }
        return statements
    }

    /// Integer bounds as inclusive ones (an exclusive bound moves one step in; the tighter bound wins) and
    /// a whole `multipleOf`.
    private mutating func integerArguments(_ constraints: ScalarConstraints, at schema: Schema) -> [Code] {
        var arguments: [Code] = []
        let exclusiveMinimum = constraints.exclusiveMinimum.map { stepped($0, by: 1) }
        let exclusiveMaximum = constraints.exclusiveMaximum.map { stepped($0, by: -1) }
        let minimums = [constraints.minimum, exclusiveMinimum].compactMap {
            integerBound($0, isMinimum: true, at: schema)
        }
        let maximums = [constraints.maximum, exclusiveMaximum].compactMap {
            integerBound($0, isMinimum: false, at: schema)
        }
        if let minimum = minimums.max() { arguments.append("minimum: \(String(minimum))") }
        if let maximum = maximums.min() { arguments.append("maximum: \(String(maximum))") }
        if let multiple = constraints.multipleOf {
            if let whole = multiple.integer, whole > 0 {
                arguments.append("multipleOf: \(String(whole))")
            } else {
                diagnostics.warning(
                    "multipleOf \(multiple) on an integer is not a positive whole number; it is not checked",
                    at: schema.mark)
            }
        }
        return arguments
    }

    /// The bound just inside an exclusive one: an integer moves by `step` (past Int's range it stays past it, so
    /// `integerBound` drops or reports it); a fraction stays, as `integerBound` rounds it inward already.
    private func stepped(_ bound: SpecNumber, by step: Int) -> SpecNumber {
        guard let value = bound.integer else { return bound }
        let (moved, overflow) = value.addingReportingOverflow(step)
        if overflow { return SpecNumber(integerDigits: step > 0 ? "9223372036854775808" : "-9223372036854775809") }
        return SpecNumber(integerDigits: String(moved))
    }

    /// An integer bound as Swift code; bounds past Int's range are dropped (always true) or reported.
    private mutating func integerBound(_ bound: SpecNumber?, isMinimum: Bool, at schema: Schema) -> Int? {
        guard let bound else { return nil }
        if let value = bound.integer { return value }
        if !bound.isInteger {
            let rounded = isMinimum ? bound.double.rounded(.up) : bound.double.rounded(.down)
            if let value = Int(exactly: rounded) { return value }
        }
        let beyondTop = bound.double > 0
        if isMinimum == beyondTop {
            diagnostics.warning(
                "\(isMinimum ? "minimum" : "maximum") \(bound) is outside Int's range, so no value can satisfy it",
                at: schema.mark)
        }
        return nil
    }

    private func presence(_ member: Member) -> Code {
        member.isOptional ? "\(member.reference(besides: ["validator"])) != nil" : "true"
    }

    private mutating func condition(_ condition: PropertyCondition, _ members: [Member], at rule: ConditionalRule)
        -> Code?
    {
        guard let member = members.first(where: { $0.property.name == condition.property }) else { return nil }
        let optional = member.isOptional ? "?" : ""
        let name = member.reference(besides: ["validator"])
        let value: Code
        switch table.resolved(member.property.schema)?.kind {
        case .enumeration?: value = "\(name)\(optional).rawValue"
        case .string(let format)? where format == "date-time":
            value = member.isOptional ? "\(name).map(\\.parameterText)" : "\(name).parameterText"
        case .string?: value = "\(name)"
        case .constant?: value = "\(name)"
        case .boolean?, .integer?, .number?:
            value = member.isOptional ? "\(name).map { String($0) }" : "String(\(name))"
        default:
            diagnostics.error(
                "if/then rules can only test string, enum, boolean or number properties; '\(condition.property)' is not one",
                at: rule.mark)
            return nil
        }
        return
            "FieldCondition(\(literal: condition.property), \(value), in: \(literals: condition.values), required: \(String(condition.mustBePresent)))"
    }

    /// The size field's value as text (`size?.rawValue` for an enum), for a pixel-size rule in a body that
    /// declares `locals`.
    func sizeText(_ size: Member, besides locals: Set<String>) -> Code {
        let name = size.reference(besides: locals)
        return if case .enumeration? = table.resolved(size.property.schema)?.kind {
            "\(name)\(size.isOptional ? "?" : "").rawValue"
        } else {
            "\(name)"
        }
    }
}
