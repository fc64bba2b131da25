/// How a `MockServer` listens and behaves.
public struct MockConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// The bearer token every request must carry.
    public var token: String
    /// Seconds from create to `completed`/`failed` (fractions allowed; clamped to 0...one year).
    public var jobSeconds: Double
    /// Largest request body accepted; larger ones get 413.
    public var maxUploadBytes: Int
    /// Faults to inject from the start.
    public var faults: FaultPlan
    /// Most jobs held at once; when full, the oldest finished job is evicted, or a create gets 429.
    public var maxJobs: Int
    /// Seconds a connection may go without receiving a byte of a request (head not complete, body stalled)
    /// or sit idle between requests before it is closed.
    public var readTimeout: Double

    /// A configuration; the defaults match `sora-mock` without flags.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String = "sk-mock", jobSeconds: Double = 6,
        maxUploadBytes: Int = 50 << 20, faults: FaultPlan = FaultPlan(), maxJobs: Int = 10_000,
        readTimeout: Double = 30
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.jobSeconds = jobSeconds
        self.maxUploadBytes = maxUploadBytes
        self.faults = faults
        self.maxJobs = maxJobs
        self.readTimeout = readTimeout
    }
}
