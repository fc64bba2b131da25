import Foundation

/// Writes a form as an RFC 7578 body with an exact `Content-Length`, streaming files from disk in chunks.
public struct MultipartBodyWriter: Sendable {
    /// The boundary between parts (without the leading `--`).
    public let boundary: String
    /// How many bytes of a file are read at once.
    public var chunkSize = 64 * 1024

    /// Creates a writer with a boundary (random by default).
    public init(boundary: String = MultipartBodyWriter.randomBoundary()) {
        self.boundary = boundary
    }

    /// A boundary with 128 random bits.
    public static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "sora-" + String(high, radix: 16) + String(low, radix: 16)
    }

    /// The `Content-Type` header value.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// One piece of the body: bytes in memory or a file region.
    enum Segment: Sendable {
        case bytes(Data)
        case file(URL, length: Int64)
    }

    /// The body's segments and total length; files are measured, not read (except their first bytes).
    func segments(for form: MultipartForm) throws(SoraError) -> (segments: [Segment], length: Int64) {
        var segments: [Segment] = []
        var length: Int64 = 0
        func add(_ data: Data) {
            segments.append(.bytes(data))
            length += Int64(data.count)
        }
        for part in form.parts {
            switch part {
            case .text(let name, let value):
                try checkBoundary(in: Data(value.utf8), field: name)
                add(
                    Data(
                        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\"\r\n\r\n"
                            + value + "\r\n").utf8))
            case .json(let name, let value):
                try checkBoundary(in: value, field: name)
                add(
                    Data(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\"\r\nContent-Type: application/json\r\n\r\n"
                            .utf8))
                add(value + Data("\r\n".utf8))
            case .typed(let name, let value, let contentType):
                try checkBoundary(in: value, field: name)
                add(
                    Data(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\"\r\nContent-Type: \(Self.oneLine(contentType))\r\n\r\n"
                            .utf8))
                add(value + Data("\r\n".utf8))
            case .file(let name, let upload):
                let (head, size) = try Self.probe(upload, field: name)
                let type = Self.oneLine(upload.contentType ?? ContentSniffer.contentType(of: head))
                add(
                    Data(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\"; filename=\"\(Self.escape(upload.filename))\"\r\nContent-Type: \(type)\r\n\r\n"
                            .utf8))
                switch upload.source {
                case .data(let data):
                    try checkBoundary(in: data, field: name)
                    add(data)
                case .file(let url):
                    segments.append(.file(url, length: size))
                    length += size
                }
                add(Data("\r\n".utf8))
            }
        }
        add(Data("--\(boundary)--\r\n".utf8))
        return (segments, length)
    }

    /// RFC 7578 / WHATWG escaping of a name or filename: `"`, CR and LF percent-encoded so no part can forge headers.
    public static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "%22"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A header value on one line: CR and LF become spaces, so a content type cannot add headers.
    static func oneLine(_ value: String) -> String {
        String(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : Character($0) })
    }

    private func checkBoundary(in data: Data, field: String) throws(SoraError) {
        if data.range(of: Data(boundary.utf8)) != nil {
            throw .invalidRequest("the multipart boundary appears inside field \(field); use another boundary")
        }
    }

    /// The first bytes (for sniffing) and the size of an upload.
    static func probe(_ upload: FileUpload, field: String) throws(SoraError) -> (Data, Int64) {
        switch upload.source {
        case .data(let data): return (data.prefix(16), Int64(data.count))
        case .file(let url):
            do {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                let head = try handle.read(upToCount: 16) ?? Data()
                let size = try handle.seekToEnd()
                return (head, Int64(size))
            } catch {
                throw .invalidRequest("cannot read the file for \(field) at \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
