import Foundation
import Logging

/// Settings of a client; the defaults suit most apps.
public struct ClientConfiguration: Sendable {
    /// How long one request may take before it fails with `.timeout`.
    public var requestTimeout: Duration = .seconds(120)
    /// Check before sending that a reference image's pixel size equals the requested size.
    public var checksImageSize = true
    /// When failed requests are tried again.
    public var retry = RetryPolicy()
    /// Allow a plain `http://` base URL on a host that is not loopback.
    public var allowInsecureHTTP = false
    /// Makes the multipart boundary (tests inject a fixed one to compare bytes).
    public var multipartBoundary: @Sendable () -> String = { MultipartBodyWriter.randomBoundary() }
    /// Where request logs go (the token is never logged).
    public var logger: Logger = Logger(label: "sora.client", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates the default configuration.
    public init() {}
}
