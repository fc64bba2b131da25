/// An operation's parameters: Swift arguments, the checks run before sending, and the calls that put each value
/// in the path, query, headers or cookies in its `style`.
extension Translator {
    /// What the parameters contribute to an operation's methods.
    struct ParameterPlan {
        var pathArguments: [FunctionParameter] = []
        var requiredArguments: [FunctionParameter] = []
        var optionalArguments: [FunctionParameter] = []
        /// `OperationRequest(…)`, the request before anything is set.
        var request: Code = ""
        /// The validation block.
        var checks: [Statement] = []
        /// The calls that set each parameter, in spec order.
        var setters: [Statement] = []
        var docParameters: [String] = []

        /// `var httpRequest = …` (`let` when nothing sets anything on it: Swift warns of a `var` never mutated)
        /// and the validation block.
        func opening(isMutated: Bool) -> [Statement] {
            [.line("\(isMutated ? "var" : "let") httpRequest = \(request)")] + checks
        }
    }

    mutating func parameterPlan(_ operation: Operation, pointer: String, typeSeed: String) -> ParameterPlan? {
        var plan = ParameterPlan()
        let pathCount = operation.parameters.count { $0.location == .path }
        var checks: [Statement] = []
        var taken = Self.reservedLocals
        var nested: [Declaration] = []
        for parameter in operation.parameters {
            var argument = SwiftNames.memberName(parameter.name)
            if taken.contains(SwiftNames.bare(argument)) {
                let renamed = SwiftNames.bare(argument) + SwiftNames.typeName(parameter.location.rawValue)
                diagnostics.warning(
                    "parameter '\(parameter.name)' of '\(operation.operationID)' becomes the Swift name "
                        + "'\(SwiftNames.bare(argument))', which is taken; it is '\(renamed)'", at: parameter.mark)
                argument = SwiftNames.escaped(renamed)
            }
            taken.insert(SwiftNames.bare(argument))
            var type = swiftType(
                parameter.schema, nestedName: typeSeed + SwiftNames.typeName(parameter.name),
                pointer: pointer + "/parameters/" + Pointer.escape(parameter.name), isMultipart: false,
                nested: &nested)
            if parameter.location != .query && !travelsAsText(parameter.schema) {
                diagnostics.warning(
                    "\(parameter.location.rawValue) parameter '\(parameter.name)' is an object or a union; it is "
                        + "generated as a String holding the text to send", at: parameter.mark)
                type = .string
            }
            let isOptional = !parameter.isRequired || isNullable(parameter.schema)
            let label: String? = pathCount == 1 && parameter.location == .path ? "_" : nil
            let functionParameter = FunctionParameter(
                label: label, name: argument, type: isOptional ? type.optional : type,
                defaultValue: isOptional ? "nil" : defaultArgument(parameter, type: type))
            if parameter.location == .path {
                plan.pathArguments.append(functionParameter)
            } else if isOptional || functionParameter.defaultValue != nil {
                plan.optionalArguments.append(functionParameter)
            } else {
                plan.requiredArguments.append(functionParameter)
            }
            plan.setters.append(
                setter(parameter, argument: argument, type: type, isText: travelsAsText(parameter.schema)))
            checks += valueChecks(argument, field: parameter.name, schema: parameter.schema)
            let base = parameter.description ?? "`\(parameter.name)` (\(parameter.location.rawValue))"
            let notes = [
                isOptional
                    ? parameter.schema.defaultValue.map { "Default: `\($0.text)` (the server's, when nil)." } : nil,
                parameter.schema.example.map { "Example: `\($0.text)`." },
                parameter.isDeprecated ? "Deprecated in the spec." : nil,
            ].compactMap { $0 }
            let text =
                notes.isEmpty ? base : (base.hasSuffix(".") ? base : base + ".") + " " + notes.joined(separator: " ")
            plan.docParameters.append("  - \(SwiftNames.bare(argument)): " + text)
        }
        if !nested.isEmpty {
            inlineModels.append(
                modelFile("Models/\(typeSeed)Parameters.swift", declarations: nested))
        }
        plan.request =
            "OperationRequest(operationID: \(literal: operation.operationID), method: .\(operation.method.rawValue), path: \(literal: operation.path))"
        if !checks.isEmpty {
            plan.checks =
                [.line("var validator = Validator(\(literal: operation.operationID))")] + checks
                + [.line("try httpRequest.check(validator)")]
        }
        return plan
    }

    /// A required parameter with a `default` may be left out: the spec's default is the argument's.
    private func defaultArgument(_ parameter: Parameter, type: SwiftType) -> Code? {
        guard let value = parameter.schema.defaultValue, parameter.location != .path else { return nil }
        return defaultExpression(value, type: type)
    }

    /// The call that puts one parameter's value on the request.
    private mutating func setter(_ parameter: Parameter, argument: String, type: SwiftType, isText: Bool) -> Statement {
        let name: Code = "\(literal: parameter.name)"
        let isObject = !isText
        switch parameter.location {
        case .path:
            if parameter.effectiveStyle != .simple {
                diagnostics.warning(
                    "path parameter '\(parameter.name)' is sent as one percent-encoded text segment ('simple' "
                        + "style of a single value)", at: parameter.mark)
            }
            return .line("httpRequest.setPathParameter(\(name), \(argument))")
        case .query:
            let style = parameter.effectiveStyle
            let explode = parameter.effectiveExplode
            if isObject {
                let queryStyle =
                    ["form", "spaceDelimited", "pipeDelimited", "deepObject"].contains(style.rawValue)
                    ? style.rawValue : "form"
                return .line(
                    "try httpRequest.addQuery(\(name), object: \(argument), style: .\(queryStyle), explode: \(String(explode)))"
                )
            }
            if case .array = type.unwrapped, !(style == .form && explode) {
                let queryStyle = style == .simple || style == .matrix || style == .label ? "form" : style.rawValue
                return .line(
                    "httpRequest.addQuery(\(name), \(argument), style: .\(queryStyle), explode: \(String(explode)))")
            }
            return .line("httpRequest.addQuery(\(name), \(argument))")
        case .header:
            return .line("httpRequest.setHeader(\(name), \(argument))")
        case .cookie:
            return .line("httpRequest.addCookie(\(name), \(argument))")
        }
    }

    /// True for a value that travels as text (`ParameterValue`): a scalar, an open enum, or a list of them.
    func travelsAsText(_ schema: Schema) -> Bool {
        var value = schema
        if case .array(let items) = schema.kind { value = items }
        switch table.resolved(value)?.kind {
        case .string?, .binary?, .integer?, .number?, .boolean?, .enumeration?, .integerEnumeration?, .constant?,
            .any?:
            return true
        default: return false
        }
    }
}
