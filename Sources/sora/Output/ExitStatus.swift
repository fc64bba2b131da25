import SoraClient

/// The exit statuses of `sora`, documented in `sora --help` and Documentation/CLI.md.
enum ExitStatus: Int32, Sendable {
    /// Everything asked for was done.
    case success = 0
    /// A job failed, or the API answered with an error.
    case failure = 1
    /// Bad usage or a request that breaks the API's rules; nothing was sent.
    case usage = 2
    /// The network failed or an answer did not come in time.
    case network = 3
    /// Interrupted (Ctrl-C).
    case interrupted = 130

    /// One line per status, for `--help`.
    static let summary =
        "0 ok, 1 job failed or API error, 2 usage or validation error, 3 network error or timeout, 130 interrupted."

    /// The status a client error ends the command with.
    init(_ error: SoraError) {
        switch error {
        case .validation, .invalidRequest: self = .usage
        case .api, .decoding: self = .failure
        case .transport, .timeout: self = .network
        case .cancelled: self = .interrupted
        }
    }
}

/// A failure the command reports as one line on stderr before exiting with `status`.
struct CLIFailure: Error, Sendable {
    /// The line for people (without the `sora: error: ` prefix).
    var message: String
    /// The exit status.
    var status: ExitStatus
}
