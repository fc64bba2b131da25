import CFuzzerDriver
@_spi(Fuzzing) import FuzzedMockServer

/// The process entry in debug builds. There SwiftPM links executables with `--defsym main=<module>_main`
/// (so tests can load them), which replaces libFuzzer's `main`; this hands over to libFuzzer's driver.
/// In release builds libFuzzer's own `main` runs and this is unused.
@_cdecl("fuzz_multipart_main")
public func fuzzMultipartMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMultipart(data, size) }
}

/// libFuzzer's entry: the input's first line (up to 300 bytes) is the request's `Content-Type`, the rest its
/// body, parsed as a create form (multipart parsing, header parameters, image sniffing, create rules) in
/// chunks of 1, 7, 64 or 4096 bytes chosen by the input's length. Any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var contentType = ""
    var body = bytes[...]
    if let newline = bytes.prefix(300).firstIndex(of: 0x0A) {
        contentType = String(decoding: bytes[..<newline], as: UTF8.self)
        body = bytes[(newline + 1)...]
    }
    let chunkSize = [1, 7, 64, 4_096][size % 4]
    _ = CreateRequestFuzzing.parse(contentType: contentType, body: Array(body), chunkSize: chunkSize)
    return 0
}
