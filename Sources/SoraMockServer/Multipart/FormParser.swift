import Hummingbird
import MultipartKit

/// The synchronous core of `FormReader`: checks the `Content-Type`, is fed the body chunk by chunk and
/// keeps only bounded state. Every failure is an `MockAPIError` (400 or 413); no input traps.
final class FormParser {
    private let maxBodyBytes: Int
    private let collector = PartCollector()
    private let parser: MultipartParser
    private var headerGuard: HeaderNameGuard
    private let closing: [UInt8]
    private var tail: [UInt8] = []
    private var total = 0

    /// A parser for a body sent with `contentType`; throws a 400 unless it is multipart/form-data with a boundary.
    init(contentType: String?, maxBodyBytes: Int) throws(MockAPIError) {
        let header = HeaderParameters(contentType ?? "")
        guard header.token == "multipart/form-data" else {
            throw MockAPIError.invalid(
                nil, "Content-Type must be multipart/form-data, got '\(CheckedNumber.excerpt(contentType ?? ""))'.",
                code: "invalid_content_type")
        }
        guard let boundary = header.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw MockAPIError.invalid(
                nil, "The multipart/form-data Content-Type has no usable boundary parameter.",
                code: "invalid_content_type")
        }
        self.maxBodyBytes = maxBodyBytes
        parser = MultipartParser(boundary: boundary)
        headerGuard = HeaderNameGuard(boundary: boundary)
        closing = Array("--\(boundary)--".utf8)
        let collector = collector
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
    }

    /// Parses the next chunk of the body.
    func feed(_ chunk: ByteBuffer) throws(MockAPIError) {
        let (sum, overflowed) = total.addingReportingOverflow(chunk.readableBytes)
        total = sum
        if overflowed || total > maxBodyBytes { throw FormReader.tooLarge(maxBodyBytes) }
        guard headerGuard.admit(chunk.readableBytesView) else {
            throw MockAPIError.invalid(
                nil, "A multipart part header name contains a byte outside ASCII.", code: "invalid_multipart")
        }
        do {
            try parser.execute(chunk)
        } catch {
            throw MockAPIError.invalid(nil, "The multipart body is malformed.", code: "invalid_multipart")
        }
        if let failure = collector.failure { throw failure }
        // The closing delimiter must be among the last bytes (an epilogue of up to 256 bytes may follow it).
        let keep = closing.count + FormReader.maxEpilogueBytes
        tail.append(contentsOf: chunk.readableBytesView.suffix(keep))
        if tail.count > 2 * keep { tail.removeFirst(tail.count - keep) }
    }

    /// The form, once the whole body was fed; throws if it ended before its closing boundary.
    func finish() throws(MockAPIError) -> ParsedForm {
        guard collector.completedParts > 0, Self.contains(tail, closing) else {
            throw MockAPIError.invalid(
                nil, "The multipart body ends before its closing boundary.", code: "invalid_multipart")
        }
        return collector.form
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
