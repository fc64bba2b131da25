import Foundation
import HTTPTypes

/// When a failed request is tried again, and how long to wait first: exponential backoff with jitter,
/// bounded, honouring the server's `retry-after-ms` / `Retry-After` up to a cap.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1 means never retry).
    public var maxAttempts = 4
    /// The wait before the second attempt; it doubles for each later one.
    public var baseDelay: Duration = .milliseconds(500)
    /// The longest computed wait.
    public var maxDelay: Duration = .seconds(30)
    /// The longest wait the server may ask for; a longer hint is cut to this.
    public var maxServerDelay: Duration = .seconds(60)
    /// How far a computed wait may move either way, as a fraction (0.25 = ±25 %).
    public var jitter = 0.25

    /// The defaults: 4 attempts, 0.5 s doubling to at most 30 s, server hints up to 60 s.
    public init() {}

    /// Never retry.
    public static var none: RetryPolicy {
        var policy = RetryPolicy()
        policy.maxAttempts = 1
        return policy
    }

    /// The wait after failed attempt number `attempt` (1-based); `unit` is a random number in 0..<1.
    ///
    /// Never traps: a hint of 1e300 s, a negative or NaN one, or settings out of range are clamped.
    package func delay(afterAttempt attempt: Int, serverHint: Double?, unit: Double) -> Duration {
        if let serverHint, serverHint.isFinite, serverHint >= 0 {
            return CheckedNumbers.duration(seconds: serverHint, upTo: maxServerDelay)
        }
        let exponent = Double(attempt <= 1 ? 0 : min(attempt, 31) - 1)
        let base = min(
            CheckedNumbers.clamp(baseDelay).seconds * pow(2, exponent), CheckedNumbers.clamp(maxDelay).seconds)
        let spread = jitter.isFinite ? min(max(jitter, 0), 1) : 0
        let factor = 1 - spread + 2 * spread * (unit.isFinite ? min(max(unit, 0), 1) : 0.5)
        return CheckedNumbers.duration(seconds: base * factor)
    }

    /// Whether a failure may be retried for a request of this method.
    ///
    /// Reads (GET, HEAD) and DELETE retry on any network error, timeouts, 408, 429 and 5xx. A POST or
    /// PATCH may start a paid job, so it retries only where the server provably did not act on it:
    /// the connection was never made, or the answer was 429 or 503.
    package static func isRetryable(_ error: SoraError, method: HTTPRequest.Method) -> Bool {
        let isSafe = [.get, .head, .delete, .put, .options].contains(method)
        switch error {
        case .api(let failure):
            if isSafe { return failure.status == 408 || failure.status == 429 || failure.status >= 500 }
            return failure.status == 429 || failure.status == 503
        case .transport(_, let message):
            return isSafe || TransportFailure.neverConnected(message)
        case .timeout(_, _, let kind):
            // A request body nobody started to read cannot have created anything.
            return isSafe || kind == .connect
        case .validation, .invalidRequest, .decoding, .cancelled:
            return false
        }
    }
}

/// Reading transport errors, which arrive as text from any `ClientTransport`.
enum TransportFailure {
    /// True when the error says no connection was made, so the server cannot have seen the request.
    static func neverConnected(_ message: String) -> Bool {
        let text = message.lowercased()
        let signs = [
            "connection refused", "econnrefused", "errno: 111", "connecttimeout", "connect timeout",
            // The name did not resolve, or no route led to the host: nothing was sent.
            "unknownhost", "name or service not known", "nodename nor servname", "enetunreach", "ehostunreach",
            "network is unreachable", "no route to host", "errno: 101", "errno: 113",
        ]
        return signs.contains { text.contains($0) }
    }

    /// The message for people: a refused connection says where it was refused, in place of the socket library's
    /// wording (`connection reset (error set): Connection refused) (errno: 111)`); other messages are kept.
    static func readable(_ message: String, server: URL) -> String {
        let text = message.lowercased()
        guard text.contains("connection refused") || text.contains("econnrefused") || text.contains("errno: 111")
        else { return message }
        let port = server.port.map { ":\($0)" } ?? ""
        let host = server.host.map { $0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]" : $0 } ?? "the server"
        return "connection refused by \(host)\(port) (is the server running at this address?)"
    }
}
