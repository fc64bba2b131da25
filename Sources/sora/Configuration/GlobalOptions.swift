import ArgumentParser

/// Options every command that talks to the API takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("token-file"), help: "Read the API token from this file instead of SORA_API_KEY.")
    var tokenFile: String?

    @Option(help: "Seconds one request may take.")
    var timeout: Double = 120

    @Option(name: .customLong("max-retries"), help: "Retries of a failed request (a create only where it is safe).")
    var maxRetries: Int = 3

    @Flag(help: "Print one JSON object per job event on stdout, and nothing else there.")
    var json = false

    @Flag(help: "Log each request to stderr (the token is never printed).")
    var verbose = false

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds.")
        }
        guard (0...20).contains(maxRetries) else { throw ValidationError("--max-retries must be within 0...20.") }
    }
}
