/// Request validation: one runtime `Validator` call per constraint, so every violation is reported.
extension Translator {
    /// `validate()` for an object, or nil when it has nothing to check.
    mutating func validateFunction(typeName: String, object: ObjectSchema, members: [Member]) -> FunctionDeclaration? {
        var checks: [Statement] = []
        for member in members {
            checks += valueChecks(member.name, field: member.property.name, schema: member.property.schema)
        }
        for member in members {
            guard let sizeProperty = member.property.schema.pixelSizeEquals else { continue }
            guard let size = members.first(where: { $0.property.name == sizeProperty }) else {
                diagnostics.error(
                    "'x-pixel-size-equals' names '\(sizeProperty)', which is not a property", at: member.property.mark)
                continue
            }
            let sizeValue: Code =
                if case .enumeration? = table.resolved(size.property.schema)?.kind {
                    "\(size.name)\(size.isOptional ? "?" : "").rawValue"
                } else { "\(size.name)" }
            checks.append(
                .line(
                    "validator.checkImageSize(\(member.name), field: \(literal: member.property.name), equals: \(sizeValue), sizeField: \(literal: sizeProperty))"
                ))
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
        // Only a `$ref` needs a copy of the schema it points to.
        guard case .reference = schema.kind else { return valueChecks(name, field: field, resolved: schema) }
        guard let resolved = table.resolved(schema) else { return [] }
        return valueChecks(name, field: field, resolved: resolved)
    }

    private mutating func valueChecks(_ name: String, field: String, resolved: Schema) -> [Statement] {
        switch resolved.kind {
        case .constant, .object, .array: break
        default: if resolved.constraints.isEmpty { return [] }
        }
        let constraints = resolved.constraints
        var statements: [Statement] = []
        var arguments: [Code] = []
        if let minimum = constraints.minLength { arguments.append("minLength: \(String(minimum))") }
        if let maximum = constraints.maxLength { arguments.append("maxLength: \(String(maximum))") }
        if let pattern = constraints.pattern { arguments.append("pattern: \(literal: pattern)") }
        switch resolved.kind {
        case .integer:
            if let minimum = integerBound(constraints.minimum, isMinimum: true, at: resolved) {
                arguments.append("minimum: \(minimum)")
            }
            if let maximum = integerBound(constraints.maximum, isMinimum: false, at: resolved) {
                arguments.append("maximum: \(maximum)")
            }
        case .number:
            if let minimum = constraints.minimum { arguments.append("minimum: \(String(minimum.double))") }
            if let maximum = constraints.maximum { arguments.append("maximum: \(String(maximum.double))") }
        case .constant(let value):
            arguments.append("allowed: [\(literal: value)]")
        case .object:
            statements.append(.line("validator.nested(\(name), field: \(literal: field))"))
        case .array(let items):
            if let itemSchema = table.resolved(items), case .object = itemSchema.kind {
                statements.append(.line("validator.nested(each: \(name), field: \(literal: field))"))
            }
        default: break
        }
        if !arguments.isEmpty {
            statements.insert(
                .line("validator.check(\(name), field: \(literal: field), \(Code.joined(arguments, separator: ", ")))"),
                at: 0)
        }
        if let range = constraints.rangeLength {
            statements.append(
                .line(
                    "validator.checkRangeLength(\(name), field: \(literal: field), minimum: \(String(range.minimum.double)), maximum: \(String(range.maximum.double)))"
                ))
        }
        return statements
    }

    /// An integer bound as Swift code; bounds past Int's range are dropped (always true) or reported.
    private mutating func integerBound(_ bound: SpecNumber?, isMinimum: Bool, at schema: Schema) -> String? {
        guard let bound else { return nil }
        if let value = bound.integer { return String(value) }
        if !bound.isInteger {
            let rounded = isMinimum ? bound.double.rounded(.up) : bound.double.rounded(.down)
            if let value = Int(exactly: rounded) { return String(value) }
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
        member.isOptional ? "\(member.name) != nil" : "true"
    }

    private mutating func condition(_ condition: PropertyCondition, _ members: [Member], at rule: ConditionalRule)
        -> Code?
    {
        guard let member = members.first(where: { $0.property.name == condition.property }) else { return nil }
        let optional = member.isOptional ? "?" : ""
        let value: Code
        switch table.resolved(member.property.schema)?.kind {
        case .enumeration?: value = "\(member.name)\(optional).rawValue"
        case .string?, .constant?: value = "\(member.name)"
        case .boolean?, .integer?, .number?:
            value = member.isOptional ? "\(member.name).map { String($0) }" : "String(\(member.name))"
        default:
            diagnostics.error(
                "if/then rules can only test string, enum, boolean or number properties; '\(condition.property)' is not one",
                at: rule.mark)
            return nil
        }
        return
            "FieldCondition(\(literal: condition.property), \(value), in: \(literals: condition.values), required: \(String(condition.mustBePresent)))"
    }
}
