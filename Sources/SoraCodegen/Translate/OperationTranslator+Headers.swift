/// Typed response headers: a `<Operation>ResponseHeaders` struct per operation whose success answers document
/// headers, and a `…WithHeaders` twin of each method that returns them beside the body.
extension Translator {
    /// The headers struct of an operation and the expression that reads it from `httpResponse`.
    struct HeadersPlan {
        var type: SwiftType
        var read: Code
    }

    /// Declares the headers struct for the operation's success answers, or nil when they document none.
    mutating func headersPlan(_ successes: [Response], operationID: String, typeSeed: String, pointer: String)
        -> HeadersPlan?
    {
        var headers: [ResponseHeader] = []
        for response in successes {
            for header in response.headers
            where !headers.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
                headers.append(header)
            }
        }
        guard !headers.isEmpty else { return nil }
        let name = typeSeed + "ResponseHeaders"
        var properties: [Declaration] = []
        var parameters: [FunctionParameter] = []
        var assignments: [Statement] = []
        var reads: [Code] = []
        var seen: Set<String> = []
        for header in headers {
            var member = SwiftNames.memberName(header.name)
            if seen.contains(SwiftNames.bare(member)) {
                member = SwiftNames.escaped(SwiftNames.numbered(SwiftNames.bare(member)) { seen.contains($0) })
            }
            seen.insert(SwiftNames.bare(member))
            let (type, read) = headerType(header)
            var lines = header.description.map { [$0, ""] } ?? []
            lines.append("The `\(header.name)` header; nil when absent or unreadable as `\(type)`.")
            properties.append(.property(PropertyDeclaration(doc: Doc(lines), name: member, type: type.optional)))
            parameters.append(FunctionParameter(name: member, type: type.optional, defaultValue: "nil"))
            assignments.append(.line("self.\(member) = \(member)"))
            reads.append("\(SwiftNames.bare(member)): \(read)")
        }
        let initializer = FunctionDeclaration(
            doc: Doc(["Creates the headers; each defaults to nil (not sent)."]), name: "init", parameters: parameters,
            body: assignments)
        let declaration = TypeDeclaration(
            "struct", name,
            doc: Doc(["The response headers `\(operationID)` documents.", "", "Spec: `\(pointer)/responses`"]),
            conformances: ["Hashable", "Sendable"], members: properties + [.function(initializer)])
        inlineModels.append(
            modelFile("Models/\(name).swift", declarations: [.type(declaration)]))
        return HeadersPlan(type: .named(name), read: "\(name)(\(Code.joined(reads, separator: ", ")))")
    }

    /// The Swift type of a header value and how to read it: integers, numbers and booleans checked, anything
    /// else as the text sent.
    private func headerType(_ header: ResponseHeader) -> (SwiftType, Code) {
        let name: Code = "\(literal: header.name)"
        switch table.resolved(header.schema)?.kind {
        case .integer?: return (.int, "httpResponse.header(\(name), as: Int.self)")
        case .number?: return (.double, "httpResponse.header(\(name), as: Double.self)")
        case .boolean?: return (.bool, "httpResponse.header(\(name), as: Bool.self)")
        default: return (.string, "httpResponse.header(\(name))")
        }
    }

    /// The `…WithHeaders` twin of an operation method: the same request, and the answer paired with its headers.
    func withHeadersFunction(
        _ function: FunctionDeclaration, sending: [Statement], reading: [Statement], headers: HeadersPlan
    ) -> FunctionDeclaration {
        var body = sending
        body.append(.line("let headers = \(headers.read)"))
        let returnType: SwiftType
        if let bodyType = function.returnType {
            returnType = .generic("ResponseWithHeaders", [bodyType, headers.type])
            body.append(.block("func readBody() async throws(SoraError) -> \(bodyType)", reading))
            body.append(.line("return ResponseWithHeaders(body: try await readBody(), headers: headers)"))
        } else {
            returnType = headers.type
            body.append(.line("return headers"))
        }
        var twin = function
        twin.name = function.name + "WithHeaders"
        twin.returnType = returnType
        twin.body = body
        twin.doc = Doc(
            ["`\(function.name)`, returning the documented response headers too.", ""] + function.doc.lines)
        return twin
    }

    /// The plain method's body when it has a `…WithHeaders` twin: one call, keeping the body (or nothing).
    func forwarding(to twin: FunctionDeclaration, returnsBody: Bool) -> Statement {
        let arguments = twin.parameters.map { parameter -> Code in
            switch parameter.label {
            case "_"?: "\(parameter.name)"
            case let label?: "\(label): \(parameter.name)"
            case nil: "\(parameter.name): \(parameter.name)"
            }
        }
        let call: Code = "try await \(twin.name)(\(Code.joined(arguments, separator: ", ")))"
        return .line(returnsBody ? "return \(call).body" : "_ = \(call)")
    }
}
