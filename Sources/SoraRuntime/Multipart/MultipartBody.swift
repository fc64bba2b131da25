import Foundation

/// A form as an RFC 7578 body with an exact `Content-Length`: the one path from `MultipartForm` to bytes. Each file
/// is opened once, here: its first bytes give the part's content type and its image size (`x-pixel-size-equals`),
/// and the body then streams that same descriptor in chunks, so memory stays flat for any file size.
struct MultipartBody: Sendable {
    /// The boundary between parts (without the leading `--`).
    let boundary: String
    /// How many bytes of a file are read at once.
    var chunkSize = 64 * 1024

    /// Creates a body writer with a boundary (random by default).
    init(boundary: String = MultipartBody.randomBoundary()) {
        self.boundary = boundary
    }

    /// A boundary with 128 random bits.
    static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "sora-" + String(high, radix: 16) + String(low, radix: 16)
    }

    /// The `Content-Type` header value.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// One piece of the body: bytes in memory or the first `length` bytes of an opened file.
    enum Segment: Sendable {
        case bytes(Data)
        case file(OpenedFile, length: Int64)
    }

    /// The body's segments and total length. Files are opened and measured, and their first bytes read; an image
    /// that breaks its size rule (when `checksImageSize`) is a validation error naming every such field.
    func segments(for form: MultipartForm, checksImageSize: Bool = true) throws(SoraError)
        -> (segments: [Segment], length: Int64)
    {
        var segments: [Segment] = []
        var length: Int64 = 0
        var imageIssues: [ValidationIssue] = []
        func add(_ data: Data) {
            segments.append(.bytes(data))
            length += Int64(data.count)
        }
        func addHead(_ name: String, filename: String? = nil, contentType: String? = nil) {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\""
            if let filename { head += "; filename=\"\(Self.escape(filename))\"" }
            if let contentType { head += "\r\nContent-Type: \(Self.oneLine(contentType))" }
            add(Data((head + "\r\n\r\n").utf8))
        }
        for part in form.parts {
            switch part {
            case .text(let name, let value):
                try checkBoundary(in: Data(value.utf8), field: name)
                addHead(name)
                add(Data((value + "\r\n").utf8))
            case .json(let name, let value):
                try checkBoundary(in: value, field: name)
                addHead(name, contentType: "application/json")
                add(value + Data("\r\n".utf8))
            case .typed(let name, let value, let contentType):
                try checkBoundary(in: value, field: name)
                addHead(name, contentType: contentType)
                add(value + Data("\r\n".utf8))
            case .file(let name, let upload, let pixelSize):
                let content = try FileContent(upload, field: name)
                if checksImageSize, let pixelSize,
                    let problem = pixelSize.violation(reading: { offset, count throws(SoraError) in
                        try content.read(at: offset, count: count)
                    })
                {
                    imageIssues.append(ValidationIssue(field: name, rule: "x-pixel-size-equals", message: problem))
                }
                let sniffed = try content.read(at: 0, count: 16)
                addHead(
                    name, filename: upload.filename,
                    contentType: upload.contentType ?? ContentSniffer.contentType(of: sniffed))
                switch content {
                case .data(let data):
                    try checkBoundary(in: data, field: name)
                    add(data)
                case .file(let file):
                    segments.append(.file(file, length: file.size))
                    length += file.size
                }
                add(Data("\r\n".utf8))
            }
        }
        if !imageIssues.isEmpty { throw .validation(ValidationError(typeName: form.typeName, issues: imageIssues)) }
        add(Data("--\(boundary)--\r\n".utf8))
        return (segments, length)
    }

    /// RFC 7578 / WHATWG escaping of a name or filename: `"`, CR and LF percent-encoded so no part can forge headers.
    static func escape(_ value: String) -> String {
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
}

/// An upload's bytes as the body reads them: in memory, or a file opened once.
enum FileContent {
    case data(Data)
    case file(OpenedFile)

    /// Opens a file upload (once), or takes the bytes of an in-memory one.
    init(_ upload: FileUpload, field: String) throws(SoraError) {
        switch upload.source {
        case .data(let data): self = .data(data)
        case .file(let url): self = .file(try OpenedFile(url, field: field))
        }
    }

    /// Up to `count` bytes from `offset`.
    func read(at offset: Int64, count: Int) throws(SoraError) -> [UInt8] {
        switch self {
        case .data(let data):
            let start = data.startIndex + Int(Swift.min(offset, Int64(data.count)))
            return Array(data[start..<Swift.min(start + count, data.endIndex)])
        case .file(let file):
            return try file.read(at: offset, count: Int(Swift.min(Int64(count), Swift.max(0, file.size - offset))))
        }
    }
}
