/// Responses: what a method returns for its success answers, how it reads them, and which types its error
/// answers decode into.
extension Translator {
    /// What the responses contribute to an operation's methods.
    struct ResponsePlan {
        var returnType: SwiftType?
        /// Statements before sending (an `Accept` header for answers that are not JSON).
        var preparing: [Statement] = []
        /// Statements after sending that turn `httpResponse` into the return value.
        var reading: [Statement] = []
        /// `, errorTypes: [...]` for `core.send`, or empty.
        var errorTypes: Code = ""
        /// The typed headers of the success answers, when they document any.
        var headers: HeadersPlan?
    }

    /// One success answer as the method sees it.
    private struct SuccessAnswer {
        var response: Response
        var type: SwiftType?
        var read: Code?
    }

    mutating func responsePlan(_ operation: Operation, pointer: String, typeSeed: String) -> ResponsePlan {
        var plan = ResponsePlan()
        var successes = operation.responses.filter { $0.status.isSuccess }
        var failures = operation.responses.filter { !$0.status.isSuccess }
        if successes.isEmpty, let fallback = operation.responses.first(where: { $0.status == .default }) {
            // A document that describes its answers only as `default` means the usual answer.
            successes = [fallback]
            failures.removeAll { $0.status == .default }
        }
        plan.errorTypes = errorTypes(failures, pointer: pointer, typeSeed: typeSeed)
        guard !successes.isEmpty else {
            diagnostics.warning("operation '\(operation.operationID)' documents no 2xx response", at: operation.mark)
            return plan
        }
        plan.headers = headersPlan(
            successes, operationID: operation.operationID, typeSeed: typeSeed, pointer: pointer)
        var answers: [SuccessAnswer] = []
        for response in successes {
            let (type, read) = answerType(
                response.content,
                // Several answers with inline bodies need a name each, apart from the answers enum.
                name: successes.count == 1
                    ? typeSeed + "Response" : typeSeed + SwiftNames.typeName(statusName(response.status)) + "Body",
                pointer: pointer + "/responses/" + statusKey(response))
            answers.append(SuccessAnswer(response: response, type: type, read: read))
        }
        let mediaTypes: [String] = successes.flatMap { response -> [String] in
            switch response.content {
            case .binary(let types), .text(let types): return types
            case .json(_, let type): return [type]
            case .none: return []
            }
        }
        // JSON alone needs no `Accept`; next to text or binary answers it is listed with them.
        if mediaTypes.contains(where: { BodyEncoding.of($0) != .json }) {
            var accepted: [String] = []
            for type in mediaTypes where !accepted.contains(type) { accepted.append(type) }
            plan.preparing = [.line("httpRequest.setHeader(\"Accept\", \(literal: accepted.joined(separator: ", ")))")]
        }
        let typed = answers.filter { $0.type != nil }
        var distinct: [SwiftType] = []
        for answer in typed where !distinct.contains(answer.type!) { distinct.append(answer.type!) }
        switch distinct.count {
        case 0:
            return plan
        case 1 where typed.count == answers.count:
            plan.returnType = distinct[0]
            plan.reading = [.line("return \(typed[0].read!)")]
        case 1:
            // Some answers have no body (204): those are nil.
            plan.returnType = distinct[0].optional
            let empty = answers.filter { $0.type == nil }.map { statusCondition($0.response.status) }
            plan.reading = [
                .block("if \(Code.joined(empty, separator: " || "))", [.line("return nil")]),
                .line("return \(typed[0].read!)"),
            ]
        default:
            plan.returnType = .named(typeSeed + "Response")
            plan.reading = answersEnum(answers, name: typeSeed + "Response", pointer: pointer)
        }
        return plan
    }

    /// The Swift type of a body and the expression that reads it from `httpResponse`.
    private mutating func answerType(_ content: ResponseContent, name: String, pointer: String) -> (SwiftType?, Code?) {
        switch content {
        case .none: return (nil, nil)
        case .binary: return (.binaryContent, "httpResponse.binaryContent()")
        case .text: return (.string, "try await httpResponse.text()")
        case .json(let schema, _):
            let type = modelType(schema, name: name, pointer: pointer)
            return (type, "try await httpResponse.decodeJSON(\(type).self)")
        }
    }

