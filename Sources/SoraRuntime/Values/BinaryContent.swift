import HTTPTypes

/// A binary response (video, image): its headers and a body to stream.
public struct BinaryContent: Sendable {
    /// `Content-Type`, if sent.
    public var contentType: String?
    /// `Content-Length`, if sent.
    public var contentLength: Int64?
    /// The response headers.
    public var headers: HTTPFields
    /// The body, streamed; read it once.
    public var body: HTTPBody

    /// Creates binary content.
    @_spi(Generated) public init(contentType: String?, contentLength: Int64?, headers: HTTPFields, body: HTTPBody) {
        self.contentType = contentType
        self.contentLength = contentLength
        self.headers = headers
        self.body = body
    }
}
