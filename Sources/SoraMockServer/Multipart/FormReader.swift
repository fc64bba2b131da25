import Hummingbird
import MultipartKit

/// Streams a `multipart/form-data` body through MultipartKit's parser, keeping only bounded state.
struct FormReader: Sendable {
    /// Field names a create request may carry; other parts are read and ignored.
    static let textFields: Set<String> = [
        "model", "prompt", "seconds", "size", "watermark", "private", "character_url", "character_timestamps",
    ]
    static let fileField = "input_reference"
    static let maxTextBytes = 1 << 20
    static let keptFileBytes = 64 << 10
    static let maxParts = 64
    static let maxEpilogueBytes = 256

    let maxBodyBytes: Int

    /// Reads `body` whose `Content-Type` is `contentType`; throws an `APIError` (400 or 413).
    func read(contentType: String?, body: RequestBody) async throws -> ParsedForm {
        let header = HeaderParameters(contentType ?? "")
        guard header.token == "multipart/form-data" else {
            throw APIError.invalid(
                nil, "Content-Type must be multipart/form-data, got '\(contentType ?? "")'.",
                code: "invalid_content_type")
        }
        guard let boundary = header.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw APIError.invalid(
                nil, "The multipart/form-data Content-Type has no usable boundary parameter.",
                code: "invalid_content_type")
        }
        let collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        let closing = Array("--\(boundary)--".utf8)
        var tail: [UInt8] = []
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            if total > maxBodyBytes { throw Self.tooLarge(maxBodyBytes) }
            do {
                try parser.execute(chunk)
            } catch {
                throw APIError.invalid(nil, "The multipart body is malformed.", code: "invalid_multipart")
            }
            if let failure = collector.failure { throw failure }
            // The closing delimiter must be among the last bytes (an epilogue of up to 256 bytes may follow it).
            let keep = closing.count + Self.maxEpilogueBytes
            tail.append(contentsOf: chunk.readableBytesView.suffix(keep))
            if tail.count > 2 * keep { tail.removeFirst(tail.count - keep) }
        }
        guard collector.completedParts > 0, Self.contains(tail, closing) else {
            throw APIError.invalid(
                nil, "The multipart body ends before its closing boundary.", code: "invalid_multipart")
        }
        return collector.form
    }

    /// The 413 answer for a body over `limit` bytes.
    static func tooLarge(_ limit: Int) -> APIError {
        APIError(
            status: .contentTooLarge, message: "Request body exceeds the limit of \(limit) bytes.",
            type: "invalid_request_error", param: nil, code: "request_too_large")
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}

/// Receives the parser's callbacks for one request (never shared across tasks).
private final class PartCollector {
    var form = ParsedForm()
    var failure: APIError?
    var completedParts = 0
    private var headers: [(String, String)] = []
    private var name: String?
    private var isFile = false
    private var text: [UInt8] = []
    private var file = ParsedForm.FilePart()
    private var started = false

    func header(_ name: String, _ value: String) {
        headers.append((name.lowercased(), value))
    }

    func body(_ buffer: inout ByteBuffer) {
        if !started { start() }
        guard failure == nil, let name else { return }
        let bytes = buffer.readableBytesView
        if isFile {
            file.length += bytes.count
            file.hash.add(bytes)
            let room = FormReader.keptFileBytes - file.head.count
            if room > 0 { file.head.append(contentsOf: bytes.prefix(room)) }
        } else if FormReader.textFields.contains(name) {
            text.append(contentsOf: bytes)
            if text.count > FormReader.maxTextBytes {
                failure = .invalid(name, "Field '\(name)' is longer than \(FormReader.maxTextBytes) bytes.")
            }
        }
    }

    func complete() {
        if !started { start() }
        completedParts += 1
        if completedParts > FormReader.maxParts {
            failure = .invalid(nil, "Too many multipart parts.", code: "invalid_multipart")
        }
        if failure == nil, let name {
            if isFile {
                form.file = file
            } else if FormReader.textFields.contains(name) {
                form.fields[name] = String(decoding: text, as: UTF8.self)
            }
        }
        headers = []
        text = []
        file = ParsedForm.FilePart()
        started = false
        name = nil
    }

    private func start() {
        started = true
        let disposition = headers.last { $0.0 == "content-disposition" }.map { HeaderParameters($0.1) }
        guard let disposition, disposition.token == "form-data", let partName = disposition.parameters["name"],
            !partName.isEmpty
        else {
            failure = .invalid(
                nil, "A multipart part lacks 'Content-Disposition: form-data; name=…'.", code: "invalid_multipart")
            return
        }
        name = partName
        isFile = partName == FormReader.fileField
        file.filename = disposition.parameters["filename"]
        file.contentType = headers.last { $0.0 == "content-type" }?.1
    }
}
