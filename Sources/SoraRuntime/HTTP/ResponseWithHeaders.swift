/// What a generated `…WithHeaders` method returns: the decoded answer and the response headers the spec
/// documents, typed.
public struct ResponseWithHeaders<Body: Sendable, Headers: Sendable>: Sendable {
    /// The decoded answer, as the plain method returns it.
    public var body: Body
    /// The documented response headers; each is nil when the server did not send it or sent something unreadable.
    public var headers: Headers

    /// Pairs an answer with its headers.
    @_spi(Generated) public init(body: Body, headers: Headers) {
        self.body = body
        self.headers = headers
    }
}
