import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Which credentials go out for an operation's security requirement, read off the wire of a loopback server.
@Suite struct SecurityWireTests {
    static let bearer = SecurityScheme(name: "bearerAuth", kind: .bearer)
    static let basic = SecurityScheme(name: "basicAuth", kind: .basic)
    static let headerKey = SecurityScheme(name: "headerKey", kind: .apiKey(name: "X-API-Key", location: .header))
    static let queryKey = SecurityScheme(name: "queryKey", kind: .apiKey(name: "api key", location: .query))
    static let cookieKey = SecurityScheme(name: "cookieKey", kind: .apiKey(name: "session", location: .cookie))

    func request(_ security: [[SecurityScheme]]?) -> OperationRequest {
        var request = OperationRequest(operationID: "listPets", method: .get, path: "/pets")
        if let security { request.setSecurity(security) }
        return request
    }

    @Test func bearerSchemeSendsTheToken() async throws {
        let sent = try await Loopback.record(request([[Self.bearer]]), credentials: ["bearerAuth": .bearer("tok-1")])
        #expect(sent.headerValues("Authorization") == ["Bearer tok-1"])
    }

    @Test func basicSchemeSendsBase64OfUserColonPassword() async throws {
        let sent = try await Loopback.record(
            request([[Self.basic]]), credentials: ["basicAuth": .basic(username: "aladdin", password: "open:sesame é")])
        // base64("aladdin:open:sesame é") with é as UTF-8 (RFC 7617 charset=UTF-8).
        #expect(sent.headerValues("Authorization") == ["Basic YWxhZGRpbjpvcGVuOnNlc2FtZSDDqQ=="])
    }

    @Test func apiKeysGoToTheirHeaderQueryAndOneMergedCookie() async throws {
        var request = request([[Self.headerKey, Self.queryKey, Self.cookieKey]])
        request.addQuery("limit", 5)
        request.addCookie("theme", "dark mode")
        let sent = try await Loopback.record(
            request,
            credentials: [
                "headerKey": .apiKey("h-key"), "queryKey": .apiKey("q&key=1 +"), "cookieKey": .apiKey("c/k=="),
            ])
        #expect(sent.header("X-API-Key") == "h-key")
        #expect(sent.target == "/v1/pets?limit=5&api%20key=q%26key%3D1%20%2B")
        #expect(sent.headerValues("Cookie") == ["theme=dark%20mode; session=c/k=="])
        #expect(sent.header("Authorization") == nil)
    }

    @Test func theFirstAlternativeWithEveryCredentialIsUsed() async throws {
        let sent = try await Loopback.record(
            request([[Self.bearer, Self.headerKey], [Self.basic], [Self.queryKey]]),
            credentials: [
                "headerKey": .apiKey("h"), "basicAuth": .basic(username: "u", password: "p"), "queryKey": .apiKey("q"),
            ])
        #expect(sent.headerValues("Authorization") == ["Basic dTpw"])
        #expect(sent.header("X-API-Key") == nil, "the first alternative lacks bearerAuth, so none of it is sent")
        #expect(sent.query == nil)
    }

    @Test func anEmptyAlternativeSendsCredentialsWhenTheClientHasThem() async throws {
        let withKey = try await Loopback.record(
            request([[], [Self.headerKey]]), credentials: ["headerKey": .apiKey("h")])
        #expect(withKey.header("X-API-Key") == "h")
        let without = try await Loopback.record(request([[], [Self.headerKey]]))
        #expect(without.header("X-API-Key") == nil)
        #expect(without.header("Authorization") == nil)
    }

    @Test func unsatisfiableSecurityFailsBeforeSending() async throws {
        let (error, requests) = try await Loopback.failure(
            request([[Self.bearer, Self.headerKey], [Self.basic]]), credentials: ["bearerAuth": .bearer("t")])
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(
            message
                == "listPets: no credentials for its security; supply credentials for bearerAuth + headerKey, or basicAuth"
        )
        #expect(requests.isEmpty)
    }

    @Test func aCredentialOfTheWrongKindIsRefused() async throws {
        let (error, requests) = try await Loopback.failure(
            request([[Self.basic]]), credentials: ["basicAuth": .bearer("t")])
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(
            message
                == "listPets: the credential for basicAuth is a bearer token, but basicAuth takes a username and password"
        )
        #expect(requests.isEmpty)
    }

    @Test func credentialsAreSentOnlyWhereTheRequirementAsks() async throws {
        let unset = try await Loopback.record(request(nil), credentials: ["bearerAuth": .bearer("t")])
        #expect(unset.header("Authorization") == nil)
        let optedOut = try await Loopback.record(request([]), credentials: ["bearerAuth": .bearer("t")])
        #expect(optedOut.header("Authorization") == nil)
    }

    // MARK: The token initialiser keeps its meaning

    @Test func tokenIsSentAsBearerWhenNoRequirementIsSet() async throws {
        let sent = try await Loopback.record(request(nil), token: "sk-1")
        #expect(sent.headerValues("Authorization") == ["Bearer sk-1"])
    }

    @Test func tokenSatisfiesAnyBearerScheme() async throws {
        let oauth = SecurityScheme(name: "oauth", kind: .bearer)
        let sent = try await Loopback.record(request([[Self.headerKey], [oauth]]), token: "sk-1")
        #expect(sent.headerValues("Authorization") == ["Bearer sk-1"])
        let (error, _) = try await Loopback.failure(request([[Self.headerKey]]), token: "sk-1")
        guard case .invalidRequest? = error else {
            Issue.record("a token is not an API key; got \(String(describing: error))")
            return
        }
    }

    @Test func anOperationWithoutSecuritySendsNoToken() async throws {
        let sent = try await Loopback.record(request([]), token: "sk-1")
        #expect(sent.header("Authorization") == nil)
    }
}
