import CFuzzerDriver
import Foundation
import HTTPTypes
import SoraClient

@testable import SoraRuntime

/// The process entry in debug builds, where SwiftPM's `--defsym main=<module>_main` replaces libFuzzer's
/// `main`: hands over to libFuzzer's driver (see fuzz-multipart/main.swift).
@_cdecl("fuzz_client_main")
public func fuzzClientMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzClient(data, size) }
}

/// libFuzzer's entry point: one input through everything the client reads from a server.
///
/// The first byte picks the reader; the rest is its input:
/// 0 JSON answers (`Video`, `VideoList`, `DeletedVideo`, the error envelope, the thin-answer `id`),
/// 1 retry hints (`retry-after-ms`, `Retry-After`) and the wait they lead to,
/// 2 `Content-Range` / `Content-Length` of a resumed download,
/// 3 image headers (PNG, JPEG, WebP pixel sizes) and content sniffing.
/// Any crash is a finding; so is a wait beyond the policy's cap or a negative size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClient(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
    case 0: readJSON(Data(bytes))
    case 1: readRetryHints(bytes)
    case 2: readRanges(bytes)
    default: readImage(bytes)
    }
    return 0
}

private func readJSON(_ data: Data) {
    let decoder = JSONDecoder()
    _ = try? decoder.decode(Video.self, from: data)
    _ = try? decoder.decode(VideoList.self, from: data)
    _ = try? decoder.decode(DeletedVideo.self, from: data)
    _ = try? decoder.decode(ErrorEnvelope.self, from: data)
    if let id = OperationResponse.topLevelID(data) { precondition(!id.isEmpty, "an empty id") }
}

/// Two header values, split at the first newline.
private func headerPair(_ bytes: [UInt8]) -> (String, String) {
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let first = String(decoding: bytes[..<split], as: UTF8.self)
    let second = split < bytes.endIndex ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : ""
    return (first, second)
}

private func readRetryHints(_ bytes: [UInt8]) {
    let (milliseconds, retryAfter) = headerPair(bytes)
    var fields = HTTPFields()
    fields[HTTPField.Name("retry-after-ms")!] = milliseconds
    fields[.retryAfter] = retryAfter
    let hint = RetryAfter.seconds(from: fields, now: Date(timeIntervalSince1970: 1_700_000_000))
    if let hint { precondition(hint.isFinite && hint >= 0, "hint \(hint)") }
    let policy = RetryPolicy()
    let delay = policy.delay(afterAttempt: Int(bytes.first ?? 0) - 100, serverHint: hint, unit: 0.5)
    precondition(delay >= .zero && delay <= max(policy.maxServerDelay, policy.maxDelay * 2), "delay \(delay)")
}

private func readRanges(_ bytes: [UInt8]) {
    let (range, length) = headerPair(bytes)
    for status in [200, 206] {
        var fields = HTTPFields()
        fields[.contentRange] = range
        fields[.contentLength] = length
        let response = HTTPResponse(status: .init(code: status), headerFields: fields)
        if let start = ContentRange.start(response) { precondition(start >= 0, "start \(start)") }
        if let total = ContentRange.total(response, written: 0) { precondition(total >= 0, "total \(total)") }
    }
    if let value = CheckedNumbers.nonNegativeInteger(range) { precondition(value >= 0) }
}

private func readImage(_ bytes: [UInt8]) {
    if let header = ImageHeader.read(bytes) {
        precondition(header.width >= 0 && header.height >= 0, "size \(header)")
    }
    _ = ContentSniffer.contentType(of: bytes)
}
