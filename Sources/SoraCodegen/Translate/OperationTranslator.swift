/// Operations become one async method each on the client, grouped into one file per tag.
extension Translator {
    /// Local names the generated method body uses; parameters may not take them.
    static let reservedLocals: Set<String> = ["body", "httpRequest", "httpResponse", "validator", "core"]

    /// The operation files, one per tag, handed over method by method (a tag's file can be most of the output):
    /// `emitMember` gets the file (with no members yet) and its extension's next member. The models of inline
    /// bodies and responses go to `emit` as soon as they are made.
    mutating func operationFiles(
        emittingModels emit: (SwiftFile) -> Void, members emitMember: (SwiftFile, Declaration) -> Void
    ) {
        var groups: [String: SwiftFile] = [:]
        var functionNames: [String: String] = [:]
        for operation in document.operations {
            let name = SwiftNames.bare(SwiftNames.memberName(operation.operationID))
            if let other = functionNames[name] {
                diagnostics.error(
                    "operations '\(other)' and '\(operation.operationID)' both become the Swift method '\(name)'; "
                        + "rename one operationId", at: operation.mark)
                continue
            }
            functionNames[name] = operation.operationID
            let functions = operationFunctions(operation, name: name)
            inlineModels.forEach(emit)
            inlineModels.removeAll(keepingCapacity: true)
            guard let functions else { continue }
            let group = SwiftNames.typeName(operation.tags.first ?? "Default")
            let file =
                groups[group]
                ?? SwiftFile(
                    path: "Operations/\(group).swift", imports: ["Foundation", "SoraRuntime"],
                    declarations: [.type(TypeDeclaration("extension", clientName, access: "", members: []))])
            groups[group] = file
            for function in functions { emitMember(file, .function(function)) }
        }
    }

    /// The operation's method, and for a binary answer a second one that streams it to a file.
    private mutating func operationFunctions(_ operation: Operation, name: String) -> [FunctionDeclaration]? {
        let pointer = "#/paths/" + Pointer.escape(operation.path) + "/" + operation.method.rawValue
        let pathParameters = operation.parameters.filter { $0.location == .path }
        var pathArguments: [FunctionParameter] = []
        var parameters: [FunctionParameter] = []
        var optionalArguments: [FunctionParameter] = []
        var statements: [Statement] = [
            .line(
                "var httpRequest = OperationRequest(operationID: \(literal: operation.operationID), method: .\(operation.method.rawValue), path: \(literal: operation.path))"
            )
        ]
        var checks: [Statement] = []
        var docParameters: [String] = []
        var seen: Set<String> = []
        for parameter in operation.parameters {
            let argument = SwiftNames.memberName(parameter.name)
            let bare = SwiftNames.bare(argument)
            guard !Self.reservedLocals.contains(bare), seen.insert(bare).inserted else {
                diagnostics.error(
                    "parameter '\(parameter.name)' of '\(operation.operationID)' becomes the Swift name '\(bare)', "
                        + "which is taken", at: parameter.mark)
                return nil
            }
            var nested: [Declaration] = []
            let type = swiftType(
                parameter.schema, nestedName: SwiftNames.typeName(parameter.name), pointer: pointer, isMultipart: false,
                nested: &nested)
            if !nested.isEmpty {
                diagnostics.error(
                    "parameter '\(parameter.name)' has an inline enum or object; move it to components/schemas",
                    at: parameter.mark)
                return nil
            }
            let isOptional = !parameter.isRequired || parameter.schema.isNullable
            let label: String? = pathParameters.count == 1 && parameter.location == .path ? "_" : nil
            let functionParameter = FunctionParameter(
                label: label, name: argument, type: isOptional ? type.optional : type,
                defaultValue: isOptional ? "nil" : nil)
            if parameter.location == .path {
                pathArguments.append(functionParameter)
            } else if isOptional {
                optionalArguments.append(functionParameter)
            } else {
                parameters.append(functionParameter)
            }
            let setter =
                switch parameter.location {
                case .path: "setPathParameter"
                case .query: "addQuery"
                case .header: "setHeader"
                }
            statements.append(.line("httpRequest.\(setter)(\(literal: parameter.name), \(argument))"))
            checks += valueChecks(argument, field: parameter.name, schema: parameter.schema)
            docParameters.append(
                "  - \(bare): \(parameter.description ?? "`\(parameter.name)` (\(parameter.location.rawValue))")")
        }
        if !checks.isEmpty {
            statements.insert(
                contentsOf: [.line("var validator = Validator(\(literal: operation.operationID))")] + checks
                    + [.line("try httpRequest.check(validator)")], at: 1)
        }
        if let body = operation.requestBody {
            guard let bodyType = bodyType(body, operation: operation, pointer: pointer) else { return nil }
            let setter = body.encoding == .json ? "setJSONBody" : "setMultipartBody"
            let arguments = body.encoding == .json ? "body" : "body, checkingImages: core.configuration.checksImageSize"
            parameters.insert(
                FunctionParameter(
                    label: pathArguments.isEmpty ? "_" : nil, name: "body",
                    type: body.isRequired ? bodyType : bodyType.optional,
                    defaultValue: body.isRequired ? nil : "nil"),
                at: 0)
            statements.append(
                body.isRequired
                    ? .line("try httpRequest.\(setter)(\(arguments))")
                    : .block("if let body", [.line("try httpRequest.\(setter)(\(arguments))")]))
            docParameters.append("  - body: \(body.description ?? "The request body.")")
        }
        parameters = pathArguments + parameters + optionalArguments
        let (returnType, tail) = responseHandling(operation, pointer: pointer)
        if let success = operation.responses.first(where: { $0.status.isSuccess }),
            case .binary(let mediaTypes) = success.content
        {
            statements.append(
                .line("httpRequest.setHeader(\"Accept\", \(literal: mediaTypes.joined(separator: ", ")))"))
        }
        let requestStatements = statements
        statements.append(
            .line(
                returnType == nil
                    ? "_ = try await core.send(httpRequest)" : "let httpResponse = try await core.send(httpRequest)"))
        statements += tail
        let function = FunctionDeclaration(
            doc: operationDoc(operation, pointer: pointer, parameters: docParameters), name: name,
            parameters: parameters, effects: "async throws(SoraError)", returnType: returnType, body: statements)
        var helpers: [FunctionDeclaration] = []
        if let polling = operation.polling,
            let helper = pollingFunction(polling, operation: operation, function: function, request: requestStatements)
        {
            helpers.append(helper)
        }
        if let pagination = operation.pagination,
            let helper = paginationFunction(pagination, operation: operation, function: function)
        {
            helpers.append(helper)
        }
        guard returnType == .binaryContent else { return [function] + helpers }
        let toFile = FunctionDeclaration(
            doc: Doc([
                "Streams the answer of `\(name)` to `destination` through a temporary file beside it, renamed into "
                    + "place only when complete; a broken transfer resumes with `Range`, and a failure or "
                    + "cancellation leaves no file behind.",
                "",
                "Spec: `\(operation.method.rawValue.uppercased()) \(operation.path)` (`\(pointer)`)",
            ]),
            name: name,
            parameters: parameters + [FunctionParameter(label: "to", name: "destination", type: .url)],
            effects: "async throws(SoraError)", returnType: "DownloadedFile",
            body: requestStatements + [.line("return try await core.download(httpRequest, to: destination)")])
        return [function, toFile] + helpers
    }

