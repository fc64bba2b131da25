import Testing
import YAML

@testable import SoraCodegen

/// `components.securitySchemes` of every kind, and `security` requirements of the document and of operations.
@Suite struct SecurityLoaderTests {
    /// A document with `schemes` under `components.securitySchemes` (scheme line K is spec line K + 6, columns + 4)
    /// and `security` at the root.
    static func document(_ schemes: String, security: String = "[]", operation: String = "") -> LoadingSpec.Result {
        LoadingSpec.load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            security: \(security)
            paths: {/p: {get: {operationId: op, \(operation)responses: {"200": {description: ok}}}}}
            components:
              securitySchemes:

            """ + LoadingSpec.indent(schemes, by: 4))
    }

    static func kind(_ kind: SecuritySchemeKind) -> String {
        switch kind {
        case .bearer: "bearer"
        case .basic: "basic"
        case .apiKey(let name, let location): "apiKey(\(name) in \(location))"
        }
    }

    @Test func schemesOfEveryKind() throws {
        let result = Self.document(
            """
            Token: {type: http, scheme: bearer, bearerFormat: JWT, description: a token}
            Login: {type: http, scheme: Basic}
            Key: {type: apiKey, name: X-API-Key, in: header}
            QueryKey: {type: apiKey, name: key, in: query}
            CookieKey: {type: apiKey, name: session, in: cookie}
            OAuth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t', scopes: {}}}}
            OIDC: {type: openIdConnect, openIdConnectUrl: 'https://o'}
            """)
        #expect(result.messages == [])
        let schemes = try #require(result.document?.securitySchemes)
        #expect(schemes.map(\.name) == ["Token", "Login", "Key", "QueryKey", "CookieKey", "OAuth", "OIDC"])
        #expect(
            schemes.map { Self.kind($0.kind) } == [
                "bearer", "basic", "apiKey(X-API-Key in header)", "apiKey(key in query)", "apiKey(session in cookie)",
                "bearer", "bearer",
            ])
        #expect(schemes.map(\.description) == ["a token", nil, nil, nil, nil, nil, nil])
        #expect(schemes.map(\.mark) == (7...13).map { Mark(line: $0, column: 5) })
    }

    @Test(arguments: [
        (
            "Digest: {type: http, scheme: digest}",
            "7:5: warning: security scheme 'Digest' uses HTTP scheme 'digest', which the client cannot send; operations "
                + "that need only it are sent without credentials"
        ),
        (
            "NoScheme: {type: http}",
            "7:5: warning: security scheme 'NoScheme' uses HTTP scheme '', which the client cannot send; operations "
                + "that need only it are sent without credentials"
        ),
        (
            "TLS: {type: mutualTLS}",
            "7:5: warning: security scheme 'TLS' of type 'mutualTLS' cannot be sent by the client; operations that "
                + "need only it are sent without credentials"
        ),
        (
            "Untyped: {description: d}",
            "7:5: warning: security scheme 'Untyped' of type '' cannot be sent by the client; operations that need "
                + "only it are sent without credentials"
        ),
        (
            "Key: {type: apiKey, in: header}",
            "7:5: error: apiKey security scheme 'Key' needs 'name' and 'in' (header, query or cookie)"
        ),
        (
            "Key: {type: apiKey, name: k, in: body}",
            "7:5: error: apiKey security scheme 'Key' needs 'name' and 'in' (header, query or cookie)"
        ),
        ("Key: [apiKey]", "7:10: error: security scheme 'Key' must be a mapping, found a sequence"),
        (
            "Key: {type: apiKey, name: k, in: query, x-scopes: []}",
            "7:45: warning: extension 'x-scopes' is not used by the generator; it is ignored"
        ),
    ])
    func schemesTheClientCannotSend(_ scheme: String, _ message: String) {
        let result = Self.document(scheme + "\n")
        #expect(result.messages == [message])
    }

    @Test func aSchemeMayBeAReference() throws {
        let result = Self.document(
            "Real: {type: http, scheme: bearer}\nAlias: {$ref: '#/components/securitySchemes/Real'}\n")
        #expect(result.document?.securitySchemes.map(\.name) == ["Real", "Alias"])
        #expect(result.document?.securitySchemes.map { Self.kind($0.kind) } == ["bearer", "bearer"])
        #expect(result.messages == [])
    }

    @Test func requirementsAreAlternativesOfSchemeLists() throws {
        let result = Self.document(
            "A: {type: http, scheme: bearer}\nB: {type: apiKey, name: k, in: query}\n",
            security: "[{A: []}, {A: [], B: [read]}, {}]", operation: "security: [], ")
        #expect(result.document?.security == [["A"], ["A", "B"], []])
        #expect(result.operation("op")?.security == [])
        #expect(result.messages == [])
    }

    @Test func anOperationWithoutSecurityUsesTheDocuments() throws {
        let result = Self.document("A: {type: http, scheme: bearer}\n", security: "[{A: []}]")
        #expect(result.operation("op")?.security == nil)
        #expect(result.document?.security == [["A"]])
    }

    @Test func undefinedSchemesAreDroppedWithAWarning() throws {
        let result = Self.document(
            "A: {type: http, scheme: bearer}\n", security: "[{Nope: []}, {A: [], Gone: []}]",
            operation: "security: [{Missing: []}], ")
        // An alternative that needs only undefined schemes cannot be met: it is dropped, not "no credentials".
        #expect(result.document?.security == [["A"]])
        #expect(result.operation("op")?.security == [])
        #expect(
            result.messages == [
                "3:13: warning: security scheme 'Nope' is not defined in components.securitySchemes; ignored",
                "3:32: warning: security scheme 'Gone' is not defined in components.securitySchemes; ignored",
                "4:49: warning: security scheme 'Missing' is not defined in components.securitySchemes; ignored",
            ])
    }

    @Test func securityMustBeASequenceOfMappings() {
        let result = Self.document(
            "A: {type: http, scheme: bearer}\n", security: "{A: []}", operation: "security: [A], ")
        #expect(
            result.messages == [
                "3:11: error: 'security' must be a sequence, found a mapping",
                "4:48: error: a security requirement must be a mapping, found the string 'A'",
            ])
    }
}
