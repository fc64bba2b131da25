import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

/// No credential, in any form it travels in, reaches a description, a dump, an error or a log line.
@Suite struct CredentialSecrecyTests {
    static let password = "pa/ss w0rd+"
    static let apiKey = "key/with=slash&amp"
    static let token = "tok-SECRET-9"
    static let credentials: [String: Credential] = [
        "basicAuth": .basic(username: "user-SECRET", password: password), "queryKey": .apiKey(apiKey),
        "bearerAuth": .bearer(token),
    ]
    static let queryKey = SecurityScheme(name: "queryKey", kind: .apiKey(name: "key", location: .query))
    static let basic = SecurityScheme(name: "basicAuth", kind: .basic)

    /// Every form of every secret above that must never show.
    static var forms: [String] {
        [
            password, apiKey, token, "user-SECRET", Data("user-SECRET:\(password)".utf8).base64EncodedString(),
            PercentEncoding.queryComponent(apiKey), PercentEncoding.queryComponent(password), "key\\/with=slash",
        ]
    }

    static func leaks(_ text: String) -> [String] {
        forms.filter { text.contains($0) }
    }

    @Test func credentialsNeverShowInDescriptionsOrDumps() throws {
        let core = try APIClientCore(
            baseURL: URL(string: "https://api.example")!, defaultServer: nil, credentials: Self.credentials,
            transport: RefusingTransport(), configuration: ClientConfiguration())
        var texts = [String(describing: core), String(reflecting: core), "\(core)"]
        for value in [core as Any, Self.credentials as Any] {
            var dumped = ""
            dump(value, to: &dumped)
            texts.append(dumped)
        }
        for credential in Self.credentials.values {
            texts += [String(describing: credential), String(reflecting: credential)]
            #expect(Mirror(reflecting: credential).children.isEmpty)
        }
        for text in texts {
            #expect(Self.leaks(text).isEmpty, "leaked in \(text)")
        }
        #expect(
            core.description
                == "APIClientCore(baseURL: https://api.example, credentials: [basicAuth: <redacted>, bearerAuth: <redacted>, queryKey: <redacted>])"
        )
        #expect(String(describing: Credential.basic(username: "u", password: "p")) == "Credential(basic: <redacted>)")
    }

    @Test func anErrorBodyEchoingCredentialsIsRedactedEverywhere() async throws {
        let basic = Data("user-SECRET:\(Self.password)".utf8).base64EncodedString()
        let echo = #"""
            {"message":"bad key \#(Self.apiKey) or \#(PercentEncoding.queryComponent(Self.apiKey))",
             "detail":{"auth":"Basic \#(basic)","escaped":"key\/with=slash&amp","\#(Self.token)":"\#(Self.password)"}}
            """#
        var request = OperationRequest(operationID: "op", method: .get, path: "/x")
        request.setSecurity([[Self.queryKey, Self.basic]])
        let (error, requests) = try await Loopback.failure(
            request, answer: .init(status: 401, body: echo), errorTypes: [401: JSONValue.self],
            credentials: Self.credentials)
        guard case .api(let api)? = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        // The credentials did go out…
        #expect(requests.first?.query == "key=" + PercentEncoding.queryComponent(Self.apiKey))
        #expect(requests.first?.header("Authorization") == "Basic \(basic)")
        // …and came back only as <redacted>.
        #expect(api.message == "bad key <redacted> or <redacted>")
        var dumped = ""
        dump(api, to: &dumped)
        let payload = try #require(api.payload(as: JSONValue.self))
        for text in [api.description, dumped, "\(api.body as Any)", "\(payload)", String(describing: error)] {
            #expect(Self.leaks(text).isEmpty, "leaked in \(text)")
        }
        #expect(api.body == payload)
        guard case .object(let body)? = api.body, case .object(let detail)? = body["detail"] else {
            Issue.record("the body is not the JSON sent: \(String(describing: api.body))")
            return
        }
        #expect(
            detail == [
                "auth": .string("Basic <redacted>"), "escaped": .string("<redacted>"),
                "<redacted>": .string("<redacted>"),
            ])
    }

    @Test func transportErrorsQuotingTheQueryAreRedacted() async throws {
        let core = try APIClientCore(
            baseURL: URL(string: "https://api.example")!, defaultServer: nil, credentials: Self.credentials,
            transport: RefusingTransport(), configuration: ClientConfiguration())
        var request = OperationRequest(operationID: "op", method: .get, path: "/x")
        request.setSecurity([[Self.queryKey]])
        do {
            _ = try await core.send(request)
            Issue.record("the transport refuses every request")
        } catch {
            guard case .transport(_, let message) = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
            #expect(message == "refused /x?key=<redacted>")
        }
    }

    @Test(arguments: [
        (Credential.bearer("a\nb"), "contains a line break or a NUL"),
        (.apiKey("a\r\nX-Injected: 1"), "contains a line break or a NUL"),
        (.apiKey(""), "is empty"), (.bearer(""), "is empty"),
        (.basic(username: "u", password: "p\nq"), "contains a line break or a NUL"),
        (.basic(username: "u:v", password: "p"), "has a ':' in its username"),
        (.apiKey("nul\0byte"), "contains a line break or a NUL"),
    ])
    func unsendableCredentialsAreRefused(credential: Credential, problem: String) {
        do {
            _ = try APIClientCore(
                baseURL: URL(string: "https://api.example")!, defaultServer: nil, credentials: ["scheme": credential],
                transport: RefusingTransport(), configuration: ClientConfiguration())
            Issue.record("accepted \(credential)")
        } catch {
            #expect(error.description == "invalid request: the credential for scheme \(problem)")
        }
    }

    @Test func plainHTTPToARemoteHostIsRefusedOnlyWhenThereAreCredentials() throws {
        let remote = URL(string: "http://api.example/v1")!
        do {
            _ = try APIClientCore(
                baseURL: remote, defaultServer: nil, credentials: ["k": .apiKey("x")], transport: RefusingTransport(),
                configuration: ClientConfiguration())
            Issue.record("credentials over plain http to a remote host were accepted")
        } catch {
            #expect(
                error.description
                    == "invalid request: refusing to send credentials over plain http to api.example; use https or set allowInsecureHTTP"
            )
        }
        let open = try APIClientCore(
            baseURL: remote, defaultServer: nil, credentials: [:], transport: RefusingTransport(),
            configuration: ClientConfiguration())
        #expect(open.baseURL == remote)
    }
}

/// Fails every request with an error that quotes the request's path and query, as some transports do.
private struct RefusingTransport: ClientTransport {
    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        throw Refusal(path: request.path ?? "")
    }

    struct Refusal: Error, CustomStringConvertible {
        var path: String
        var description: String { "refused \(path)" }
    }
}
