import Foundation
import HTTPTypes
import Logging

/// Sends operation requests through any `ClientTransport` and turns answers into values or `SoraError`s.
@_spi(Generated)
public struct APIClientCore: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The base URL every path is appended to.
    public let baseURL: URL
    /// True when the caller passed no base URL: operations the spec serves from their own server use it.
    let usesDefaultServer: Bool
    /// The transport that moves bytes.
    public let transport: any ClientTransport
    /// Timeouts, logging, boundary.
    public let configuration: ClientConfiguration
    let authorizer: Authorizer

    /// Creates a core that sends `token` as `Authorization: Bearer` on every request that sets no security
    /// requirement, and for every bearer scheme of one that does; refuses a plain `http://` URL on a
    /// non-loopback host unless the configuration allows it.
    public init(
        baseURL: URL?, defaultServer: String?, token: String, transport: any ClientTransport,
        configuration: ClientConfiguration
    ) throws(SoraError) {
        let url = try Self.checkedURL(baseURL, defaultServer, configuration, secret: "the token")
        guard !token.isEmpty, !token.contains(where: { $0.isNewline }) else {
            throw .invalidRequest("the token is empty or contains a line break")
        }
        self.baseURL = url
        self.usesDefaultServer = baseURL == nil
        self.authorizer = Authorizer(token: token, credentials: [:])
        self.transport = transport
        self.configuration = configuration
    }

    /// Creates a core holding a credential per security scheme name (`[:]` for an API without security);
    /// each request sends the credentials its `security` requirement asks for, and a request that sets none
    /// sends none. Refuses credentials that are empty or contain a line break, and a plain `http://` URL on
    /// a non-loopback host (when there are credentials) unless the configuration allows it.
    public init(
        baseURL: URL?, defaultServer: String?, credentials: [String: Credential], transport: any ClientTransport,
        configuration: ClientConfiguration
    ) throws(SoraError) {
        let url = try Self.checkedURL(
            baseURL, defaultServer, configuration, secret: credentials.isEmpty ? nil : "credentials")
        for name in credentials.keys.sorted() {
            if let problem = credentials[name]?.problem() {
                throw .invalidRequest("the credential for \(name) \(problem)")
            }
        }
        self.baseURL = url
        self.usesDefaultServer = baseURL == nil
        self.authorizer = Authorizer(token: nil, credentials: credentials)
        self.transport = transport
        self.configuration = configuration
    }

    /// The operation's own server when the spec gives one and the caller kept the default server; else the base URL.
    /// A relative server (`/upload`) is resolved against the default server, as OpenAPI says.
    func serverURL(for request: OperationRequest) throws(SoraError) -> URL {
        guard usesDefaultServer, let server = request.server else { return baseURL }
        guard let url = URL(string: server, relativeTo: baseURL)?.absoluteURL else {
            throw .invalidRequest("\(request.operationID): the spec's server '\(server)' for it is not a URL")
        }
        return try Self.checkedURL(url, nil, configuration, secret: authorizer.hasCredentials ? "credentials" : nil)
    }

    /// The base URL, checked: http(s) with a host, and plain http only to loopback when `secret` would be sent.
    /// Trailing slashes are dropped (`https://relay.example/v1/` is `https://relay.example/v1`): operation paths
    /// start with one, and `//videos` is another path to a server.
    private static func checkedURL(
        _ baseURL: URL?, _ defaultServer: String?, _ configuration: ClientConfiguration, secret: String?
    ) throws(SoraError) -> URL {
        guard var url = baseURL ?? defaultServer.flatMap(URL.init(string:)) else {
            throw .invalidRequest("no base URL: pass baseURL (the spec lists no server)")
        }
        if url.query() == nil, url.fragment() == nil, url.absoluteString.hasSuffix("/") {
            var text = url.absoluteString
            while text.hasSuffix("/") { text.removeLast() }
            if let trimmed = URL(string: text), trimmed.host() != nil { url = trimmed }
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", let host = url.host
        else {
            throw .invalidRequest("base URL \(url.absoluteString) must be an http(s) URL with a host")
        }
        if let secret, scheme == "http" && !isLoopback(host) && !configuration.allowInsecureHTTP {
            throw .invalidRequest(
                "refusing to send \(secret) over plain http to \(host); use https or set allowInsecureHTTP")
        }
        return url
    }

    /// Describes the client without its token or credentials (their scheme names only).
    public var description: String {
        guard authorizer.token == nil else {
            return "APIClientCore(baseURL: \(baseURL.absoluteString), token: <redacted>)"
        }
        let names = authorizer.credentials.keys.sorted().map { "\($0): <redacted>" }.joined(separator: ", ")
        return "APIClientCore(baseURL: \(baseURL.absoluteString), credentials: [\(names)])"
    }
    /// Describes the client without its token or credentials.
    public var debugDescription: String { description }
    /// Shows no stored properties, so `dump` cannot print a credential.
    public var customMirror: Mirror { Mirror(self, children: ["baseURL": baseURL.absoluteString]) }

    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name == "::1" { return true }
        // Only an IPv4 literal 127.x.y.z is loopback; a DNS name such as 127.example.com can be anywhere.
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { octet in
                (1...3).contains(octet.count) && octet.allSatisfy { ("0"..."9").contains($0) } && Int(octet)! <= 255
            }
    }

    /// Sends a request, retrying as `configuration.retry` allows; any final non-2xx answer becomes
    /// `SoraError.api`. Every attempt carries the same headers, so a create keeps one `Idempotency-Key`.
    public func send(_ request: OperationRequest) async throws(SoraError) -> OperationResponse {
        try await send(request, deadline: TransferWatch.deadline(after: configuration.deadline))
    }

    /// `send`, decoding a non-2xx body as the type `errorTypes` declares for its status into the error's
    /// payload (`error.payload(as:)`).
    public func send(_ request: OperationRequest, errorTypes: ErrorPayloadTypes) async throws(SoraError)
        -> OperationResponse
    {
        try await send(request, errorTypes: errorTypes, deadline: TransferWatch.deadline(after: configuration.deadline))
    }

    /// `send`, ending by `deadline` (the whole call's, when a download spans several sends).
    func send(
        _ request: OperationRequest, errorTypes: ErrorPayloadTypes = ErrorPayloadTypes(),
        deadline: ContinuousClock.Instant?
    ) async throws(SoraError) -> OperationResponse {
        let (head, body) = try prepare(request)
        let server = try serverURL(for: request)
        var policy = configuration.retry
        // A single-pass body cannot be sent twice.
        if body?.iterationBehavior == .single { policy.maxAttempts = 1 }
        var attempt = 1
        while true {
            do {
                return try await sendOnce(
                    request, server: server, head: head, body: body, errorTypes: errorTypes, deadline: deadline)
            } catch {
                guard attempt < policy.maxAttempts, RetryPolicy.isRetryable(error, method: head.method) else {
                    throw error
                }
                let hint: Double? = if case .api(let failure) = error { failure.retryAfter } else { nil }
                let delay = policy.delay(afterAttempt: attempt, serverHint: hint, unit: Double.random(in: 0..<1))
                if let deadline, ContinuousClock.now + delay >= deadline {
                    // Waiting would outlast the deadline: report the failure that made us wait.
                    throw error
                }
                configuration.logger.info(
                    "retrying",
                    metadata: [
                        "operation": "\(request.operationID)", "attempt": "\(attempt + 1)", "after": "\(delay)",
                        "reason": "\(error)",
                    ])
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw .cancelled(operationID: request.operationID)
                }
                attempt += 1
            }
        }
    }

    private func sendOnce(
        _ request: OperationRequest, server: URL, head: HTTPRequest, body: HTTPBody?, errorTypes: ErrorPayloadTypes,
        deadline: ContinuousClock.Instant?
    ) async throws(SoraError) -> OperationResponse {
        if Task.isCancelled { throw .cancelled(operationID: request.operationID) }
        let logger = configuration.logger
        logger.debug("request", metadata: ["operation": "\(request.operationID)", "method": "\(head.method)"])
        let watch = TransferWatch(operationID: request.operationID, configuration: configuration, deadline: deadline)
        let watchedBody = body.map {
            WatchedBody.request($0, watch: watch, progress: configuration.transferProgress)
        }
        let response: HTTPResponse
        let responseBody: HTTPBody?
        do {
            (response, responseBody) = try await watch.run { [transport] in
                try await transport.send(head, body: watchedBody, baseURL: server, operationID: request.operationID)
            }
        } catch let error as SoraError {
            throw error
        } catch is CancellationError {
            throw .cancelled(operationID: request.operationID)
        } catch {
            if Task.isCancelled { throw .cancelled(operationID: request.operationID) }
            throw .transport(
                operationID: request.operationID,
                message: TransportFailure.readable(redact(String(describing: error)), server: server))
        }
        watch.touch()
        logger.debug(
            "response", metadata: ["operation": "\(request.operationID)", "status": "\(response.status.code)"])
        let answer = OperationResponse(
            operationID: request.operationID, response: response,
            body: responseBody.map { WatchedBody.response($0, watch: watch) }, redact: redact)
        guard (200..<300).contains(response.status.code) else {
            throw .api(await answer.apiError(errorTypes: errorTypes))
        }
        return answer
    }

    /// Removes every credential from any text that might reach a person.
    @Sendable func redact(_ text: String) -> String {
        authorizer.redact(text)
    }
}
