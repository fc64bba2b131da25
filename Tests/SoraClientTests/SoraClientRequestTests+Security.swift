import Foundation
import HTTPTypes
@_spi(Generated) import SoraRuntime
import Testing

@testable import SoraClient

/// Base URLs that would leak the token are refused; the token never shows in any text.
extension SoraClientRequestTests {
    // MARK: Base URL

    @Test func defaultBaseURLIsTheSpecsFirstServer() throws {
        let sora = try Sora(token: Self.token, transport: RecordingTransport(body: ""))
        #expect(sora.core.baseURL.absoluteString == "https://n.lconai.com/v1")
    }

    @Test(arguments: ["http://example.com/v1", "http://10.0.0.1/v1", "http://127.example.com/v1"])
    func plainHTTPToARemoteHostIsRefused(url: String) throws {
        let host = try #require(URL(string: url)?.host)
        let error = clientError(URL(string: url))
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "refusing to send the token over plain http to \(host); use https or set allowInsecureHTTP")
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]:8080/v1", "https://relay.example",
    ])
    func loopbackHTTPAndHTTPSAreAccepted(url: String) throws {
        let sora = try Sora(baseURL: URL(string: url), token: Self.token, transport: RecordingTransport(body: ""))
        #expect(sora.core.baseURL.absoluteString == url)
    }

    @Test(arguments: [
        ("https://relay.example/v1/", "https://relay.example/v1"), ("https://relay.example//", "https://relay.example"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("https://relay.example/v1?x=/", "https://relay.example/v1?x=/"),
    ])
    func trailingSlashesOfTheBaseURLAreDropped(url: String, kept: String) throws {
        let sora = try Sora(baseURL: URL(string: url), token: Self.token, transport: RecordingTransport(body: ""))
        #expect(sora.core.baseURL.absoluteString == kept)
    }

    @Test func plainHTTPIsAcceptedWhenAllowed() throws {
        var configuration = ClientConfiguration()
        configuration.allowInsecureHTTP = true
        let sora = try Sora(
            baseURL: URL(string: "http://example.com/v1"), token: Self.token, transport: RecordingTransport(body: ""),
            configuration: configuration)
        #expect(sora.core.baseURL.host == "example.com")
    }

    @Test func nonHTTPSchemeIsRefused() {
        let error = clientError(URL(string: "ftp://example.com/v1"))
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "base URL ftp://example.com/v1 must be an http(s) URL with a host")
    }

    @Test(arguments: ["", "sk-1\nX-Injected: 1"])
    func emptyOrMultiLineTokenIsRefused(token: String) {
        let error = clientError(Self.baseURL, token: token)
        guard case .invalidRequest(let message) = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message == "the token is empty or contains a line break")
    }

    // MARK: The token stays secret

    @Test func descriptionsNeverShowTheToken() throws {
        let sora = try client(RecordingTransport(body: ""))
        var dumped = ""
        dump(sora.core, to: &dumped)
        var dumpedClient = ""
        dump(sora, to: &dumpedClient)
        let texts = [
            String(describing: sora.core), String(reflecting: sora.core), "\(sora.core)", dumped, dumpedClient,
            String(describing: sora), String(reflecting: sora),
        ]
        for text in texts {
            #expect(!text.contains(Self.token), "token leaked in \(text)")
        }
        #expect(String(describing: sora.core) == "APIClientCore(baseURL: https://relay.example/v1, token: <redacted>)")
    }

    @Test func transportErrorIsRedacted() async throws {
        let transport = RecordingTransport(failure: LeakyError(detail: "Authorization: Bearer \(Self.token)"))
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .transport(let operation, let message) = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(message == "LeakyError: Authorization: Bearer <redacted>")
        #expect(error?.description == "retrieveVideo: network error: LeakyError: Authorization: Bearer <redacted>")
        #expect(!String(reflecting: error).contains(Self.token))
    }

    @Test(arguments: [
        #"{"error":{"message":"invalid key sk-SECRET-123","type":"auth"}}"#,
        "invalid key sk-SECRET-123",
    ])
    func apiErrorEchoingTheTokenIsRedacted(body: String) async throws {
        let transport = RecordingTransport(status: .unauthorized, body: body)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.message == "invalid key <redacted>")
        #expect(!String(describing: error).contains(Self.token))
    }

    @Test func decodingErrorEchoingTheTokenIsRedacted() async throws {
        let transport = RecordingTransport(body: #"{"token":"sk-SECRET-123"}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .decoding(let failure) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(failure.bodyExcerpt == #"{"token":"<redacted>"}"#)
        #expect(!String(describing: error).contains(Self.token))
    }

}
