import ArgumentParser

/// Options of the commands that follow a job to its end (`create --wait`, `wait`, `remix --wait`, `batch`).
struct WaitOptions: ParsableArguments {
    @Option(
        name: .customLong("wait-timeout"),
        help: ArgumentHelp(
            "Seconds to keep following a job before giving up (default: 3600).",
            discussion: "The job goes on at the server; `sora wait ID` follows it again. Each poll is paced by "
                + "the server's hint."))
    var waitTimeout: Double?

    /// The limit as a `Duration`, an hour unless given (validate() keeps it within a second and a year).
    var duration: Duration { .milliseconds(Int64(((waitTimeout ?? 3600) * 1000).rounded())) }

    /// Refuses `--wait-timeout` on a command that will not wait (`create` or `remix` without `--wait`/`--output`),
    /// where it would be ignored without a word.
    func validate(following: Bool) throws {
        if waitTimeout != nil && !following {
            throw ValidationError("--wait-timeout applies only with --wait or --output.")
        }
    }

    func validate() throws {
        guard let waitTimeout else { return }
        guard waitTimeout >= 1, waitTimeout <= GlobalOptions.longestLimit else {
            throw ValidationError(
                "--wait-timeout must be a number of seconds from 1 to \(Int(GlobalOptions.longestLimit)).")
        }
    }
}
