import HTTPTypes
import SoraRuntime
import Testing

/// The retry schedule and which failures may be retried for which methods.
@Suite struct RetryPolicyTests {
    @Test(arguments: [(1, 0.5, 500), (2, 0.5, 1000), (3, 0.5, 2000), (4, 0.5, 4000), (10, 0.5, 30_000)])
    func backoffDoublesUpToTheCap(_ attempt: Int, _ unit: Double, _ milliseconds: Int64) {
        #expect(RetryPolicy().delay(afterAttempt: attempt, serverHint: nil, unit: unit) == .milliseconds(milliseconds))
    }

    @Test func jitterSpreadsTheWaitBothWays() {
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempt: 2, serverHint: nil, unit: 0) == .milliseconds(750))
        #expect(policy.delay(afterAttempt: 2, serverHint: nil, unit: 1) == .milliseconds(1250))
    }

    @Test func theServersHintWinsUpToTheCap() {
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempt: 1, serverHint: 7, unit: 0.9) == .seconds(7))
        #expect(policy.delay(afterAttempt: 1, serverHint: 0.02, unit: 0.9) == .milliseconds(20))
        #expect(policy.delay(afterAttempt: 1, serverHint: 3600, unit: 0.9) == .seconds(60))
    }

    static func api(_ status: Int) -> SoraError {
        .api(SoraAPIError(operationID: "op", status: status, message: "m"))
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func readsRetryTransientStatuses(_ status: Int) {
        #expect(RetryPolicy.isRetryable(Self.api(status), method: .get))
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422])
    func nobodyRetriesClientErrors(_ status: Int) {
        #expect(!RetryPolicy.isRetryable(Self.api(status), method: .get))
        #expect(!RetryPolicy.isRetryable(Self.api(status), method: .post))
    }

    @Test func createsRetryOnlyWhereTheServerProvablyDidNotAct() {
        #expect(RetryPolicy.isRetryable(Self.api(429), method: .post))
        #expect(RetryPolicy.isRetryable(Self.api(503), method: .post))
        #expect(!RetryPolicy.isRetryable(Self.api(500), method: .post))
        #expect(!RetryPolicy.isRetryable(Self.api(502), method: .post))
        #expect(!RetryPolicy.isRetryable(.timeout(operationID: "op", seconds: 1), method: .post))
        #expect(RetryPolicy.isRetryable(.transport(operationID: "op", message: "Connection refused"), method: .post))
        #expect(!RetryPolicy.isRetryable(.transport(operationID: "op", message: "connection reset"), method: .post))
        #expect(RetryPolicy.isRetryable(.transport(operationID: "op", message: "connection reset"), method: .get))
        #expect(!RetryPolicy.isRetryable(.cancelled(operationID: "op"), method: .get))
    }
}
