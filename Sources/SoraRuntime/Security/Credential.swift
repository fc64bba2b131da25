import Foundation

/// A secret the user supplies for one security scheme, keyed by the scheme's name in
/// `APIClientCore(baseURL:defaultServer:credentials:transport:configuration:)`.
///
/// Its value never shows in `description`, `dump` or a mirror, and the client redacts it (and its base64 and
/// percent-encoded forms) from every error and log line.
@_spi(Generated)
public struct Credential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    enum Secret: Sendable {
        case bearer(String)
        case basic(username: String, password: String)
        case apiKey(String)
    }

    let secret: Secret

    private init(_ secret: Secret) { self.secret = secret }

    /// A token sent as `Authorization: Bearer <token>`: for HTTP bearer, OAuth 2 and OpenID Connect schemes.
    public static func bearer(_ token: String) -> Credential { Credential(.bearer(token)) }

    /// A username and password sent as `Authorization: Basic …`; the username must not contain `:`.
    public static func basic(username: String, password: String) -> Credential {
        Credential(.basic(username: username, password: password))
    }

    /// An API key, sent where its scheme says (header, query or cookie).
    public static func apiKey(_ key: String) -> Credential { Credential(.apiKey(key)) }

    /// `bearer token`, `basic credentials` or `API key`: the kind, never the value.
    var kindName: String {
        switch secret {
        case .bearer: "a bearer token"
        case .basic: "a username and password"
        case .apiKey: "an API key"
        }
    }

    /// `Credential(bearer: <redacted>)`.
    public var description: String {
        switch secret {
        case .bearer: "Credential(bearer: <redacted>)"
        case .basic: "Credential(basic: <redacted>)"
        case .apiKey: "Credential(apiKey: <redacted>)"
        }
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// No children, so `dump` cannot print the value.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Why the value cannot be sent (empty, a line break, a NUL, a `:` in a username), or nil.
    func problem() -> String? {
        switch secret {
        case .bearer(let value), .apiKey(let value):
            return value.isEmpty ? "is empty" : Self.unsafeCharacters(in: value)
        case .basic(let username, let password):
            if username.contains(":") { return "has a ':' in its username" }
            return Self.unsafeCharacters(in: username) ?? Self.unsafeCharacters(in: password)
        }
    }

    private static func unsafeCharacters(in value: String) -> String? {
        value.contains(where: { $0.isNewline || $0 == "\0" }) ? "contains a line break or a NUL" : nil
    }

    /// `base64(username:password)`, the value of a Basic `Authorization` header.
    static func basicToken(username: String, password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// Every form in which the value could reach a person: as sent, percent-encoded for a query or a cookie,
    /// base64 for Basic, and escaped inside a JSON string (with and without `\/`).
    var redactedForms: [String] {
        let values: [String]
        switch secret {
        case .bearer(let value), .apiKey(let value): values = [value]
        case .basic(let username, let password):
            values = [
                Self.basicToken(username: username, password: password), "\(username):\(password)", username,
                password,
            ]
        }
        var forms: [String] = []
        for value in values where !value.isEmpty {
            forms += [
                value, PercentEncoding.queryComponent(value), PercentEncoding.cookieValue(value),
                PercentEncoding.formComponent(value), Self.jsonEscaped(value),
                Self.jsonEscaped(value).replacingOccurrences(of: "/", with: "\\/"),
            ]
        }
        return forms
    }

    /// The text between the quotes of the JSON string for `value`.
    static func jsonEscaped(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(value), data.count >= 2 else { return value }
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
