/// Every error the client throws, one type to `switch` over. No case ever holds the token.
public enum SoraError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The request breaks the spec's rules; nothing was sent.
    case validation(ValidationError)
    /// The request could not be built (unreadable file, bad configuration); nothing was sent.
    case invalidRequest(String)
    /// The server answered with an error status.
    case api(SoraAPIError)
    /// The request did not complete (connection refused, reset, DNS).
    case transport(operationID: String, message: String)
    /// A limit ran out: no byte moved for the idle timeout, no connection, the deadline, or polling's timeout.
    case timeout(operationID: String, seconds: Double, kind: TimeoutKind)
    /// The task was cancelled; nothing more was sent.
    case cancelled(operationID: String)
    /// A 2xx answer could not be decoded as the spec says; it still names the resource's `id` when it has one.
    case decoding(DecodingFailure)

    /// One line for people.
    public var description: String {
        switch self {
        case .validation(let error): return error.description
        case .invalidRequest(let message): return "invalid request: \(message)"
        case .api(let error): return error.description
        case .transport(let operation, let message): return "\(operation): network error: \(message)"
        case .timeout(let operation, let seconds, let kind):
            return "\(operation): \(kind.explanation(seconds: seconds))"
        case .cancelled(let operation): return "\(operation): cancelled"
        case .decoding(let failure): return failure.description
        }
    }

    /// The same as `description`: nothing secret to hide or add.
    public var debugDescription: String { description }
}

/// Which limit a `SoraError.timeout` ran into.
public enum TimeoutKind: String, Sendable, Hashable {
    /// The server did not start reading the request in time (`ClientConfiguration.connectTimeout`).
    case connect
    /// No byte moved, either way, for `ClientConfiguration.idleTimeout`.
    case idle
    /// The whole call ran past `ClientConfiguration.deadline`.
    case deadline
    /// Polling did not see a terminal state within its `timeout`.
    case polling

    /// `no byte moved for 5 s`, for people.
    func explanation(seconds: Double) -> String {
        let amount = Self.format(seconds)
        switch self {
        case .connect: return "no connection within \(amount) s"
        case .idle: return "no data moved for \(amount) s"
        case .deadline: return "not finished within the \(amount) s deadline"
        case .polling: return "not finished within \(amount) s of polling"
        }
    }

    /// `5`, `0.5`, `1.25`: a number of seconds without trailing zeros.
    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds)" }
        let rounded = (seconds * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}

/// A successful answer whose body does not match the spec: what was wrong, and what could be saved.
public struct DecodingFailure: Sendable, Hashable, CustomStringConvertible {
    /// The operation that was answered.
    public var operationID: String
    /// What did not match, e.g. `missing field object`.
    public var message: String
    /// The start of the body (token redacted).
    public var bodyExcerpt: String
    /// The body's top-level `id`, when it is a JSON object that has one: a created job is never lost.
    public var resourceID: String?
    /// The HTTP status of the answer.
    public var status: Int

    /// Creates a decoding failure.
    public init(operationID: String, message: String, bodyExcerpt: String, resourceID: String? = nil, status: Int = 200)
    {
        self.operationID = operationID
        self.message = message
        self.bodyExcerpt = bodyExcerpt
        self.resourceID = resourceID
        self.status = status
    }

    /// `createVideo: unexpected response: missing field object (id task_1); body starts: {…}`.
    public var description: String {
        var text = "\(operationID): unexpected response: \(message)"
        if let resourceID { text += " (id \(resourceID))" }
        return text + "; body starts: \(bodyExcerpt)"
    }
}

extension SoraError {
    /// True when the server may have acted on the request although no answer says so: a timeout or broken
    /// connection after the request went out, a cancel mid-request, a 5xx other than 503, or a 2xx answer
    /// that could not be read. Retry such a create only with the same `Idempotency-Key`.
    public var isAmbiguous: Bool {
        switch self {
        case .validation, .invalidRequest: return false
        case .api(let failure): return failure.status >= 500 && failure.status != 503
        case .transport(_, let message): return !TransportFailure.neverConnected(message)
        case .timeout(_, _, let kind): return kind != .connect && kind != .polling
        case .cancelled: return true
        case .decoding: return true
        }
    }
}
