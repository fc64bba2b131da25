import HTTPTypes

/// The credentials of one client: picks the alternative of an operation's security requirement it can
/// satisfy, says where each credential goes, and redacts all of them from text.
struct Authorizer: Sendable {
    /// What one request carries for its security: header fields, query items and cookies.
    struct Placement: Sendable {
        var headers: [(name: HTTPField.Name, value: String)] = []
        var query: [(name: String, value: String)] = []
        var cookies: [(name: String, value: String)] = []
    }

    /// The token of `init(…token:…)`: sent as bearer when a request sets no requirement, and used by any
    /// bearer scheme the credentials do not name.
    let token: String?
    /// Credentials by scheme name.
    let credentials: [String: Credential]

    /// True when anything secret would be sent.
    var hasCredentials: Bool { token != nil || !credentials.isEmpty }
    /// Every secret in every form, longest first, so a secret inside another is never half-redacted.
    private let secrets: [String]

    init(token: String?, credentials: [String: Credential]) {
        self.token = token
        self.credentials = credentials
        var forms = Set(credentials.values.flatMap(\.redactedForms))
        if let token, !token.isEmpty { forms.formUnion(Credential.bearer(token).redactedForms) }
        secrets = forms.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Replaces every credential (in any of its forms) with `<redacted>`.
    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }

    /// Where the credentials go for `request`: the first non-empty alternative of its requirement whose
    /// credentials are all known, else nothing when an empty alternative (or none at all) allows that; with no
    /// requirement set, the token as bearer (or nothing).
    func placement(for request: OperationRequest) throws(SoraError) -> Placement {
        guard let alternatives = request.security else {
            var placement = Placement()
            if let token { placement.headers.append((.authorization, "Bearer \(token)")) }
            return placement
        }
        // An empty alternative ("anonymous is fine") is the last resort: credentials the client has are sent.
        for alternative in alternatives where !alternative.isEmpty {
            let found = alternative.compactMap { scheme in credential(for: scheme).map { (scheme, $0) } }
            guard found.count == alternative.count else { continue }
            var placement = Placement()
            for (scheme, credential) in found {
                try place(credential, for: scheme, into: &placement, operationID: request.operationID)
            }
            return placement
        }
        if alternatives.isEmpty || alternatives.contains(where: \.isEmpty) { return Placement() }
        let accepted = alternatives.map { $0.map(\.name).joined(separator: " + ") }.joined(separator: ", or ")
        throw .invalidRequest(
            "\(request.operationID): no credentials for its security; supply credentials for \(accepted)")
    }

    private func credential(for scheme: SecurityScheme) -> Credential? {
        if let credential = credentials[scheme.name] { return credential }
        if scheme.kind == .bearer, let token { return .bearer(token) }
        return nil
    }

    private func place(
        _ credential: Credential, for scheme: SecurityScheme, into placement: inout Placement, operationID: String
    ) throws(SoraError) {
        let authorization: String
        switch (scheme.kind, credential.secret) {
        case (.bearer, .bearer(let token)):
            authorization = "Bearer \(token)"
        case (.basic, .basic(let username, let password)):
            authorization = "Basic " + Credential.basicToken(username: username, password: password)
        case (.apiKey(let name, let location), .apiKey(let key)):
            switch location {
            case .header:
                guard let field = HTTPField.Name(name) else {
                    throw .invalidRequest("\(operationID): \(scheme.name) names an invalid header \(name)")
                }
                placement.headers.append((field, key))
            case .query: placement.query.append((name, key))
            case .cookie: placement.cookies.append((name, key))
            }
            return
        default:
            throw .invalidRequest(
                "\(operationID): the credential for \(scheme.name) is \(credential.kindName), but \(scheme.name) "
                    + "takes \(scheme.expectedCredential)")
        }
        if placement.headers.contains(where: { $0.name == .authorization }) {
            throw .invalidRequest(
                "\(operationID): its security sends two Authorization headers; only one can be sent")
        }
        placement.headers.append((.authorization, authorization))
    }
}
