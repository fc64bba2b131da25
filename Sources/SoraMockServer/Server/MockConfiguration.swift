/// How a `MockServer` listens and behaves.
public struct MockConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// The bearer token every request must carry.
    public var token: String
    /// Seconds from create to `completed`/`failed` (fractions allowed).
    public var jobSeconds: Double
    /// Largest request body accepted; larger ones get 413.
    public var maxUploadBytes: Int
    /// Faults to inject from the start.
    public var faults: FaultPlan

    /// A configuration; the defaults match `sora-mock` without flags.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String = "sk-mock", jobSeconds: Double = 6,
        maxUploadBytes: Int = 50 << 20, faults: FaultPlan = FaultPlan()
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.jobSeconds = jobSeconds
        self.maxUploadBytes = maxUploadBytes
        self.faults = faults
    }
}
