import AsyncHTTPClient
import Foundation
import Logging
import OpenAPIAsyncHTTPClient
import SoraClient

/// Where the token and the API are, read from the environment and the global options.
struct Environment: Sendable {
    /// The default API when `SORA_BASE_URL` is not set: the spec's first server.
    static let defaultBaseURL = Sora.servers.first ?? ""

    /// The bearer token; never printed.
    var token: String
    /// The API base URL, nil for the default.
    var baseURL: URL?

    /// Reads `SORA_API_KEY` (or the token file) and `SORA_BASE_URL`.
    init(options: GlobalOptions, variables: [String: String] = ProcessInfo.processInfo.environment) throws(CLIFailure) {
        if let path = options.tokenFile {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIFailure(message: "--token-file: cannot read \(path)", status: .usage)
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            token = (variables["SORA_API_KEY"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !token.isEmpty else {
            throw CLIFailure(
                message: "no API token: set SORA_API_KEY (e.g. `export SORA_API_KEY=sk-…` with the key from your "
                    + "relay's or OpenAI's dashboard) or pass --token-file PATH",
                status: .usage)
        }
        if let text = variables["SORA_BASE_URL"], !text.isEmpty {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host() != nil else {
                throw CLIFailure(message: "SORA_BASE_URL: not an http(s) URL: \(text)", status: .usage)
            }
            baseURL = url
        } else {
            baseURL = nil
        }
    }

    /// For an HTTP 404: a hint when `SORA_BASE_URL` has no `/v1` segment, the usual cause (the API's paths are
    /// under `/v1` at relays and upstream alike), with the URL to try.
    var notFoundHint: String? {
        guard let baseURL, !baseURL.path().split(separator: "/").contains("v1") else { return nil }
        var suggested = baseURL.absoluteString
        while suggested.hasSuffix("/") { suggested.removeLast() }
        return "; SORA_BASE_URL has no /v1, under which the API's paths are: try SORA_BASE_URL=\(suggested)/v1"
    }
}

/// A `Sora` client over AsyncHTTPClient, and the HTTP client to shut down after use.
struct Session: Sendable {
    /// The API client.
    let sora: Sora
    /// The HTTP client under it.
    let http: HTTPClient

    /// Opens a session for the options, runs `body`, and shuts the HTTP client down whatever happens.
    /// On a terminal without `--json` or `--verbose`, large uploads and downloads show their bytes, speed and an estimate,
    /// unless `showsTransfers` is false (a batch runs several at once).
    static func run<T: Sendable>(
        _ options: GlobalOptions, showsTransfers: Bool = true, _ body: (Session) async throws -> T
    ) async throws -> T {
        let environment = try Environment(options: options)
        var configuration = ClientConfiguration()
        let meter: TransferMeter? =
            // --verbose logs each request to stderr, which would land inside the redrawn line.
            showsTransfers && !options.json && !options.verbose && isatty(STDERR_FILENO) == 1
            ? TransferMeter(columns: Progress.terminalColumns() ?? 80, unicode: Progress.localeIsUTF8()) : nil
        if let meter { configuration.transferProgress = { meter.report($0) } }
        defer { meter?.end() }
        // validate() bounds every limit to 0.001 s…1 year, so these conversions cannot overflow.
        let milliseconds = { (seconds: Double) in Int64((seconds * 1000).rounded()) }
        configuration.idleTimeout = .milliseconds(milliseconds(options.timeout))
        configuration.connectTimeout = .milliseconds(milliseconds(options.connectTimeout))
        configuration.deadline = options.deadline.map { .milliseconds(milliseconds($0)) }
        configuration.retry.maxAttempts = options.maxRetries + 1
        if options.verbose {
            var logger = Logger(label: "sora", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = .debug
            configuration.logger = logger
        }
        // The client's own watch enforces --timeout for any transport, leaves out time the process was suspended
        // (a closed laptop lid), and cancels the request, which closes the socket. AsyncHTTPClient's read and write
        // timeouts are only a backstop, far behind: at --timeout + 1 s they raced the watch after a suspension and
        // could win, failing a read whose answer was already in the socket.
        // Redirects are not followed: a 3xx to a paid POST must not be re-sent somewhere else.
        var httpConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        let backstop = milliseconds(min(options.timeout * 2 + 300, GlobalOptions.longestLimit))
        httpConfiguration.timeout = HTTPClient.Configuration.Timeout(
            connect: .milliseconds(milliseconds(options.connectTimeout)),
            read: .milliseconds(backstop), write: .milliseconds(backstop))
        // A refused connection fails at once and our retry policy (--max-retries, with backoff) decides, instead of
        // AsyncHTTPClient trying again until --connect-timeout: a dead server took 40 s to report with the defaults.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        // The transport's own deadline (default 60 s) would cut a long upload that keeps moving: only --deadline may.
        // One second later than ours, like the socket timeouts, so the client's own typed timeout speaks first.
        let transportDeadline = milliseconds((options.deadline ?? GlobalOptions.longestLimit) + 1)
        let session: Session
        do {
            let sora = try Sora(
                baseURL: environment.baseURL, token: environment.token,
                transport: AsyncHTTPClientTransport(
                    configuration: .init(client: http, timeout: .milliseconds(transportDeadline))),
                configuration: configuration)
            session = Session(sora: sora, http: http)
        } catch {
            try? await http.shutdown()
            throw ErrorLine.failure(error)
        }
        do {
            let result = try await body(session)
            try? await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw Self.withHints(error, environment: environment)
        }
    }

    /// `error`, with the `SORA_BASE_URL` hint when it is a 404 answer.
    static func withHints(_ error: any Error, environment: Environment) -> any Error {
        let failure: CLIFailure
        switch error {
        case let error as CLIFailure: failure = error
        case let error as SoraError: failure = ErrorLine.failure(error)
        default: return error
        }
        guard failure.message.hasPrefix("HTTP 404"), let hint = environment.notFoundHint else { return error }
        return CLIFailure(message: failure.message + hint, status: failure.status)
    }
}
