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
    /// No complete answer in time.
    case timeout(operationID: String, seconds: Double)
    /// The task was cancelled; nothing more was sent.
    case cancelled(operationID: String)
    /// The answer could not be decoded as the spec says.
    case decoding(operationID: String, message: String, bodyExcerpt: String)

    /// One line for people.
    public var description: String {
        switch self {
        case .validation(let error): return error.description
        case .invalidRequest(let message): return "invalid request: \(message)"
        case .api(let error): return error.description
        case .transport(let operation, let message): return "\(operation): network error: \(message)"
        case .timeout(let operation, let seconds): return "\(operation): no answer within \(seconds) s"
        case .cancelled(let operation): return "\(operation): cancelled"
        case .decoding(let operation, let message, let excerpt):
            return "\(operation): unexpected response: \(message); body starts: \(excerpt)"
        }
    }

    /// The same as `description`: nothing secret to hide or add.
    public var debugDescription: String { description }
}

/// An error answer from the API: status, the error envelope's fields, and the request id.
public struct SoraAPIError: Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed.
    public var operationID: String
    /// The HTTP status.
    public var status: Int
    /// `error.message`, or a short excerpt of a body that is not the JSON envelope.
    public var message: String
    /// `error.type`, e.g. `invalid_request_error`.
    public var type: String?
    /// `error.code`, e.g. `moderation_blocked`.
    public var code: String?
    /// `error.param`: the field the server blames.
    public var param: String?
    /// `x-request-id`, for support.
    public var requestID: String?
    /// Seconds to wait before retrying (`retry-after-ms` / `Retry-After`), when sent.
    public var retryAfter: Double?

    /// Creates an API error.
    public init(
        operationID: String, status: Int, message: String, type: String? = nil, code: String? = nil,
        param: String? = nil, requestID: String? = nil, retryAfter: Double? = nil
    ) {
        self.operationID = operationID
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// `createVideo: HTTP 400 invalid_request_error (param size): message [request id]`.
    public var description: String {
        var text = "\(operationID): HTTP \(status)"
        if let type { text += " \(type)" }
        if let code { text += " (\(code))" }
        if let param { text += " [field \(param)]" }
        text += ": \(message)"
        if let requestID { text += " (request id \(requestID))" }
        return text
    }
}
