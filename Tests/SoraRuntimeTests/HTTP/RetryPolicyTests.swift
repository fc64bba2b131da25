import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

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
        #expect(!RetryPolicy.isRetryable(.timeout(operationID: "op", seconds: 1, kind: .idle), method: .post))
        #expect(RetryPolicy.isRetryable(.transport(operationID: "op", message: "Connection refused"), method: .post))
        #expect(!RetryPolicy.isRetryable(.transport(operationID: "op", message: "connection reset"), method: .post))
        #expect(RetryPolicy.isRetryable(.transport(operationID: "op", message: "connection reset"), method: .get))
        #expect(!RetryPolicy.isRetryable(.cancelled(operationID: "op"), method: .get))
    }
}

/// Server hints and settings at the extremes give a bounded wait, never a trap.
@Suite struct RetryPolicyExtremeTests {
    @Test(arguments: [1e300, 1e17, 1e20, Double.greatestFiniteMagnitude])
    func hugeHintsAreCutToTheCap(hint: Double) {
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempt: 1, serverHint: hint, unit: 0.5) == policy.maxServerDelay)
    }

    @Test(arguments: [-1, -1e300, Double.nan, -Double.infinity, Double.infinity])
    func unusableHintsFallBackToBackoff(hint: Double) {
        let delay = RetryPolicy().delay(afterAttempt: 1, serverHint: hint, unit: 0.5)
        #expect(delay == .milliseconds(500))
    }

    @Test func extremeSettingsStayBounded() {
        var policy = RetryPolicy()
        policy.baseDelay = .seconds(Int64.max)
        policy.maxDelay = .seconds(Int64.max)
        policy.jitter = .nan
        let delay = policy.delay(afterAttempt: Int.max, serverHint: nil, unit: .infinity)
        #expect(delay >= .zero && delay <= CheckedNumbers.longestDuration)
        policy.baseDelay = .seconds(-5)
        #expect(policy.delay(afterAttempt: Int.min, serverHint: nil, unit: -1) == .zero)
    }

    @Test func aRefusedConnectionIsNamedByItsAddressAndOtherMessagesAreKept() {
        let server = URL(string: "http://127.0.0.1:8080/v1")!
        let refused = TransportFailure.readable(
            "connection reset (error set): Connection refused) (errno: 111)", server: server)
        #expect(refused == "connection refused by 127.0.0.1:8080 (is the server running at this address?)")
        #expect(TransportFailure.neverConnected(refused), "the readable text still classifies as never connected")
        #expect(
            TransportFailure.readable("HTTPClientError.readTimeout", server: server) == "HTTPClientError.readTimeout")
    }
}
