import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient

// The key comes from SORA_API_KEY; SORA_BASE_URL picks a relay or a mock (default: the first server).
let environment = ProcessInfo.processInfo.environment
let sora = try Sora(
    baseURL: environment["SORA_BASE_URL"].flatMap(URL.init(string:)),
    token: environment["SORA_API_KEY"] ?? "",
    transport: AsyncHTTPClientTransport())

// Describe the video: the model, the prompt, its length and its size.
var request = CreateVideoRequest(model: .sora2, prompt: "A lighthouse at dusk, waves below")
request.seconds = "4"  // a string, as the API wants
request.size = .landscape  // 1280x720

// createVideo checks the request first, then starts the job and returns at once.
let video = try await sora.createVideo(request)
print("created \(video.id): \(video.status)")

// Each new snapshot of the job, until it is completed or failed: every 5 s unless the server asks for
// another pace, for at most 20 minutes.
var latest = video
for try await snapshot in sora.waitForCompletion(of: video.id, interval: .seconds(5), timeout: .seconds(1200)) {
    print("\(snapshot.status) \(snapshot.progress ?? 0)%")
    latest = snapshot
}

// A failed job has nothing to download; its error says why.
guard latest.status == .completed else {
    print("the video failed: \(latest.error?.message ?? "no reason given")")
    exit(1)
}

// Streamed to a temporary file, then moved into place; a broken transfer resumes where it stopped.
let file = try await sora.downloadVideoContent(video.id, variant: .video, to: URL(filePath: "lighthouse.mp4"))
print("saved \(file.byteCount) bytes to \(file.url.path)")
