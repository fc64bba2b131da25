import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient

// The key comes from SORA_API_KEY; SORA_BASE_URL picks a relay or a mock (default: the first server).
let environment = ProcessInfo.processInfo.environment
let sora = try Sora(
    baseURL: environment["SORA_BASE_URL"].flatMap(URL.init(string:)),
    token: environment["SORA_API_KEY"] ?? "",
    transport: AsyncHTTPClientTransport())

/// One video of the batch: what to ask for, and where to save it.
struct Job: Sendable {
    var prompt: String
    var file: URL
}

let jobs = [
    Job(prompt: "A lighthouse at dusk, waves below", file: URL(filePath: "lighthouse.mp4")),
    Job(prompt: "A paper boat on a pond", file: URL(filePath: "boat.mp4")),
    Job(prompt: "Snow falling on a quiet street", file: URL(filePath: "snow.mp4")),
    Job(prompt: "A hot air balloon over green hills", file: URL(filePath: "balloon.mp4")),
]

/// Creates one video, waits for it, and downloads it.
func make(_ job: Job, with sora: Sora) async throws(SoraError) -> String {
    var request = CreateVideoRequest(model: .sora2, prompt: job.prompt)
    request.seconds = "4"
    request.size = .landscape
    let video = try await sora.createVideo(request)
    var latest: Video?
    for try await snapshot in sora.waitForCompletion(of: video.id) {
        latest = snapshot
    }
    guard latest?.status == .completed else {
        return "failed: \(latest?.error?.message ?? "no reason given")"
    }
    let file = try await sora.downloadVideoContent(video.id, variant: .video, to: job.file)
    return "saved \(file.byteCount) bytes"
}

/// One line for the job, whatever happened: one failure does not stop the others.
func report(_ job: Job, with sora: Sora) async -> String {
    do {
        return "\(job.file.lastPathComponent): " + (try await make(job, with: sora))
    } catch {
        return "\(job.file.lastPathComponent): \(error)"
    }
}

// At most two jobs at a time: before starting a third, wait for one to end.
let maxInFlight = 2
await withTaskGroup(of: String.self) { group in
    for (index, job) in jobs.enumerated() {
        if index >= maxInFlight, let line = await group.next() {
            print(line)
        }
        group.addTask { await report(job, with: sora) }
    }
    for await line in group {
        print(line)
    }
}
