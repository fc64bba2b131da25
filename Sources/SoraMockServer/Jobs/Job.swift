import Foundation

/// One simulated video task; its status is a pure function of the time elapsed since creation.
struct Job: Sendable {
    let id: String
    let sequence: Int
    let model: String
    let prompt: String
    let size: String
    let seconds: String
    let isPrivate: Bool
    let remixedFrom: String?
    let createdAt: Date
    let duration: Double
    /// Whether the prompt asked for a failure (`[fail]`).
    var fails: Bool { prompt.contains("[fail]") }

    /// The life-cycle phase at `now`.
    enum Phase: Equatable {
        case queued
        case inProgress(progress: Int)
        case completed
        case failed
    }

    /// Whether the job has reached `completed` or `failed` at `now`.
    func isFinished(at now: Date) -> Bool {
        switch phase(at: now) {
        case .completed, .failed: true
        case .queued, .inProgress: false
        }
    }

    /// Whole seconds from `now` until the job finishes (at least 1).
    func secondsUntilFinished(at now: Date) -> Int {
        CheckedNumber.clamped((duration - now.timeIntervalSince(createdAt)).rounded(.up), to: 1...Int.max)
    }

    /// Queued for the first fifth of the duration, then in progress with rising progress, then done.
    func phase(at now: Date) -> Phase {
        let elapsed = now.timeIntervalSince(createdAt)
        if elapsed >= duration { return fails ? .failed : .completed }
        if elapsed < duration * 0.2 { return .queued }
        let fraction = (elapsed - duration * 0.2) / (duration * 0.8)
        return .inProgress(progress: CheckedNumber.clamped(fraction * 100, to: 1...99))
    }

    /// The upstream `Video` object at `now`.
    func json(at now: Date) -> MockJSONValue {
        let phase = phase(at: now)
        let created = CheckedNumber.clamped(createdAt.timeIntervalSince1970)
        let finished = CheckedNumber.clamped(createdAt.timeIntervalSince1970 + duration)
        var object: [String: MockJSONValue] = [
            "id": .string(id), "object": .string("video"), "model": .string(model),
            "prompt": .string(prompt), "size": .string(size), "seconds": .string(seconds),
            "created_at": .int(created), "completed_at": .null, "expires_at": .null, "error": .null,
            "remixed_from_video_id": remixedFrom.map(MockJSONValue.string) ?? .null,
        ]
        switch phase {
        case .queued:
            object["status"] = .string("queued")
            object["progress"] = .int(0)
        case .inProgress(let progress):
            object["status"] = .string("in_progress")
            object["progress"] = .int(progress)
        case .completed:
            object["status"] = .string("completed")
            object["progress"] = .int(100)
            object["completed_at"] = .int(finished)
            object["expires_at"] = .int(CheckedNumber.clamped(createdAt.timeIntervalSince1970 + duration + 86_400))
        case .failed:
            object["status"] = .string("failed")
            object["progress"] = .int(100)
            object["error"] = .object([
                "code": .string("moderation_blocked"),
                "message": .string("The prompt was blocked by the moderation system (simulated by `[fail]`)."),
            ])
        }
        return .object(object)
    }

    /// Milliseconds a client should wait before polling again.
    func pollAfterMilliseconds(at now: Date) -> Int {
        let remaining = duration - now.timeIntervalSince(createdAt)
        guard remaining > 0 else { return 0 }
        return CheckedNumber.clamped(remaining * 1_000 / 4, to: 50...2_000)
    }
}
