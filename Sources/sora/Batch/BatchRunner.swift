import Foundation
import SoraClient

/// Runs a batch's lines with bounded concurrency: create (once, ever), wait, download into the folder.
struct BatchRunner: Sendable {
    /// How one line ended in this run.
    enum Outcome: Sendable {
        /// The video was already in the folder.
        case skipped
        /// The video was downloaded now.
        case completed
        /// The job failed (now or in an earlier run), or the API refused it.
        case failed(String)
        /// The line is unfinished (network, timeout): a re-run resumes it.
        case unfinished(String, ExitStatus)
    }

    let lines: [BatchLine]
    let folder: URL
    let journal: Journal
    let session: Session
    let reporter: Reporter

    /// Runs every line, at most `concurrency` at a time, and returns each line's outcome in order.
    func run(concurrency: Int) async -> [(BatchLine, Outcome)] {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var outcomes: [Int: Outcome] = [:]
            var next = 0
            func startNext() {
                guard next < lines.count else { return }
                let (index, line) = (next, lines[next])
                next += 1
                group.addTask { (index, await self.process(line)) }
            }
            for _ in 0..<min(concurrency, lines.count) { startNext() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                if !Task.isCancelled { startNext() }
            }
            return lines.indices.map { (lines[$0], outcomes[$0] ?? .unfinished("not started", .interrupted)) }
        }
    }

    /// One line, resuming from what the journal knows.
    func process(_ line: BatchLine) async -> Outcome {
        let start = ContinuousClock.now
        var entry = journal.entry(line.number)
        let destination = folder.appending(path: line.fileName)
        if entry.completed && FileManager.default.fileExists(atPath: destination.path) { return .skipped }
        if let reason = entry.failure { return .failed(reason) }
        do {
            if entry.id == nil {
                let key = entry.key ?? UUID().uuidString
                if entry.key == nil {
                    try journal.append(.init(state: "key", line: line.number, key: key, fingerprint: line.fingerprint))
                }
                let video: Video
                do {
                    video = try await session.sora.createVideo(line.request, idempotencyKey: key)
                } catch {
                    return try outcome(of: error, line: line, request: line.request)
                }
                try journal.append(.init(state: "created", line: line.number, id: video.id))
                reporter.created(video, line: line.number)
                entry.id = video.id
            }
            guard let id = entry.id else { return .unfinished("no job id", .failure) }
            var last: Video?
            do {
                for try await video in session.sora.waitForCompletion(of: id, interval: .seconds(2)) {
                    reporter.snapshot(video, elapsed: .now - start, line: line.number)
                    last = video
                }
            } catch {
                return try outcome(of: error, line: line, request: nil)
            }
            if let video = last, video.status.rawValue == "failed" {
                let reason = video.error.map { "\($0.code): \($0.message)" } ?? "no reason given"
                try journal.append(.init(state: "failed", line: line.number, id: id, reason: reason))
                return .failed(reason)
            }
            do {
                let file = try await session.sora.downloadVideoContent(id, variant: .video, to: destination)
                try journal.append(.init(state: "completed", line: line.number, id: id))
                reporter.downloaded(id, file: file, line: line.number)
            } catch {
                return try outcome(of: error, line: line, request: nil)
            }
            return .completed
        } catch {
            return .unfinished(error.message, error.status)
        }
    }

    /// A client error's outcome: API refusals of the create are final (journaled), the rest resumable.
    private func outcome(of error: any Error, line: BatchLine, request: CreateVideoRequest?) throws(CLIFailure)
        -> Outcome
    {
        let failure = ErrorLine.failure(error, request: request)
        if case .api(let api) = error as? SoraError, request != nil, api.status != 429, api.status < 500 {
            try journal.append(.init(state: "failed", line: line.number, reason: failure.message))
            return .failed(failure.message)
        }
        return .unfinished(failure.message, failure.status)
    }
}
