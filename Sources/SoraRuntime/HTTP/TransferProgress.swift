/// How far one upload or file download has got, for a progress display (`ClientConfiguration.transferProgress`).
public struct TransferProgress: Sendable, Hashable {
    /// Which way the bytes move.
    public enum Direction: Sendable, Hashable {
        /// A request body going to the server (an uploaded file, a multipart form).
        case upload
        /// An answer being written to a file (`…(to:)` download methods).
        case download
    }

    /// The operation the bytes belong to (`createVideo`, `downloadVideoContent`, …).
    public var operationID: String
    /// Which way the bytes move.
    public var direction: Direction
    /// Bytes moved so far: since the attempt started for an upload (a retry starts again at 0), and in the file
    /// for a download (a resumed download goes on from what it kept).
    public var bytes: Int64
    /// The whole body's size, when the length is known.
    public var total: Int64?

    /// A report of `bytes` of `total` moved for `operationID`.
    public init(operationID: String, direction: Direction, bytes: Int64, total: Int64?) {
        self.operationID = operationID
        self.direction = direction
        self.bytes = bytes
        self.total = total
    }
}
