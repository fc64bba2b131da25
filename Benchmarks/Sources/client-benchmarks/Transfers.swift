// The large-transfer scenarios, each run once in a fresh child process so that `ru_maxrss` is its own:
// an upload of the input file through `createVideo`, a download through `downloadVideoContent(_:to:)`, and the
// baseline, a plain buffered copy of the same file (1 MiB reads, each written to another file).

import AsyncHTTPClient
import BenchmarkSupport
import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A PNG file header of 1280x720 (enough for the client's image pre-flight check and content sniffing).
func pngHeader(width: UInt32 = 1280, height: UInt32 = 720) -> [UInt8] {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
    for value in [width, height] {
        bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
    bytes += [8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE]
    return bytes
}

/// Writes the upload input: a PNG header, then a repeating pattern up to `size` bytes. Real bytes, not a sparse
/// file, so that both the upload and the copy read the same cached pages.
func writeInputFile(_ path: String, size: Int) {
    guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    for index in chunk.indices { chunk[index] = UInt8(truncatingIfNeeded: index &* 131 &+ 17) }
    let header = pngHeader()
    chunk.replaceSubrange(0..<header.count, with: header)
    var written = 0
    while written < size {
        let count = min(chunk.count, size - written)
        guard fwrite(chunk, 1, count, file) == count else { fail("cannot write \(path)") }
        written += count
        if written == count { for index in 0..<header.count { chunk[index] = UInt8(truncatingIfNeeded: index) } }
    }
    fclose(file)
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { fail("cannot stat \(path)") }
    return Int(info.st_size)
}

/// A client as an app would make it: the generated `Sora` client over AsyncHTTPClient, no retries.
func makeClient(port: Int, http: HTTPClient) throws -> Sora {
    var configuration = ClientConfiguration()
    configuration.idleTimeout = .seconds(3600)
    configuration.retry.maxAttempts = 1
    return try Sora(
        baseURL: URL(string: "http://127.0.0.1:\(port)/v1"), token: "sk-client-benchmarks",
        transport: AsyncHTTPClientTransport(configuration: .init(client: http, timeout: .hours(1))),
        configuration: configuration)
}

/// `createVideo` with the file as `input_reference` (size 1280x720, so the image check passes).
func uploadChild(port: Int, file: String) async throws -> ChildResult {
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    let client = try makeClient(port: port, http: http)
    let size = fileSize(file)
    let request = CreateVideoRequest(
        model: .sora2, prompt: "client-benchmarks upload", seconds: "8",
        inputReference: .file(URL(fileURLWithPath: file)), size: .landscape, watermark: false)
    let before = maxResidentBytes()
    let clock = ContinuousClock()
    let start = clock.now
    let video = try await client.createVideo(request)
    let elapsed = seconds(clock.now - start)
    let peak = maxResidentBytes()
    try await http.shutdown()
    // The sink answers "received N" (N = the whole multipart body): the file must really have been sent.
    guard let received = video.prompt?.split(separator: " ").last.flatMap({ Int($0) }), received > size else {
        fail("the server did not receive the whole file: \(video.prompt ?? "nil")")
    }
    return ChildResult(processPeak: peak, growth: peak - before, seconds: elapsed, bytes: size)
}

/// `downloadVideoContent(_:to:)` of the sink's content into `destination` (removed afterwards).
func downloadChild(port: Int, expected: Int, destination: String) async throws -> ChildResult {
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    let client = try makeClient(port: port, http: http)
    let before = maxResidentBytes()
    let clock = ContinuousClock()
    let start = clock.now
    let file = try await client.downloadVideoContent("video_1", to: URL(fileURLWithPath: destination))
    let elapsed = seconds(clock.now - start)
    let peak = maxResidentBytes()
    try await http.shutdown()
    guard file.byteCount == Int64(expected), fileSize(destination) == expected else {
        fail("the download has \(file.byteCount) bytes, expected \(expected)")
    }
    unlink(destination)
    return ChildResult(processPeak: peak, growth: peak - before, seconds: elapsed, bytes: expected)
}

/// The baseline: read 1 MiB at a time, write each chunk to `destination` (no fsync, like `cp`); removed afterwards.
/// Without a destination, only the reads (a reference: what the upload itself must at least do); with `sync`, an
/// fsync before closing (a reference for the download, which fsyncs before renaming into place).
func copyChild(source: String, destination: String?, sync: Bool = false) -> ChildResult {
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    let before = maxResidentBytes()
    let clock = ContinuousClock()
    let start = clock.now
    let input = open(source, O_RDONLY)
    let output = destination.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? Int32.max
    guard input >= 0, output >= 0 else { fail("cannot open \(source) or \(destination ?? "")") }
    var total = 0
    while true {
        let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count < 0 { fail("read failed") }
        if count == 0 { break }
        var offset = destination == nil ? count : 0
        while offset < count {
            let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, count - offset) }
            if written <= 0 { fail("write failed") }
            offset += written
        }
        total += count
    }
    close(input)
    if destination != nil {
        if sync && fsync(output) != 0 { fail("fsync failed") }
        close(output)
    }
    let elapsed = seconds(clock.now - start)
    let peak = maxResidentBytes()
    if let destination { unlink(destination) }
    return ChildResult(processPeak: peak, growth: peak - before, seconds: elapsed, bytes: total)
}
