/// Counts what the server saw, so tests can prove e.g. that no job was created twice.
public struct MockStats: Sendable, Equatable {
    /// Requests received per operation (including faulted and rejected ones).
    public var requests: [String: Int] = [:]
    /// Jobs created per operation (`create`, `remix`).
    public var jobsCreated: [String: Int] = [:]
    /// Creates answered with an earlier job because of their `Idempotency-Key`.
    public var idempotentReplays = 0
    /// Faults injected per operation.
    public var faultsInjected: [String: Int] = [:]

    /// The JSON form served at `/__mock/stats`.
    func json() -> MockJSONValue {
        .object([
            "object": .string("mock.stats"),
            "requests": .object(requests.mapValues(MockJSONValue.int)),
            "jobs_created": .object(jobsCreated.mapValues(MockJSONValue.int)),
            "idempotent_replays": .int(idempotentReplays),
            "faults_injected": .object(faultsInjected.mapValues(MockJSONValue.int)),
        ])
    }
}

/// The live counters behind `MockStats`.
actor StatsRecorder {
    private(set) var snapshot = MockStats()

    func request(_ operation: String) { snapshot.requests[operation, default: 0] += 1 }
    func jobCreated(_ operation: String) { snapshot.jobsCreated[operation, default: 0] += 1 }
    func replay() { snapshot.idempotentReplays += 1 }
    func fault(_ operation: String) { snapshot.faultsInjected[operation, default: 0] += 1 }
}
