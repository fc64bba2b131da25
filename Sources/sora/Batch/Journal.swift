import Foundation

/// The batch's memory in the output folder (`.sora-batch.jsonl`): one JSON record per step, appended and
/// flushed to disk before the step's effect, so a re-run after a crash knows what was done.
///
/// For each line: `key` is written before the create is sent (a re-send carries the same
/// `Idempotency-Key`, so the server answers with the same job instead of a second paid one); `created`
/// holds the job id; `completed` follows the renamed download; `failed` a job that ended failed.
final class Journal: @unchecked Sendable {
    /// One record.
    struct Record: Codable, Sendable {
        /// `key`, `created`, `completed` or `failed`.
        var state: String
        /// The batch file's line number.
        var line: Int
        /// The idempotency key of the line's create.
        var key: String?
        /// The job id.
        var id: String?
        /// Why the job failed.
        var reason: String?
        /// The fingerprint of the line's text, with `key`.
        var fingerprint: String?
        /// The HTTP status of an API refusal, with `failed`.
        var status: Int?
    }

    /// What the journal knows about one line.
    struct Entry: Sendable {
        /// The idempotency key, once chosen.
        var key: String?
        /// The fingerprint of the line the key was chosen for.
        var fingerprint: String?
        /// The job id, once created.
        var id: String?
        /// True once the video is in the folder.
        var completed = false
        /// The reason, if the job failed.
        var failure: String?
    }

    /// The journal's file name in the output folder.
    static let fileName = ".sora-batch.jsonl"

    private let handle: FileHandle
    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]

    /// Opens (or starts) the journal in `folder`, reading what earlier runs recorded.
    init(folder: URL) throws(CLIFailure) {
        let url = folder.appending(path: Self.fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        guard let data = try? Data(contentsOf: url), let handle = try? FileHandle(forUpdating: url) else {
            throw CLIFailure(message: "--out-dir: cannot open the journal \(url.path)", status: .usage)
        }
        self.handle = handle
        entries = Self.entries(in: data)
        _ = try? handle.seekToEnd()
        if let last = data.last, last != UInt8(ascii: "\n") { try? handle.write(contentsOf: Data("\n".utf8)) }
    }

    /// What the journal in `folder` records, read without creating, opening for writing or locking anything
    /// (`sora batch --dry-run`); empty when there is no journal.
    static func entries(in folder: URL) -> [Int: Entry] {
        let data = (try? Data(contentsOf: folder.appending(path: fileName))) ?? Data()
        return entries(in: data)
    }

    /// The entries the records of `data` make, in order.
    private static func entries(in data: Data) -> [Int: Entry] {
        var entries: [Int: Entry] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            // A torn last line (killed mid-write) is ignored: its step is simply done again.
            guard let record = try? JSONDecoder().decode(Record.self, from: Data(line.utf8)) else { continue }
            apply(record, to: &entries)
        }
        return entries
    }

    /// Refuses a batch file whose lines changed since the journal recorded them (lines are matched by number).
    func checkUnchanged(_ lines: [BatchLine]) throws(CLIFailure) {
        try Self.checkUnchanged(lines, entries: lock.withLock { entries })
    }

    /// Refuses `lines` when any differs from the line `entries` recorded under its number.
    static func checkUnchanged(_ lines: [BatchLine], entries: [Int: Entry]) throws(CLIFailure) {
        let changed = lines.filter { line in
            entries[line.number]?.fingerprint.map { $0 != line.fingerprint } ?? false
        }
        guard changed.isEmpty else {
            let numbers = changed.map { String($0.number) }.joined(separator: ", ")
            throw CLIFailure(
                message: "line \(numbers) changed since this batch started in the same --out-dir; "
                    + "restore the file or use a new --out-dir",
                status: .usage)
        }
    }

    /// What is known about `line`.
    func entry(_ line: Int) -> Entry {
        lock.withLock { entries[line] ?? Entry() }
    }

    /// Appends `record` and flushes it to disk before returning.
    func append(_ record: Record) throws(CLIFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return }
        do {
            try lock.withLock {
                try handle.write(contentsOf: data + Data("\n".utf8))
                try handle.synchronize()
                Self.apply(record, to: &entries)
            }
        } catch {
            throw CLIFailure(message: "cannot write the journal: \(error.localizedDescription)", status: .failure)
        }
    }

    /// Whether an API refusal of a create is final for its line: only 400 and 422 speak about its fields.
    static func isVerdict(status: Int) -> Bool {
        status == 400 || status == 422
    }

    /// `401` from a reason written as `HTTP 401 invalid_api_key: …`.
    static func status(inReason reason: String) -> Int? {
        guard reason.hasPrefix("HTTP ") else { return nil }
        return Int(reason.dropFirst(5).prefix { $0.isNumber })
    }

    private static func apply(_ record: Record, to entries: inout [Int: Entry]) {
        var entry = entries[record.line] ?? Entry()
        switch record.state {
        case "key":
            entry.key = record.key
            entry.fingerprint = record.fingerprint
        case "created": entry.id = record.id
        case "completed": entry.completed = true
        case "failed":
            // Older runs also journaled refusals that were not the line's fault (a bad token, 404, 409):
            // those lines are still to do.
            let status = record.status ?? record.reason.flatMap(Self.status(inReason:))
            if record.id != nil || status.map(Self.isVerdict(status:)) ?? true { entry.failure = record.reason }
        default: break
        }
        entries[record.line] = entry
    }
}
