/// An error answer from the API: status, the error's message and fields, the body as JSON, a typed payload,
/// and the request id. Credentials are redacted from every string in it.
public struct SoraAPIError: Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed.
    public var operationID: String
    /// The HTTP status.
    public var status: Int
    /// `error.message` of an `{"error": {…}}` envelope, else the body's `message`, `detail`,
    /// `error_description`, `error` (a string) or `title`, else a short excerpt of the body.
    public var message: String
    /// `error.type`, e.g. `invalid_request_error`; or a problem document's `type`.
    public var type: String?
    /// `error.code`, e.g. `moderation_blocked`; or the body's own `code`.
    public var code: String?
    /// `error.param`: the field the server blames.
    public var param: String?
    /// `x-request-id`, for support.
    public var requestID: String?
    /// Seconds to wait before retrying (`retry-after-ms` / `Retry-After`), when sent.
    public var retryAfter: Double?
    /// The body parsed as JSON, when its first 64 KiB are a whole JSON document; credentials redacted.
    public var body: JSONValue?
    /// The body decoded as the type the spec declares for this status, when the operation said one.
    var storedPayload: ErrorPayload?

    /// Creates an API error.
    public init(
        operationID: String, status: Int, message: String, type: String? = nil, code: String? = nil,
        param: String? = nil, requestID: String? = nil, retryAfter: Double? = nil, body: JSONValue? = nil,
        payload: (any Sendable)? = nil
    ) {
        self.operationID = operationID
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.requestID = requestID
        self.retryAfter = retryAfter
        self.body = body
        self.storedPayload = payload.map(ErrorPayload.init)
    }

    /// The body decoded as the spec's error type for this status, when it is a `T`: e.g.
    /// `error.payload(as: NotFound.self)`. Nil when the operation declared no type for the status, the body
    /// did not decode as it, or it is another type.
    public func payload<T>(as type: T.Type = T.self) -> T? {
        storedPayload?.value as? T
    }

    /// The decoded payload, whatever its type.
    public var payload: (any Sendable)? { storedPayload?.value }

    /// `createVideo: HTTP 400 invalid_request_error (invalid_value) [field size]: message (request id req_1)`.
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

/// A decoded error payload, kept `Hashable` whatever its type: payloads of `Hashable` types compare by
/// value, others by type (the error's `body` already compares the content).
struct ErrorPayload: Sendable, Hashable {
    let value: any Sendable

    static func == (lhs: ErrorPayload, rhs: ErrorPayload) -> Bool {
        if let left = lhs.value as? any Hashable, let right = rhs.value as? any Hashable {
            return AnyHashable(left) == AnyHashable(right)
        }
        return type(of: lhs.value) == type(of: rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(type(of: value)))
    }
}
