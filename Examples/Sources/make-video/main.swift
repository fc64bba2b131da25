// `make-video PROMPT OUTPUT.mp4`: creates a video, follows it to the end, and downloads it.
// The token comes from SORA_API_KEY, the API from SORA_BASE_URL (default: the spec's first server).
import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient

let arguments = CommandLine.arguments
let environment = ProcessInfo.processInfo.environment
guard arguments.count == 3, let token = environment["SORA_API_KEY"], !token.isEmpty else {
    FileHandle.standardError.write(Data("usage: SORA_API_KEY=… make-video PROMPT OUTPUT.mp4\n".utf8))
    exit(2)
}

do {
    let sora = try Sora(
        baseURL: environment["SORA_BASE_URL"].flatMap(URL.init(string:)), token: token,
        transport: AsyncHTTPClientTransport())

    // Checked against the spec's rules before anything is sent (a bad size or model is a typed error here).
    var request = CreateVideoRequest(model: .sora2, prompt: arguments[1])
    request.seconds = "4"
    request.size = .landscape
    let job = try await sora.createVideo(request)
    print("created \(job.id)")

    // Each new snapshot until the job completes or fails, at the pace the server asks for.
    var last = job
    for try await snapshot in sora.waitForCompletion(of: job.id) {
        print("\(snapshot.status.rawValue) \(snapshot.progress ?? 0)%")
        last = snapshot
    }
    guard last.status == .completed else {
        print("the job failed: \(last.error?.message ?? "no reason given")")
        exit(1)
    }

    // Streamed to disk; resumed with a range request if the connection drops.
    let file = try await sora.downloadVideoContent(job.id, variant: .video, to: URL(filePath: arguments[2]))
    print("saved \(file.byteCount) bytes to \(file.url.path)")
} catch {
    // Every failure is a `SoraError` that says what was wrong (a field, the API's message, a timeout…).
    FileHandle.standardError.write(Data("make-video: \(error)\n".utf8))
    exit(1)
}
