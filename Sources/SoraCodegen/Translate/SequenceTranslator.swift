/// Helpers that `x-polling` and `x-pagination` ask for: glue over the runtime's `PollingSequence` and
/// `PageSequence`, which hold the algorithms.
extension Translator {
    /// A response property of an operation's JSON success type, resolved.
    private func successProperty(_ operation: Operation, _ name: String) -> (type: SwiftType, member: Member)? {
        guard let success = operation.responses.first(where: { $0.status.isSuccess }),
            case .json(let schema, _) = success.content, let typeName = table.objectName(schema),
            case .object(let object)? = table.resolved(schema)?.kind,
            let property = object.properties.first(where: { $0.name == name })
        else { return nil }
        let member = Member(
            property: property, name: SwiftNames.memberName(property.name), type: .jsonValue,
            isOptional: !property.isRequired || isNullable(property.schema), isBoxed: false, pointer: "")
        return (.named(table.swiftName(typeName)), member)
    }

    /// `errorTypes`: the operation's `, errorTypes: […]`, so an API error while polling carries its payload too.
    mutating func pollingFunction(
        _ polling: PollingExtension, operation: Operation, function: FunctionDeclaration, request: [Statement],
        errorTypes: Code = ""
    ) -> FunctionDeclaration? {
        guard let (valueType, status) = successProperty(operation, polling.status) else {
            diagnostics.error(
                "'x-polling' needs a JSON object answer with the property '\(polling.status)'", at: polling.mark)
            return nil
        }
        let isTerminal = terminalTest(polling, status: status)
        var parameters = function.parameters
        if parameters.first?.label == "_" { parameters[0].label = "of" }
        parameters += [
            FunctionParameter(name: "interval", type: "Duration", defaultValue: ".seconds(2)"),
            FunctionParameter(name: "timeout", type: "Duration", defaultValue: ".seconds(900)"),
        ]
        let header: Code = polling.intervalHeader.map { "\(literal: $0)" } ?? "nil"
        let quoted = polling.terminal.map { "`\($0)`" }
        let terminal =
            quoted.count > 1
            ? quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
            : quoted.first ?? "final"

        let call: Code =
            "return PollingSequence(operationID: \(literal: polling.method), interval: interval, timeout: timeout, intervalHeader: \(header), \(isTerminal))"
        return FunctionDeclaration(
            doc: Doc([
                "Repeats `\(function.name)` until `\(polling.status)` is \(terminal), yielding each new snapshot.",
                "",
                "Waits as the server's `\(polling.intervalHeader ?? "interval")` hint says (else `interval`), fails "
                    + "with `SoraError.timeout` after `timeout`, and stops when the task is cancelled.",
            ]),
            name: polling.method, parameters: parameters, returnType: .generic("PollingSequence", [valueType]),
            body: [
                .block(
                    call,
                    [.line("[core] () async throws(SoraError) -> OperationResponse in")] + request
                        + [.line("return try await core.send(httpRequest\(errorTypes))")])
            ])
    }

    /// `isTerminal: { switch $0.status { case .completed, .failed: true; default: false } }`: the states compared
    /// as the enum's own cases (a state the enum does not list is its `.unknown` case, with a warning), or as
    /// strings when the property is not an enum.
    private mutating func terminalTest(_ polling: PollingExtension, status member: Member) -> Code {
        guard case .enumeration(let values)? = table.resolved(member.property.schema)?.kind,
            let enumName = table.objectName(member.property.schema).map(table.swiftName)
                ?? Optional(SwiftNames.typeName(member.property.name))
        else {
            return "isTerminal: { \(literals: polling.terminal).contains($0.\(member.name)) }"
        }
        let names = Self.caseNames(enumName: enumName, seeds: values.values, varnames: values.varnames)
        let optional = member.isOptional ? "?" : ""
        let patterns = polling.terminal.map { state -> String in
            if let index = values.values.firstIndex(of: state) { return "." + names[index].name + optional }
            diagnostics.warning(
                "'x-polling' terminal state '\(state)' is not among the values of '\(polling.status)'; it is "
                    + "compared as an unknown value", at: polling.mark)
            return ".unknown(\(SwiftLiteral.string(state)))" + optional
        }
        return
            "isTerminal: { switch $0.\(member.name) { case \(patterns.joined(separator: ", ")): true; default: false } }"
    }

    mutating func paginationFunction(
        _ pagination: PaginationExtension, operation: Operation, function: FunctionDeclaration
    ) -> FunctionDeclaration? {
        guard let (pageType, items) = successProperty(operation, pagination.items),
            let (_, next) = successProperty(operation, pagination.nextCursor),
            let (_, more) = successProperty(operation, pagination.hasMore),
            case .array(let itemSchema)? = table.resolved(items.property.schema)?.kind,
            case .reference(let itemName) = itemSchema.kind,
            let cursor = operation.parameters.first(where: { $0.name == pagination.cursorParameter })
        else {
            diagnostics.error(
                "'x-pagination' needs a JSON object answer with '\(pagination.items)' (an array of a named schema), "
                    + "'\(pagination.nextCursor)', '\(pagination.hasMore)' and a parameter "
                    + "'\(pagination.cursorParameter)'", at: pagination.mark)
            return nil
        }
        let cursorName = SwiftNames.memberName(cursor.name)
        let arguments = function.parameters.map { parameter -> String in
            let value = parameter.name == cursorName ? "cursor" : parameter.name
            let label = parameter.label ?? parameter.name
            return label == "_" ? value : "\(SwiftNames.bare(label)): \(value)"
        }
        let itemsCode = items.isOptional ? "$0.\(items.name) ?? []" : "$0.\(items.name)"
        let moreCode = more.isOptional ? "$0.\(more.name) ?? false" : "$0.\(more.name)"
        return FunctionDeclaration(
            doc: Doc([
                "Every item of `\(function.name)`, page after page, fetched as you iterate.",
                "",
                "Follows `\(pagination.nextCursor)` into `\(pagination.cursorParameter)` while `\(pagination.hasMore)` "
                    + "is true; a cursor that repeats ends the walk.",
            ]),
            name: pagination.method, parameters: function.parameters.filter { $0.name != cursorName },
            returnType: .generic("PageSequence", [pageType, .named(table.swiftName(itemName))]),
            body: [
                .block(
                    "return PageSequence(items: { \(itemsCode) }, hasMore: { \(moreCode) }, nextCursor: { $0.\(next.name) })",
                    [
                        .line("[self] (cursor: String?) async throws(SoraError) -> \(pageType) in"),
                        .line("try await \(function.name)(\(arguments.joined(separator: ", ")))"),
                    ])
            ])
    }
}
