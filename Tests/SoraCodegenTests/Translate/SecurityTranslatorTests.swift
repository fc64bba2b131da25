import SoraCodegen
import Testing

/// Security: a constant per scheme, an initialiser argument per credential, and each operation's requirement.
@Suite struct SecurityTranslatorTests {
    private typealias Spec = TranslationSpec

    private func generate(schemes: String, security: String = "", operationSecurity: String = "") -> (
        client: [String], operations: [String], messages: [String]
    ) {
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                paths: """
                      /a:
                        get:
                          operationId: getA
                    \(operationSecurity.isEmpty ? "" : "      security: " + operationSecurity)
                          responses: {"200": {description: ok, content: {application/json: {schema: {type: string}}}}}
                    """,
                extra: "  securitySchemes:\n" + Spec.indent(schemes, by: 4) + "\n" + security))
        return (
            Spec.code(Spec.file(result, "APIClient.swift")), Spec.code(Spec.file(result, "Operations/Default.swift")),
            Spec.messages(result)
        )
    }

    /// Each kind of scheme: its constant's `kind`, the argument's type and the credential it becomes.
    @Test(arguments: [
        (
            "{type: http, scheme: bearer}", ".bearer", "auth: String? = nil",
            "credentials[\"auth\"] = .bearer(auth)"
        ),
        (
            "{type: http, scheme: basic}", ".basic", "auth: (username: String, password: String)? = nil",
            "credentials[\"auth\"] = .basic(username: auth.username, password: auth.password)"
        ),
        (
            "{type: apiKey, in: header, name: X-Api-Key}", ".apiKey(name: \"X-Api-Key\", location: .header)",
            "auth: String? = nil", "credentials[\"auth\"] = .apiKey(auth)"
        ),
        (
            "{type: apiKey, in: query, name: api_key}", ".apiKey(name: \"api_key\", location: .query)",
            "auth: String? = nil", "credentials[\"auth\"] = .apiKey(auth)"
        ),
        (
            "{type: apiKey, in: cookie, name: session}", ".apiKey(name: \"session\", location: .cookie)",
            "auth: String? = nil", "credentials[\"auth\"] = .apiKey(auth)"
        ),
    ])
    func everySchemeKindBecomesAConstantAnArgumentAndACredential(
        scheme: String, kind: String, argument: String, credential: String
    ) {
        // Two schemes, so the client is not the single-token kind even for bearer.
        let (client, operations, messages) = generate(
            schemes: "auth: \(scheme)\nother: {type: apiKey, in: header, name: X-Other}",
            security: "security: [{auth: []}]")
        #expect(messages.isEmpty)
        let constant = client.joined(separator: " ")
        #expect(
            constant.contains("static let authScheme: SecurityScheme = SecurityScheme(name: \"auth\", kind: \(kind))")
                || constant.contains(
                    "static let authScheme: SecurityScheme = SecurityScheme( name: \"auth\", kind: \(kind) )")
        )
        #expect(client.contains(argument + ","))
        #expect(client.contains("if let auth {"))
        #expect(client.contains(credential))
        #expect(operations.contains("httpRequest.setSecurity([[Self.authScheme]])"))
    }

    @Test func requirementsAreAlternativesOfSchemesAndAnEmptyOneIsAnonymous() {
        let (client, operations, messages) = generate(
            schemes: """
                basicAuth: {type: http, scheme: basic}
                headerKey: {type: apiKey, in: header, name: X-Api-Key}
                queryKey: {type: apiKey, in: query, name: key}
                """,
            security: "security: [{basicAuth: []}]",
            operationSecurity: "[{basicAuth: []}, {headerKey: [], queryKey: []}, {}]")
        #expect(messages.isEmpty)
        #expect(
            operations.contains(
                "httpRequest.setSecurity([[Self.basicAuthScheme], [Self.headerKeyScheme, Self.queryKeyScheme], []])"))
        #expect(client.contains("static let queryKeyScheme: SecurityScheme = SecurityScheme("))
        let (_, none, _) = generate(
            schemes: "basicAuth: {type: http, scheme: basic}", security: "security: [{basicAuth: []}]",
            operationSecurity: "[]")
        #expect(none.contains("httpRequest.setSecurity([])"), "security: [] turns the document's requirement off")
    }

    @Test func oneBearerSchemeEveryOperationNeedsMakesASingleTokenClient() {
        let (client, operations, messages) = generate(
            schemes: "bearer: {type: http, scheme: bearer}", security: "security: [{bearer: []}]")
        #expect(messages.isEmpty)
        #expect(client.contains("token: String,"))
        #expect(client.contains("token: token,"))
        #expect(!client.contains { $0.contains("SecurityScheme") })
        #expect(!operations.contains { $0.contains("setSecurity") })
    }

    @Test func oneBearerSchemeThatAnOperationSkipsIsNotSingleToken() {
        let (client, operations, _) = generate(
            schemes: "bearer: {type: http, scheme: bearer}", security: "security: [{bearer: []}]",
            operationSecurity: "[]")
        #expect(!client.contains("token: String,"))
        #expect(client.contains("bearer: String? = nil,"))
        #expect(operations.contains("httpRequest.setSecurity([])"))
    }

    @Test func schemeNamesThatClashWithInitialiserArgumentsGetACredentialSuffix() {
        let (client, _, messages) = generate(
            schemes: """
                transport: {type: apiKey, in: header, name: X-T}
                baseURL: {type: http, scheme: bearer}
                """)
        #expect(messages.isEmpty)
        #expect(client.contains("transportCredential: String? = nil,"))
        #expect(client.contains("baseURLCredential: String? = nil,"))
        #expect(client.contains("if let transportCredential {"))
        #expect(client.contains("credentials[\"transport\"] = .apiKey(transportCredential)"))
        #expect(client.contains("transport: any ClientTransport,"))
    }

    @Test func hostileSchemeNamesAndDescriptionsAreLiteralsAndComments() {
        let (client, _, messages) = generate(
            schemes: """
                'my "key"': {type: apiKey, in: header, name: 'X-\\(Key)', description: "The \\"key\\" */\\nnext"}
                """)
        #expect(messages.isEmpty)
        let all = client.joined(separator: "\n")
        #expect(all.contains("name: \"my \\\"key\\\"\""))
        #expect(all.contains("kind: .apiKey(name: \"X-\\\\(Key)\", location: .header)"))
        #expect(all.contains("credentials[\"my \\\"key\\\"\"] = .apiKey(myKey)"))
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                extra:
                    "  securitySchemes:\n    k: {type: apiKey, in: header, name: X, description: \"The \\\"key\\\" */\\nnext\"}"
            ))
        #expect(
            Spec.file(result, "APIClient.swift").contains(
                "    /// The \"key\" */\n    /// next\n    static let kScheme"))
    }

    @Test func aClientWithoutSchemesPassesNoCredentials() {
        let result = Spec.generate(Spec.text(schemas: "    Seed: {type: string}"))
        let client = Spec.code(Spec.file(result, "APIClient.swift"))
        #expect(client.contains("credentials: [:],"))
        #expect(!client.contains { $0.contains("var credentials") })
        #expect(
            Spec.file(result, "APIClient.swift").contains(
                "    /// Creates a client for `baseURL` (default: the spec's first server).\n    ///\n"))
    }
}
