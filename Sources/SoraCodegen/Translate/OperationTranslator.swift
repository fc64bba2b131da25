/// Operations become one async method each on the client, grouped into one file per tag.
extension Translator {
    /// Local names the generated method body uses; parameters may not take them.
    static let reservedLocals: Set<String> = ["body", "httpRequest", "httpResponse", "validator", "core"]

    /// The Swift method name of each operation, in document order; an operation whose name another one already has
    /// gets a number, with a warning. Worked out once for the whole document, so every slice names alike.
    static func methodNames(_ operations: [Operation], diagnostics: inout DiagnosticBag) -> [String] {
        var names: [String] = []
        names.reserveCapacity(operations.count)
        var owners: [String: String] = [:]
        for operation in operations {
            var name = SwiftNames.bare(SwiftNames.memberName(operation.operationID))
            if let other = owners[name] {
                let taken = name
                name = SwiftNames.numbered(taken) { owners[$0] != nil }
                diagnostics.warning(
                    "operations '\(other)' and '\(operation.operationID)' both become the Swift method '\(taken)'; "
                        + "this one is '\(name)' (rename one operationId)", at: operation.mark)
            }
            owners[name] = operation.operationID
            names.append(name)
        }
        return names
    }

    /// The operations in `range`: their methods, for the file of their first tag (one extension of the client per
    /// tag, which spans slices), and the models of their inline parameters, bodies and responses.
    mutating func translateOperations(_ range: Range<Int>, into translation: inout Translation) {
        for index in range {
            let operation = document.operations[index]
            let functions = operationFunctions(operation, name: methodNames[index])
            translation.files += inlineModels
            inlineModels.removeAll(keepingCapacity: true)
            guard let functions else { continue }
            let group = SwiftNames.typeName(operation.tags.first ?? "Default")
            translation.addMethods(functions.map(Declaration.function), to: group) {
                OperationGroup(
                    path: "Operations/\(group).swift", imports: ["Foundation", SwiftFile.runtimeImport],
                    type: TypeDeclaration("extension", clientName, access: "", members: []))
            }
        }
    }

    /// The operation's method (one per request media type), for a binary answer one that streams it to a file,
    /// and the `x-polling` / `x-pagination` helpers.
    private mutating func operationFunctions(_ operation: Operation, name: String) -> [FunctionDeclaration]? {
        let pointer = "#/paths/" + Pointer.escape(operation.path) + "/" + operation.method.rawValue
        let typeSeed = SwiftNames.typeName(name)
        guard var plan = parameterPlan(operation, pointer: pointer, typeSeed: typeSeed) else { return nil }
        if let security = securityStatement(operation) { plan.setters.insert(security, at: 0) }
        if let server = operation.servers.first, server.defaultURL != document.servers.first?.defaultURL {
            plan.setters.insert(.line("httpRequest.setServer(\(literal: server.defaultURL))"), at: 0)
        }
        let bodies = operation.requestBody.map { bodyPlans($0, operation: operation, pointer: pointer) } ?? [nil]
        let response = responsePlan(operation, pointer: pointer, typeSeed: typeSeed)
        var functions: [FunctionDeclaration] = []
        var twins: [FunctionDeclaration] = []
        var requestStatements: [Statement] = []
        for body in bodies {
            var parameters = plan.pathArguments
            var setting = plan.setters
            var docParameters = plan.docParameters
            if let body {
                var parameter = body.parameter
                if parameter.label == nil && plan.pathArguments.isEmpty && body.isPrimary { parameter.label = "_" }
                parameters.append(parameter)
                setting += body.statements
                docParameters.append("  - \(SwiftNames.bare(parameter.name)): \(body.doc)")
            }
            parameters += plan.requiredArguments + plan.optionalArguments
            setting += response.preparing
            let statements = plan.opening(isMutated: !setting.isEmpty) + setting
            if body?.isPrimary ?? true { requestStatements = statements }
            let send: Statement = .line("let httpResponse = try await core.send(httpRequest\(response.errorTypes))")
            var function = FunctionDeclaration(
                doc: operationDoc(operation, pointer: pointer, parameters: docParameters), name: name,
                parameters: parameters, effects: "async throws(SoraError)", returnType: response.returnType,
                body: statements
                    + (response.returnType == nil
                        ? [.line("_ = try await core.send(httpRequest\(response.errorTypes))")]
                        : [send] + response.reading))
            if operation.isDeprecated { function.attributes = ["@available(*, deprecated)"] }
            if let headers = response.headers {
                let twin = withHeadersFunction(
                    function, sending: statements + [send], reading: response.reading, headers: headers)
                twins.append(twin)
                function.body = [forwarding(to: twin, returnsBody: response.returnType != nil)]
            }
            functions.append(function)
        }
        functions += twins
        guard let primary = functions.first else { return nil }
        var helpers: [FunctionDeclaration] = []
        if let polling = operation.polling,
            let helper = pollingFunction(
                polling, operation: operation, function: primary, request: requestStatements,
                errorTypes: response.errorTypes)
        {
            helpers.append(helper)
        }
        if let pagination = operation.pagination,
            let helper = paginationFunction(pagination, operation: operation, function: primary)
        {
            helpers.append(helper)
        }
        guard response.returnType == .binaryContent else { return functions + helpers }
        var toFile = FunctionDeclaration(
            doc: Doc([
                "Streams the answer of `\(name)` to `destination` through a temporary file beside it, renamed into "
                    + "place only when complete; a broken transfer resumes with `Range`, and a failure or "
                    + "cancellation leaves no file behind.",
                "",
                "Spec: `\(operation.method.rawValue.uppercased()) \(operation.path)` (`\(pointer)`)",
            ]),
            name: name,
            parameters: primary.parameters + [FunctionParameter(label: "to", name: "destination", type: .url)],
            effects: "async throws(SoraError)", returnType: "DownloadedFile",
            body: requestStatements + [.line("return try await core.download(httpRequest, to: destination)")])
        toFile.attributes = primary.attributes
        return functions + [toFile] + helpers
    }

    private func operationDoc(_ operation: Operation, pointer: String, parameters: [String]) -> Doc {
        var lines: [String] = []
        if let summary = operation.summary { lines += [summary, ""] }
        if let description = operation.description { lines += [description, ""] }
        if !parameters.isEmpty { lines += ["- Parameters:"] + parameters }
        lines.append(
            "- Throws: `SoraError` (validation before sending, API errors with status and request id, transport).")
        lines += ["", "Spec: `\(operation.method.rawValue.uppercased()) \(operation.path)` (`\(pointer)`)"]
        return Doc(lines)
    }
}