    /// `[404: NotFound.self, .range(5): Problem.self, .default: Problem.self]` for the JSON error answers.
    private mutating func errorTypes(_ failures: [Response], pointer: String, typeSeed: String) -> Code {
        var entries: [(key: Code, type: SwiftType)] = []
        for response in failures {
            guard case .json(let schema, _) = response.content else { continue }
            let status = statusKey(response)
            let type = modelType(
                schema, name: typeSeed + SwiftNames.typeName(statusName(response.status)) + "Error",
                pointer: pointer + "/responses/" + status)
            let key: Code =
                switch response.status {
                case .code(let code): Code(stringLiteral: String(code))
                case .range(let digit): ".range(\(String(digit)))"
                case .default: ".default"
                }
            entries.append((key, type.unwrapped))
        }
        // Statuses that decode into the `default` answer's type need no entry of their own.
        if let fallback = entries.first(where: { $0.key == ".default" }) {
            entries.removeAll { $0.key != ".default" && $0.type == fallback.type }
        }
        let code = entries.map { "\($0.key): \($0.type).self" as Code }
        return code.isEmpty ? "" : ", errorTypes: [\(Code.joined(code, separator: ", "))]"
    }

    /// An enum with one case per success answer, declared as `name`, and the switch that builds it.
    private mutating func answersEnum(_ answers: [SuccessAnswer], name: String, pointer: String) -> [Statement] {
        var cases: [Declaration] = []
        var clauses: [(label: Code, body: [Statement])] = []
        var fallback: [Statement]?
        for answer in answers {
            let caseName = SwiftNames.memberName(statusName(answer.response.status))
            cases.append(
                .enumCase(
                    EnumCaseDeclaration(
                        doc: Doc([answer.response.description ?? "`\(statusKey(answer.response))`"]), name: caseName,
                        associatedType: answer.type)))
            let value: Code = answer.read.map { ".\(caseName)(\($0))" } ?? ".\(caseName)"
            switch answer.response.status {
            case .code(let code): clauses.append(("case \(String(code))", [.line("return \(value)")]))
            case .range(let digit):
                clauses.append(
                    ("case \(String(digit * 100))..<\(String(digit * 100 + 100))", [.line("return \(value)")]))
            case .default: fallback = [.line("return \(value)")]
            }
        }
        // A 2xx the spec does not list reads as the first listed answer.
        clauses.append(("default", fallback ?? clauses[0].body))
        inlineModels.append(
            modelFile(
                "Models/\(name).swift",
                declarations: [
                    .type(
                        TypeDeclaration(
                            "enum", name,
                            doc: Doc(["The answers of the operation, by status.", "", "Spec: `\(pointer)/responses`"]),
                            conformances: ["Sendable"], members: cases))
                ]))
        return [.switchBlock("httpResponse.response.status.code", clauses)]
    }

    /// `httpResponse.response.status.code == 204` (or a range test).
    private func statusCondition(_ status: ResponseStatus) -> Code {
        switch status {
        case .code(let code): "httpResponse.response.status.code == \(String(code))"
        case .range(let digit): "httpResponse.response.status.code / 100 == \(String(digit))"
        case .default: "true"
        }
    }

    /// The response key as written: `200`, `4XX`, `default`.
    private func statusKey(_ response: Response) -> String {
        switch response.status {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "default"
        }
    }

    /// A name for a status: `ok`, `created`, `noContent`, `status299`, `success`, `other`.
    private func statusName(_ status: ResponseStatus) -> String {
        switch status {
        case .code(200): "ok"
        case .code(201): "created"
        case .code(202): "accepted"
        case .code(204): "no_content"
        case .code(206): "partial_content"
        case .code(400): "bad_request"
        case .code(401): "unauthorized"
        case .code(403): "forbidden"
        case .code(404): "not_found"
        case .code(409): "conflict"
        case .code(422): "unprocessable"
        case .code(429): "too_many_requests"
        case .code(500): "server_error"
        case .code(let code): "status_\(code)"
        case .range(let digit): "status_\(digit)xx"
        case .default: "other"
        }
    }
}
