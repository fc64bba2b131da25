/// A hand-written multipart/form-data body, independent of the SDK's own encoder.
struct FormBody: Sendable {
    /// One part: a name, its bytes, and optional extra headers.
    struct Part: Sendable {
        var name: String
        var bytes: [UInt8]
        var filename: String?
        var contentType: String?
    }

    var parts: [Part]
    var boundary = "mock-test-boundary-7f3a9c"

    /// A form of text fields.
    init(_ fields: [(String, String)]) {
        parts = fields.map { Part(name: $0.0, bytes: Array($0.1.utf8)) }
    }

    /// Adds a file part.
    mutating func addFile(_ name: String, _ bytes: [UInt8], filename: String = "ref.png", type: String = "image/png") {
        parts.append(Part(name: name, bytes: bytes, filename: filename, contentType: type))
    }

    /// `multipart/form-data; boundary=…`.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            head += "\r\n"
            out += Array(head.utf8) + part.bytes + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }
}

/// Image heads with a chosen pixel size (the server reads only headers).
enum TestImages {
    /// PNG signature and IHDR.
    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width)
            + be32(height) + [8, 6, 0, 0, 0] + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 64)
    }

    /// JPEG with an APP0 segment then a baseline SOF0.
    static func jpeg(_ width: Int, _ height: Int) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x11, 8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
            + [0xFF, 0xD9]
    }

    /// Extended WebP (VP8X) with a canvas size.
    static func webp(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0] + [0, 0, 0, 0]
            + le24(width - 1) + le24(height - 1) + [UInt8](repeating: 0, count: 8)
    }

    private static func be32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    private static func le24(_ value: Int) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF)]
    }
}
