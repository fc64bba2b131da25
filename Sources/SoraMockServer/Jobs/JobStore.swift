import Foundation

/// Holds every job and idempotency key; one actor, so creates are atomic.
actor JobStore {
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var nextSequence = 0
    private var idempotency: [String: (fingerprint: UInt64, jobID: String)] = [:]
    private let duration: Double

    init(duration: Double) {
        self.duration = duration
    }

    /// The result of a create: a new job, a replay of an earlier one, or a key reused with another body.
    enum CreateOutcome: Sendable {
        case created(Job)
        case replayed(Job)
        case keyConflict
    }

    /// Creates a job, or replays the job an `Idempotency-Key` already made.
    func create(_ fields: JobFields, key: String?, fingerprint: UInt64) -> CreateOutcome {
        if let key, let previous = idempotency["create:" + key] {
            guard previous.fingerprint == fingerprint else { return .keyConflict }
            if let job = jobs[previous.jobID] { return .replayed(job) }
        }
        let job = insert(fields, remixedFrom: nil)
        if let key { idempotency["create:" + key] = (fingerprint, job.id) }
        return .created(job)
    }

    /// Creates a remix of `sourceID` (or replays the one an `Idempotency-Key` made), or explains why it cannot.
    func remix(_ sourceID: String, prompt: String, key: String?, now: Date) -> Result<CreateOutcome, APIError> {
        var hash = Fingerprint()
        hash.add(Array("remix\u{0}\(sourceID)\u{0}\(prompt)".utf8))
        let scopedKey = key.map { "remix:" + $0 }
        if let scopedKey, let previous = idempotency[scopedKey] {
            guard previous.fingerprint == hash.value else { return .success(.keyConflict) }
            if let job = jobs[previous.jobID] { return .success(.replayed(job)) }
        }
        guard let source = jobs[sourceID] else { return .failure(.videoNotFound(sourceID)) }
        if source.isPrivate {
            return .failure(
                .invalid("video_id", "Video '\(sourceID)' is private and cannot be remixed.", code: "video_private"))
        }
        guard source.phase(at: now) == .completed else {
            return .failure(
                .invalid(
                    "video_id", "Video '\(sourceID)' is not completed and cannot be remixed yet.",
                    code: "video_not_ready"))
        }
        let fields = JobFields(
            model: source.model, prompt: prompt, size: source.size, seconds: source.seconds, isPrivate: false)
        let job = insert(fields, remixedFrom: sourceID)
        if let scopedKey { idempotency[scopedKey] = (hash.value, job.id) }
        return .success(.created(job))
    }

    /// The job with `id`, if it exists.
    func job(_ id: String) -> Job? { jobs[id] }

    /// Removes a job; returns whether it existed.
    func delete(_ id: String) -> Bool {
        guard jobs.removeValue(forKey: id) != nil else { return false }
        order.removeAll { $0 == id }
        return true
    }

    /// A page of jobs in creation order (`asc`) or newest first, after the `after` cursor.
    func page(limit: Int, after: String?, ascending: Bool) -> (jobs: [Job], hasMore: Bool)? {
        let ids = ascending ? order : order.reversed()
        var start = 0
        if let after {
            guard let index = ids.firstIndex(of: after) else { return nil }
            start = index + 1
        }
        let slice = ids.dropFirst(start)
        let page = slice.prefix(limit).compactMap { jobs[$0] }
        return (page, slice.count > limit)
    }

    private func insert(_ fields: JobFields, remixedFrom: String?) -> Job {
        nextSequence += 1
        let job = Job(
            id: Self.newID(), sequence: nextSequence, model: fields.model, prompt: fields.prompt, size: fields.size,
            seconds: fields.seconds, isPrivate: fields.isPrivate, remixedFrom: remixedFrom, createdAt: Date(),
            duration: duration)
        jobs[job.id] = job
        order.append(job.id)
        return job
    }

    private static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<3).map { _ in generator.next() as UInt64 }
        return "video_"
            + words.map { word in
                let hex = String(word, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
    }
}

/// The validated fields a job is made from.
struct JobFields: Sendable {
    let model: String
    let prompt: String
    let size: String
    let seconds: String
    let isPrivate: Bool
}
