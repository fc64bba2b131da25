import Foundation
import Logging

/// Settings of a client; the defaults suit most apps.
public struct ClientConfiguration: Sendable {
    /// How long no byte may move, in either direction, before a request fails with `.timeout`: while the
    /// request body is sent, while the answer is awaited, and between chunks of the answer's body. A
    /// transfer that keeps moving is never cut, however long it takes.
    public var idleTimeout: Duration = .seconds(60)
    /// How long a request body may wait for the transport to start reading it (the connection being made).
    /// Requests without a body cannot tell connecting from waiting, so `idleTimeout` bounds them; give the
    /// transport its own connect timeout too (the `sora` CLI does).
    public var connectTimeout: Duration = .seconds(10)
    /// An optional limit on a whole call: every attempt, the waits between them, and reading the answer.
    public var deadline: Duration?
    /// Check before sending that a reference image's pixel size equals the requested size.
    public var checksImageSize = true
    /// When failed requests are tried again.
    public var retry = RetryPolicy()
    /// Allow a plain `http://` base URL on a host that is not loopback.
    public var allowInsecureHTTP = false
    /// Makes the multipart boundary (tests inject a fixed one to compare bytes).
    public var multipartBoundary: @Sendable () -> String = { MultipartBody.randomBoundary() }
    /// Called as the bytes of an upload or of a download to a file move, on the task that moves them: keep it
    /// quick (record the numbers, draw elsewhere or throttle). Nil, the default, costs nothing.
    public var transferProgress: (@Sendable (TransferProgress) -> Void)?
    /// Where request logs go (the token is never logged).
    public var logger: Logger = Logger(label: "sora.client", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates the default configuration.
    public init() {}
}
