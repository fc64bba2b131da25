/// Security: the schemes the client declares, the credentials its initialiser takes, and the requirement each
/// operation sets.
extension Translator {
    /// True when the document has one bearer scheme and every operation needs exactly it: the client then takes
    /// one `token` and sets no per-operation requirement (the Sora client's shape).
    static func usesSingleToken(_ document: SpecDocument) -> Bool {
        guard document.securitySchemes.count == 1, document.securitySchemes[0].kind == .bearer else { return false }
        let only = [[document.securitySchemes[0].name]]
        return document.operations.allSatisfy { ($0.security ?? document.security) == only }
    }

    /// The scheme constants' Swift names, by scheme name.
    func schemeConstantName(_ scheme: SecuritySchemeSpec) -> String {
        SwiftNames.bare(SwiftNames.memberName(scheme.name)) + "Scheme"
    }

    /// `httpRequest.setSecurity([[Self.a], [Self.b, Self.c], []])`, or nil for the single-token client.
    func securityStatement(_ operation: Operation) -> Statement? {
        guard !usesSingleToken else { return nil }
        let requirement = operation.security ?? document.security
        var alternatives: [Code] = []
        for alternative in requirement {
            let schemes = alternative.compactMap { name in document.securitySchemes.first { $0.name == name } }
            // A scheme the client cannot send leaves the alternative without it (it was reported when loading).
            let names = schemes.map { "Self.\(schemeConstantName($0))" }
            alternatives.append("[\(names.joined(separator: ", "))]")
        }
        return .line("httpRequest.setSecurity([\(Code.joined(alternatives, separator: ", "))])")
    }

    /// The scheme constants and the credentials initialiser of a client that is not single-token.
    func credentialMembers() -> [Declaration] {
        var members: [Declaration] = []
        var parameters: [FunctionParameter] = [
            FunctionParameter(name: "baseURL", type: .optional(.url), defaultValue: "nil")
        ]
        var body: [Statement] = [.line("var credentials: [String: Credential] = [:]")]
        var taken: Set<String> = ["baseURL", "transport", "configuration", "credentials"]
        for scheme in document.securitySchemes {
            let kind: Code
            let credential: Code
            var argument = SwiftNames.bare(SwiftNames.memberName(scheme.name))
            if taken.contains(argument) { argument += "Credential" }
            taken.insert(argument)
            let type: SwiftType
            switch scheme.kind {
            case .bearer:
                kind = ".bearer"
                type = .string
                credential = ".bearer(\(argument))"
            case .basic:
                kind = ".basic"
                type = .named("(username: String, password: String)")
                credential = ".basic(username: \(argument).username, password: \(argument).password)"
            case .apiKey(let name, let location):
                kind = ".apiKey(name: \(literal: name), location: .\(location))"
                type = .string
                credential = ".apiKey(\(argument))"
            }
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: Doc([scheme.description ?? "The `\(scheme.name)` security scheme."]),
                        modifiers: "static", keyword: "let", name: schemeConstantName(scheme),
                        type: "SecurityScheme",
                        initializer: "SecurityScheme(name: \(literal: scheme.name), kind: \(kind))")))
            parameters.append(
                FunctionParameter(name: SwiftNames.escaped(argument), type: type.optional, defaultValue: "nil"))
            body.append(
                .block(
                    "if let \(SwiftNames.escaped(argument))",
                    [
                        .line("credentials[\(literal: scheme.name)] = \(credential)")
                    ]))
        }
        parameters += [
            FunctionParameter(name: "transport", type: .existential("ClientTransport")),
            FunctionParameter(
                name: "configuration", type: "ClientConfiguration", defaultValue: "ClientConfiguration()"),
        ]
        body.append(
            .line(
                "core = try APIClientCore(baseURL: baseURL, defaultServer: Self.servers.first, credentials: credentials, transport: transport, configuration: configuration)"
            ))
        if document.securitySchemes.isEmpty { body.removeFirst() }
        if document.securitySchemes.isEmpty {
            body[body.count - 1] = .line(
                "core = try APIClientCore(baseURL: baseURL, defaultServer: Self.servers.first, credentials: [:], transport: transport, configuration: configuration)"
            )
        }
        let names = document.securitySchemes.map { "`\($0.name)`" }.joined(separator: ", ")
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(
                        [
                            document.securitySchemes.isEmpty
                                ? "Creates a client for `baseURL` (default: the spec's first server)."
                                : "Creates a client for `baseURL` (default: the spec's first server) with the "
                                    + "credentials of the security schemes you use (\(names)).",
                            "",
                            "Each operation sends the credentials its spec asks for; they are kept out of every log "
                                + "line, error and description.",
                        ]), name: "init", parameters: parameters, effects: "throws(SoraError)", body: body)))
        return members
    }
}
