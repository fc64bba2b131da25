import ArgumentParser

/// Options of the commands that follow a job to its end (`create --wait`, `wait`, `remix --wait`, `batch`).
struct WaitOptions: ParsableArguments {
    @Option(
        name: .customLong("wait-timeout"),
        help: ArgumentHelp(
            "Seconds to keep following a job before giving up.",
            discussion: "The job goes on at the server; `sora wait ID` follows it again. Each poll is paced by "
                + "the server's hint."))
    var waitTimeout: Double = 3600

    /// The limit as a `Duration` (validate() keeps it within a second and a year).
    var duration: Duration { .milliseconds(Int64((waitTimeout * 1000).rounded())) }

    func validate() throws {
        guard waitTimeout >= 1, waitTimeout <= GlobalOptions.longestLimit else {
            throw ValidationError(
                "--wait-timeout must be a number of seconds from 1 to \(Int(GlobalOptions.longestLimit)).")
        }
    }
}
