import YAML

/// The typed spec: everything the translator needs, in spec order.
public struct SpecDocument: Sendable {
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// `info.description`.
    public var description: String?
    /// `info.x-client-name`: the generated client type's name.
    public var clientName: String?
    /// Where `info` is.
    public var infoMark: Mark
    /// `servers[].url` with their descriptions.
    public var servers: [Server]
    /// Named schemas of `components/schemas`, in spec order.
    public var schemas: [NamedSchema]
    /// Every operation, in path order then method order as written.
    public var operations: [Operation]
    /// `components.securitySchemes`, in spec order.
    public var securitySchemes: [SecuritySchemeSpec] = []
    /// The document's `security`: alternatives, each a list of scheme names (empty: no authentication).
    public var security: [[String]] = []
    /// `pattern`s Swift's Regex cannot compile (reported as warnings); validators leave them out.
    public var uncheckedPatterns: Set<String> = []
}

/// One entry of `servers`.
public struct Server: Sendable {
    /// The base URL, possibly with `{variables}`.
    public var url: String
    /// Its description.
    public var description: String?
    /// `variables`, in spec order.
    public var variables: [ServerVariable] = []

    /// The URL with every variable at its default.
    public var defaultURL: String {
        var result = url
        for variable in variables {
            result = result.replacing("{\(variable.name)}", with: variable.defaultValue)
        }
        return result
    }
}

/// A server URL variable.
public struct ServerVariable: Sendable {
    /// The name in braces.
    public var name: String
    /// `default`.
    public var defaultValue: String
    /// `enum`, when given.
    public var allowedValues: [String]
    /// `description`.
    public var description: String?
}

/// A security scheme of `components.securitySchemes`.
public struct SecuritySchemeSpec: Sendable {
    /// The key under `securitySchemes`.
    public var name: String
    /// What it sends.
    public var kind: SecuritySchemeKind
    /// `description`.
    public var description: String?
    /// Where it is.
    public var mark: Mark
}

/// What a security scheme sends.
public enum SecuritySchemeKind: Sendable, Hashable {
    /// `Authorization: Bearer TOKEN` (http bearer, oauth2 and openIdConnect access tokens).
    case bearer
    /// `Authorization: Basic base64(user:password)`.
    case basic
    /// A key in a header, query item or cookie.
    case apiKey(name: String, location: String)
}

/// A schema of `components/schemas`.
public struct NamedSchema: Sendable {
    /// The key under `components/schemas`.
    public var name: String
    /// The schema.
    public var schema: Schema
    /// Where the key is.
    public var mark: Mark
}
