import Foundation

/// File content for a multipart field: a file on disk (streamed, never loaded whole) or bytes in memory.
public struct FileUpload: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        /// A file URL, read in chunks while sending.
        case file(URL)
        /// Bytes in memory.
        case data(Data)
    }

    /// Where the bytes come from.
    public var source: Source
    /// The file name sent in the part's `Content-Disposition`.
    public var filename: String
    /// The part's `Content-Type`; nil means "sniff from the first bytes".
    public var contentType: String?

    /// Creates an upload from any source.
    public init(source: Source, filename: String, contentType: String? = nil) {
        self.source = source
        self.filename = filename
        self.contentType = contentType
    }

    /// An upload streamed from a file on disk; the content type comes from the bytes, not the name.
    public static func file(_ url: URL, contentType: String? = nil) -> FileUpload {
        FileUpload(source: .file(url), filename: url.lastPathComponent, contentType: contentType)
    }

    /// An upload of bytes in memory.
    public static func data(_ data: Data, filename: String = "upload", contentType: String? = nil) -> FileUpload {
        FileUpload(source: .data(data), filename: filename, contentType: contentType)
    }
}
