import Foundation

/// Holds the jobs and their idempotency keys; one actor, so creates are atomic.
///
/// Memory is bounded: at most `capacity` jobs, and at most one idempotency key per job (a key goes when its
/// job is deleted or evicted). When full, a new job evicts the oldest finished one (`completed` or `failed`);
/// if every job is still running, the create is refused with `.full`.
actor JobStore {
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var nextSequence = 0
    private var idempotency: [String: (fingerprint: UInt64, jobID: String)] = [:]
    private var keyOfJob: [String: String] = [:]
    private let duration: Double
    private let capacity: Int

    /// A store whose jobs take `duration` seconds and which holds at most `capacity` jobs.
    init(duration: Double, capacity: Int = 10_000) {
        self.duration = duration.isNaN ? 0 : min(max(0, duration), JobStore.longestDuration)
        self.capacity = max(1, capacity)
    }

    /// The longest job duration the store simulates (one year); longer configurations are clamped.
    static let longestDuration: Double = 31_536_000

    /// The result of a create: a new job, a replay, a key reused with another body, or no room.
    enum CreateOutcome: Sendable {
        case created(Job)
        case replayed(Job)
        case keyConflict
        /// The store is full of unfinished jobs; the oldest finishes in about this many seconds.
        case full(retryAfter: Int)
    }

    /// Creates a job, or replays the job an `Idempotency-Key` already made.
    func create(_ fields: JobFields, key: String?, fingerprint: UInt64) -> CreateOutcome {
        if let key, let previous = idempotency["create:" + key] {
            guard previous.fingerprint == fingerprint else { return .keyConflict }
            if let job = jobs[previous.jobID] { return .replayed(job) }
        }
        if let retryAfter = makeRoom(now: Date()) { return .full(retryAfter: retryAfter) }
        let job = insert(fields, remixedFrom: nil)
        if let key { remember("create:" + key, fingerprint, job.id) }
        return .created(job)
    }

    /// Creates a remix of `sourceID` (or replays the one an `Idempotency-Key` made), or explains why it cannot.
    func remix(_ sourceID: String, prompt: String, key: String?, now: Date) -> Result<CreateOutcome, MockAPIError> {
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
        if let retryAfter = makeRoom(now: now) { return .success(.full(retryAfter: retryAfter)) }
        let job = insert(fields, remixedFrom: sourceID)
        if let scopedKey { remember(scopedKey, hash.value, job.id) }
        return .success(.created(job))
    }

    /// The job with `id`, if it exists.
    func job(_ id: String) -> Job? { jobs[id] }

    /// Removes a job and its idempotency key; returns whether it existed.
    func delete(_ id: String) -> Bool {
        guard jobs[id] != nil else { return false }
        remove(id, at: order.firstIndex(of: id))
        return true
    }

    /// Evicts the oldest finished job when the store is full; returns a retry delay when nothing can go.
    private func makeRoom(now: Date) -> Int? {
        guard jobs.count >= capacity else { return nil }
        guard let index = order.firstIndex(where: { jobs[$0]?.isFinished(at: now) ?? true }) else {
            // Jobs share one duration, so the oldest (first created) finishes first.
            return order.first.flatMap { jobs[$0] }?.secondsUntilFinished(at: now) ?? 1
        }
        remove(order[index], at: index)
        return nil
    }

    private func remove(_ id: String, at index: Int?) {
        jobs[id] = nil
        if let index { order.remove(at: index) }
        if let key = keyOfJob.removeValue(forKey: id) { idempotency[key] = nil }
    }

    /// Points `key` at `jobID`, dropping the link of the job the key named before (if it was deleted).
    private func remember(_ key: String, _ fingerprint: UInt64, _ jobID: String) {
        if let previous = idempotency[key] { keyOfJob[previous.jobID] = nil }
        idempotency[key] = (fingerprint, jobID)
        keyOfJob[jobID] = key
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
