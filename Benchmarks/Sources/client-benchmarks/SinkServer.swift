// The loopback sink server, run in its own child process (`--server BYTES`) so that its memory is not the client's.
//
//   POST /v1/videos                 reads the request body chunk by chunk, counts and discards it, answers a
//                                   `Video` whose prompt is "received N" (the upload child checks N).
//   GET  /v1/videos/{id}/content    streams BYTES bytes of a repeating pattern, Content-Length and video/mp4.
//
// The port (127.0.0.1, chosen by the system) is printed as "PORT n" on standard output.

import Foundation
import Hummingbird
import Logging

func runSinkServer(contentBytes: Int) async throws {
    var logger = Logger(label: "client-benchmarks.sink")
    logger.logLevel = .critical
    var pattern = ByteBuffer()
    for index in 0..<(256 * 1024) { pattern.writeInteger(UInt8(truncatingIfNeeded: index &* 31 &+ 7)) }
    let chunk = pattern
    let app = Application(
        responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
            let path = request.uri.path
            if request.method == .post && path == "/v1/videos" {
                var received = 0
                for try await buffer in request.body { received += buffer.readableBytes }
                let json =
                    #"{"id":"video_1","object":"video","model":"sora-2","status":"queued","created_at":1,"prompt":"received "#
                    + "\(received)\"}"
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
            }
            if request.method == .get && path.hasPrefix("/v1/videos/") && path.hasSuffix("/content") {
                let body = ResponseBody(contentLength: contentBytes) { writer in
                    var remaining = contentBytes
                    while remaining > 0 {
                        let count = min(remaining, chunk.readableBytes)
                        try await writer.write(chunk.getSlice(at: chunk.readerIndex, length: count)!)
                        remaining -= count
                    }
                    try await writer.finish(nil)
                }
                return Response(
                    status: .ok, headers: [.contentType: "video/mp4", .contentLength: String(contentBytes)], body: body)
            }
            return Response(status: .notFound)
        },
        server: .http1(),
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            print("PORT \(channel.localAddress?.port ?? 0)")
            fflush(nil)
        },
        logger: logger
    )
    try await app.runService()
}

/// The server child, started once per run; stopped with `stop()`.
final class SinkServerProcess {
    let process = Process()
    let port: Int

    init(contentBytes: Int) {
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["--server", String(contentBytes)]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { fail("cannot start the sink server: \(error)") }
        var text = ""
        var found: Int?
        while found == nil {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { fail("the sink server exited before printing its port: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("PORT ") {
                found = Int(line.dropFirst(5))
            }
        }
        port = found!
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
