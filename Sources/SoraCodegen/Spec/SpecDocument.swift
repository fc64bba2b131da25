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
}

/// One entry of `servers`.
public struct Server: Sendable {
    /// The base URL.
    public var url: String
    /// Its description.
    public var description: String?
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
