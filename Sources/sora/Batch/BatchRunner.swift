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
        /// The line is unfinished (network, timeout, a busy or failing server): a re-run resumes it.
        case unfinished(String, ExitStatus)
        /// The API refused the token (401, 403): the line is unfinished and no further line is started.
        case refused(String)
    }

    let lines: [BatchLine]
    let folder: URL
    let journal: Journal
    let session: Session
    let reporter: Reporter
    /// How long each line's job is followed before the line is left unfinished (`--wait-timeout`).
    var waitTimeout: Duration = .seconds(3600)

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
            var refused = false
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                // Every other line would be refused the same way: leave them all for a run with a good token.
                if case .refused = outcome { refused = true }
                if !Task.isCancelled && !refused { startNext() }
            }
            let notStarted: Outcome =
                refused ? .unfinished("not started", .failure) : .unfinished("not started", .interrupted)
            return lines.indices.map { (lines[$0], outcomes[$0] ?? notStarted) }
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
                do {
                    let video = try await session.sora.createVideo(line.request, idempotencyKey: key)
                    try journal.append(.init(state: "created", line: line.number, id: video.id))
                    reporter.created(video, line: line.number)
                    entry.id = video.id
                } catch SoraError.decoding(let failure) where failure.resourceID != nil {
                    // A thinner answer than the spec's still names the paid job: keep it and follow it.
                    let id = failure.resourceID ?? ""
                    try journal.append(.init(state: "created", line: line.number, id: id))
                    reporter.created(
                        id: id, warning: "the server's answer lacks what the spec promises (\(failure.message))",
                        line: line.number)
                    entry.id = id
                } catch {
                    return try outcome(of: error, line: line, request: line.request)
                }
            }
            guard let id = entry.id else { return .unfinished("no job id", .failure) }
            var last: Video?
            do {
                for try await video in session.sora.waitForCompletion(
                    of: id, interval: .seconds(2), timeout: waitTimeout)
                {
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

    /// A client error's outcome. Only the line's own verdict is final (journaled): the API refusing the
    /// create's fields (400, 422), or the client refusing them before sending (a reference image whose pixel size
    /// is not the line's `size`, found when the file is opened), which a rerun would meet again. A refused token,
    /// 404, 408, 409, 429, 5xx and the network leave it pending.
    private func outcome(of error: any Error, line: BatchLine, request: CreateVideoRequest?) throws(CLIFailure)
        -> Outcome
    {
        let failure = ErrorLine.failure(error, request: request, naming: .jsonFields)
        if request != nil, case .validation? = error as? SoraError {
            try journal.append(.init(state: "failed", line: line.number, reason: failure.message, status: nil))
            return .failed(failure.message)
        }
        if case .api(let api) = error as? SoraError {
            if request != nil, Journal.isVerdict(status: api.status) {
                try journal.append(
                    .init(state: "failed", line: line.number, reason: failure.message, status: api.status))
                return .failed(failure.message)
            }
            if api.status == 401 || api.status == 403 { return .refused(failure.message) }
        }
        return .unfinished(failure.message, failure.status)
    }
}