    private mutating func bodyType(_ body: RequestBody, operation: Operation, pointer: String) -> SwiftType? {
        if case .reference(let name) = body.schema.kind { return .named(table.swiftName(name)) }
        guard case .object(let object) = body.schema.kind else {
            diagnostics.error("a request body must be an object schema (inline or $ref)", at: body.mark)
            return nil
        }
        let name = SwiftNames.typeName(operation.operationID) + "Request"
        let pointer = pointer + "/requestBody"
        inlineModels.append(
            SwiftFile(
                path: "Models/\(name).swift", imports: ["SoraRuntime"],
                declarations: objectDeclarations(
                    name: name, schema: body.schema, object: object, specName: nil, pointer: pointer,
                    isMultipart: body.encoding == .multipart)))
        return .named(name)
    }

    private mutating func responseHandling(_ operation: Operation, pointer: String) -> (SwiftType?, [Statement]) {
        guard let success = operation.responses.first(where: { $0.status.isSuccess }) else {
            diagnostics.warning("operation '\(operation.operationID)' documents no 2xx response", at: operation.mark)
            return (nil, [])
        }
        switch success.content {
        case .none: return (nil, [])
        case .binary:
            return (.binaryContent, [.line("return httpResponse.binaryContent()")])
        case .json(let schema):
            var nested: [Declaration] = []
            var type = swiftType(
                schema, nestedName: SwiftNames.typeName(operation.operationID) + "Response",
                pointer: pointer + "/responses", isMultipart: false, nested: &nested)
            if schema.isNullable { type = type.optional }
            if !nested.isEmpty {
                let name = SwiftNames.typeName(operation.operationID) + "Response"
                inlineModels.append(
                    SwiftFile(path: "Models/\(name).swift", imports: ["SoraRuntime"], declarations: nested))
            }
            return (type, [.line("return try await httpResponse.decodeJSON(\(type).self)")])
        }
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
