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

    /// Reads `body` whose `Content-Type` is `contentType`; throws an `MockAPIError` (400 or 413).
    func read(contentType: String?, body: RequestBody) async throws -> ParsedForm {
        let parser = try FormParser(contentType: contentType, maxBodyBytes: maxBodyBytes)
        for try await chunk in body { try parser.feed(chunk) }
        return try parser.finish()
    }

    /// The 413 answer for a body over `limit` bytes.
    static func tooLarge(_ limit: Int) -> MockAPIError {
        MockAPIError(
            status: .contentTooLarge, message: "Request body exceeds the limit of \(limit) bytes.",
            type: "invalid_request_error", param: nil, code: "request_too_large")
    }
}

/// Receives the parser's callbacks for one request (never shared across tasks).
final class PartCollector {
    var form = ParsedForm()
    var failure: MockAPIError?
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
