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

/// What earlier runs did, kept on disk: each file's idempotency key, and its video id once created.
actor Journal {
    struct Entry: Codable {
        var prompt: String
        var key: String
        var videoID: String?
    }

    let url: URL
    var entries: [String: Entry]

    init(url: URL) {
        self.url = url
        let data = try? Data(contentsOf: url)
        entries = data.flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
    }

    /// The entry for `file`; a new key is saved before the first create is sent.
    func entry(for file: String, prompt: String) throws -> Entry {
        if let entry = entries[file], entry.prompt == prompt { return entry }
        let entry = Entry(prompt: prompt, key: UUID().uuidString.lowercased())
        entries[file] = entry
        try save()
        return entry
    }

    /// Remembers the job, so the next run follows it instead of creating another.
    func record(videoID: String, for file: String) throws {
        entries[file]?.videoID = videoID
        try save()
    }

    private func save() throws {
        try JSONEncoder().encode(entries).write(to: url, options: .atomic)
    }
}

/// Creates one video (unless an earlier run did), waits for it, and downloads it.
func make(_ job: Job, with sora: Sora, journal: Journal) async throws -> String {
    let name = job.file.lastPathComponent
    if FileManager.default.fileExists(atPath: job.file.path) {
        return "already saved"
    }
    let entry = try await journal.entry(for: name, prompt: job.prompt)
    let videoID: String
    if let known = entry.videoID {
        videoID = known  // created by an earlier run: follow it, do not pay again
    } else {
        var request = CreateVideoRequest(model: .sora2, prompt: job.prompt)
        request.seconds = "4"
        request.size = .landscape
        // The same key as any earlier try: the server answers with that job instead of a new paid one.
        let video = try await sora.createVideo(request, idempotencyKey: entry.key)
        try await journal.record(videoID: video.id, for: name)
        videoID = video.id
    }
    var latest: Video?
    for try await snapshot in sora.waitForCompletion(of: videoID) {
        latest = snapshot
    }
    guard latest?.status == .completed else {
        return "failed: \(latest?.error?.message ?? "no reason given")"
    }
    let file = try await sora.downloadVideoContent(videoID, variant: .video, to: job.file)
    return "saved \(file.byteCount) bytes"
}

/// One line for the job, whatever happened: one failure does not stop the others.
func report(_ job: Job, with sora: Sora, journal: Journal) async -> String {
    do {
        return "\(job.file.lastPathComponent): " + (try await make(job, with: sora, journal: journal))
    } catch {
        return "\(job.file.lastPathComponent): \(error)"
    }
}

// At most two jobs at a time: before starting a third, wait for one to end.
let maxInFlight = 2
let journal = Journal(url: URL(filePath: "batch-journal.json"))
await withTaskGroup(of: String.self) { group in
    for (index, job) in jobs.enumerated() {
        if index >= maxInFlight, let line = await group.next() {
            print(line)
        }
        group.addTask { await report(job, with: sora, journal: journal) }
    }
    for await line in group {
        print(line)
    }
}
