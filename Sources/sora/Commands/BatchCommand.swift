import ArgumentParser
import Foundation
import SoraClient

/// `sora batch FILE.jsonl --out-dir DIR`: many creates, resumable after a crash without paying twice.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Create, wait for and download one video per JSON line; re-run to resume.",
        discussion: """
            Each line is a JSON object with the fields of `create`: prompt, model, seconds, size, \
            input_reference, watermark, private, character_url, character_timestamps. Line N's video is \
            DIR/line-000N.mp4. A journal in DIR (\(Journal.fileName)) records each step, so running the same \
            command again after a crash, Ctrl-C or network loss skips finished videos, polls and downloads \
            jobs already created, and never creates a line's job twice (a re-sent create carries the same \
            Idempotency-Key). Lines are matched by number: a line edited between runs is refused. Only a line's \
            own verdict is final (its job failed, or the API refused its fields with 400 or 422); anything \
            else (a refused token, 404, 408, 409, 429, 5xx, the network) leaves it for the next run, and a refused \
            token stops the run. One run at a time may use DIR: a second one exits with status 2.

            --dry-run sends nothing and needs no token: it checks every line (exit 2 naming each invalid one), \
            then prints the videos the batch will ask for by model and size, their seconds, what the journal in \
            DIR already holds, and with --price an estimated cost of what is still to create.
            """)

    @Argument(help: "The JSON Lines file, one create request per line.")
    var file: String

    @Option(name: .customLong("out-dir"), help: "Folder for the videos and the journal (created if missing).")
    var outDir: String

    @Option(help: "Jobs in flight at once.")
    var concurrency = 4

    @Flag(name: .customLong("dry-run"), help: "Check every line and print what the batch will ask for; send nothing.")
    var dryRun = false

    @Option(
        name: .customLong("price"),
        help: ArgumentHelp(
            "With --dry-run, a price per second: MODEL=PRICE or MODEL:SIZE=PRICE (repeatable).",
            discussion: "Prices differ by relay, so none are built in; the most specific entry wins."))
    var prices: [String] = []

    @OptionGroup var options: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be within 1...64.") }
        guard prices.isEmpty || dryRun else { throw ValidationError("--price only applies with --dry-run.") }
    }

    func run() async throws {
        let lines = try BatchLine.read(URL(filePath: file, relativeTo: .currentDirectory()))
        let folder = URL(filePath: outDir, relativeTo: .currentDirectory()).standardizedFileURL
        guard !dryRun else { return try plan(lines, folder: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(message: "--out-dir: cannot create \(folder.path)", status: .usage)
        }
        let lock = try BatchLock(folder: folder)
        Self.removeLeftovers(in: folder)
        let journal = try Journal(folder: folder)
        try journal.checkUnchanged(lines)
        let (options, concurrency, waitTimeout) = (options, concurrency, waiting.duration)
        try await Interrupt(hint: "; run the same command again to resume").run { _ in
            try await Session.run(options, showsTransfers: false) { session in
                let reporter = Reporter(json: options.json, terminal: false)
                let runner = BatchRunner(
                    lines: lines, folder: folder, journal: journal, session: session, reporter: reporter,
                    waitTimeout: waitTimeout)
                let outcomes = await runner.run(concurrency: concurrency)
                try Self.summarize(outcomes)
            }
        }
        withExtendedLifetime(lock) {}
    }

    /// `--dry-run`: the plan on stdout, from the lines and the journal as it is; nothing is created, locked or sent.
    private func plan(_ lines: [BatchLine], folder: URL) throws {
        let prices = try PriceList(self.prices)
        let journal = Journal.entries(in: folder)
        try Journal.checkUnchanged(lines, entries: journal)
        let plan = BatchPlan(lines: lines, journal: journal)
        print(options.json ? plan.json(file: file, prices: prices) : plan.text(file: file, prices: prices))
    }

    /// Removes temporary files of downloads a killed run left behind (`.line-0001.mp4.XXXXXXXX.part`).
    static func removeLeftovers(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".line-") && name.hasSuffix(".part") {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }

    /// Prints `batch: N completed, N failed, N skipped` and each failure on stderr; throws unless all done.
    static func summarize(_ outcomes: [(BatchLine, BatchRunner.Outcome)]) throws {
        var (completed, skipped) = (0, 0)
        var failed: [String] = []
        var unfinished: [(String, ExitStatus)] = []
        for (line, outcome) in outcomes {
            switch outcome {
            case .completed: completed += 1
            case .skipped: skipped += 1
            case .failed(let reason): failed.append("line \(line.number): \(reason)")
            case .unfinished(let reason, let status): unfinished.append(("line \(line.number): \(reason)", status))
            case .refused(let reason):
                unfinished.append(
                    ("line \(line.number): \(reason) (the token was refused: fix it and run again)", .failure))
            }
        }
        var text = "batch: \(completed) completed, \(failed.count) failed, \(skipped) skipped"
        if !unfinished.isEmpty { text += ", \(unfinished.count) unfinished (run the same command again to resume)" }
        text += "\n" + (failed + unfinished.map(\.0)).map { "  \($0)\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
        if let status = unfinished.map(\.1).max(by: { $0.rawValue < $1.rawValue }) {
            throw CLIFailure(
                message: "\(unfinished.count) line(s) unfinished", status: status == .usage ? .failure : status)
        }
        if !failed.isEmpty { throw CLIFailure(message: "\(failed.count) line(s) failed", status: .failure) }
    }
}
