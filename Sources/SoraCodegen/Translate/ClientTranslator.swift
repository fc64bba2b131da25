/// The client type: servers from the spec and the runtime core that every operation calls.
extension Translator {
    func clientFile() -> SwiftFile {
        var doc: [String] = [document.title]
        if let description = document.description { doc += ["", description] }
        doc += ["", "Spec: `#/info` (version \(document.version))"]
        let servers: [Code] = document.servers.map { "\(literal: $0.defaultURL)" }
        var serverDoc = ["The servers the spec lists; the first is the default base URL."]
        for server in document.servers where !server.variables.isEmpty {
            serverDoc += ["", "`\(server.url)`, here with its defaults; pass another `baseURL` for:"]
            for variable in server.variables {
                let values =
                    variable.allowedValues.isEmpty ? "any value" : variable.allowedValues.joined(separator: ", ")
                serverDoc.append("- `\(variable.name)`: \(values) (default `\(variable.defaultValue)`)")
            }
        }
        var members: [Declaration] = [
            .property(
                PropertyDeclaration(
                    doc: Doc(serverDoc), modifiers: "public static", keyword: "let", name: "servers",
                    type: .array(.string), initializer: "[\(Code.joined(servers, separator: ", "))]")),
            .property(
                PropertyDeclaration(
                    doc: Doc([
                        "Sends requests and turns responses into values or typed errors; operations only, so no call skips validation."
                    ]),
                    modifiers: "", keyword: "let", name: "core", type: "APIClientCore")),
        ]
        guard usesSingleToken else {
            members += credentialMembers()
            return clientFile(members: members, doc: doc)
        }
        members += [
            .function(
                FunctionDeclaration(
                    doc: Doc([
                        "Creates a client for `baseURL` (default: the spec's first server) that sends `token` as a bearer token.",
                        "",
                        "The token is kept out of every log line, error and description.",
                    ]),
                    name: "init",
                    parameters: [
                        FunctionParameter(name: "baseURL", type: .optional(.url), defaultValue: "nil"),
                        FunctionParameter(name: "token", type: .string),
                        FunctionParameter(name: "transport", type: .existential("ClientTransport")),
                        FunctionParameter(
                            name: "configuration", type: "ClientConfiguration", defaultValue: "ClientConfiguration()"),
                    ],
                    effects: "throws(SoraError)",
                    body: [
                        .line(
                            "core = try APIClientCore(baseURL: baseURL, defaultServer: Self.servers.first, token: token, transport: transport, configuration: configuration)"
                        )
                    ]))
        ]
        return clientFile(members: members, doc: doc)
    }

    private func clientFile(members: [Declaration], doc: [String]) -> SwiftFile {
        SwiftFile(
            path: "\(clientName).swift", imports: ["Foundation", SwiftFile.runtimeImport],
            declarations: [
                .type(
                    TypeDeclaration("struct", clientName, doc: Doc(doc), conformances: ["Sendable"], members: members))
            ])
    }
}
