import ArgumentParser

/// Options every command that talks to the API takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("token-file"), help: "Read the API token from this file instead of SORA_API_KEY.")
    var tokenFile: String?

    @Option(
        help: ArgumentHelp(
            "Seconds without a byte moving, either way, before a request gives up.",
            discussion: "An upload or download that keeps moving is never cut. Reads are retried (--max-retries)."))
    var timeout: Double = 60

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for a connection to the server.")
    var connectTimeout: Double = 10

    @Option(help: "Seconds one command's request may take in all, retries and download included (default: no limit).")
    var deadline: Double?

    @Option(name: .customLong("max-retries"), help: "Retries of a failed request (a create only where it is safe).")
    var maxRetries: Int = 3

    @Flag(help: "Print one JSON object per job event on stdout, and nothing else there.")
    var json = false

    @Flag(help: "Log each request to stderr (the token is never printed).")
    var verbose = false

    /// The longest time any of the limits may be set to: a year.
    static let longestLimit = 31_536_000.0

    func validate() throws {
        for (flag, value) in [("--timeout", timeout), ("--connect-timeout", connectTimeout), ("--deadline", deadline)] {
            guard let value else { continue }
            guard value >= 0.001, value <= Self.longestLimit else {
                throw ValidationError("\(flag) must be a number of seconds from 0.001 to \(Int(Self.longestLimit)).")
            }
        }
        guard (0...20).contains(maxRetries) else { throw ValidationError("--max-retries must be within 0...20.") }
    }
}
