/// One of a spec's `components.securitySchemes`, as generated code declares it (a static constant per scheme).
///
/// OAuth 2 and OpenID Connect schemes are declared as `.bearer`: the client does not run their flows, it
/// sends the access token the user obtained as `Authorization: Bearer <token>`.
@_spi(Generated) public struct SecurityScheme: Sendable, Hashable, CustomStringConvertible {
    /// How a scheme's credential travels.
    public enum Kind: Sendable, Hashable {
        /// `Authorization: Bearer <token>` (HTTP bearer, OAuth 2, OpenID Connect).
        case bearer
        /// `Authorization: Basic base64(username:password)` (RFC 7617, UTF-8).
        case basic
        /// An API key in the header, query parameter or cookie called `name`.
        case apiKey(name: String, location: APIKeyLocation)
    }

    /// Where an API key goes.
    public enum APIKeyLocation: String, Sendable, Hashable {
        /// A header field.
        case header
        /// A query parameter, percent-encoded.
        case query
        /// A pair in the request's single `Cookie` header.
        case cookie
    }

    /// The scheme's key in `components.securitySchemes`; credentials are supplied under this name.
    public let name: String
    /// How the credential travels.
    public let kind: Kind

    /// Declares a scheme.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The scheme's name, for messages.
    public var description: String { name }

    /// What credential the scheme takes, for messages: `a bearer token`.
    var expectedCredential: String {
        switch kind {
        case .bearer: "a bearer token"
        case .basic: "a username and password"
        case .apiKey: "an API key"
        }
    }
}
