import Foundation
import SoraClient
import Testing

@testable import sora

extension CLITests {
    /// The progress line: a bar, the percent, the elapsed time and an estimate on a terminal (tested under a
    /// pseudo-terminal), and plain lines on a pipe.
    @Suite struct ProgressTests {
        static func video(_ status: VideoStatus, _ progress: Int?) -> Video {
            Video(
                id: "video_1", object: "video", model: .sora2, status: status, progress: progress, createdAt: 1)
        }

        @Test func theBarShowsThePercentTheElapsedTimeAndTheEstimate() {
            let progress = Progress(terminal: true, columns: 100, unicode: true)
            #expect(
                progress.barLine(Self.video(.inProgress, 40), elapsed: 12.34, remaining: 18.2)
                    == "video_1  in_progress  [████████░░░░░░░░░░░░]  40%  12.3s  ~19s left")
            #expect(
                progress.barLine(Self.video(.queued, nil), elapsed: 0.5, remaining: nil)
                    == "video_1  queued  [░░░░░░░░░░░░░░░░░░░░]  0%  0.5s")
        }

        @Test func withoutUTF8TheBarIsASCII() {
            let progress = Progress(terminal: true, columns: 100, unicode: false)
            #expect(
                progress.barLine(Self.video(.completed, 100), elapsed: 61, remaining: nil)
                    == "video_1  completed  [####################]  100%  61.0s")
        }

        @Test(arguments: [20, 30, 45])
        func theLineNeverWrapsTheTerminal(_ columns: Int) {
            let progress = Progress(terminal: true, columns: columns, unicode: true)
            let line = progress.barLine(Self.video(.inProgress, 55), elapsed: 1234.5, remaining: 7200)
            #expect(line.count == columns - 1)
        }

        @Test func anOddPercentFromTheServerStaysWithinTheBar() {
            let progress = Progress(terminal: true, columns: 200, unicode: false)
            #expect(
                progress.barLine(Self.video(.inProgress, 250), elapsed: 1, remaining: nil).contains(
                    "[####################]  100%"))
            #expect(
                progress.barLine(Self.video(.inProgress, -5), elapsed: 1, remaining: nil).contains(
                    "[--------------------]  0%"))
        }

        @Test func theEstimateComesOnceThePercentHasMovedAndFollowsItsRate() {
            var progress = Progress(terminal: true, columns: 100, unicode: true)
            #expect(progress.remaining(Self.video(.queued, 0), elapsed: 1) == nil)
            #expect(progress.remaining(Self.video(.inProgress, 10), elapsed: 2) == nil)
            #expect(progress.remaining(Self.video(.inProgress, 10), elapsed: 3) == nil, "not moved yet")
            // 10% → 30% in 4 s: 5% a second, 70% to go.
            #expect(progress.remaining(Self.video(.inProgress, 30), elapsed: 6) == 14)
            #expect(progress.remaining(Self.video(.completed, 100), elapsed: 9) == nil)
        }

        @Test(arguments: [
            (0.2, "1s"), (45, "45s"), (185, "3m05s"), (7260, "2h01m"), (.infinity, "?"), (1e12, "99h59m"),
        ])
        func durationsAreShort(_ seconds: Double, _ text: String) {
            #expect(Progress.duration(seconds) == text)
        }

        @Test func onATerminalTheLineIsRedrawnInPlaceWithABar() async throws {
            try await CLI.session(jobSeconds: 2) { cli in
                let stdout = Pipe()
                let (status, text) = try await PseudoTerminal.run(
                    ["create", "--prompt", "a lighthouse", "--wait"], in: cli.folder,
                    environment: cli.environment(["LANG": "C.UTF-8"]), columns: 120, standardOutput: stdout)
                let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(status == 0, "\(text)")
                #expect(printed.hasPrefix("video_"), "the id goes to stdout, not the terminal: \(printed)")
                let redraws = text.components(separatedBy: "\r\u{1B}[K").dropFirst()
                #expect(redraws.count >= 3, "\(text.debugDescription)")
                #expect(
                    redraws.contains { $0.contains("in_progress  [█") && $0.contains(" left") },
                    "\(text.debugDescription)")
                #expect(
                    redraws.last?.contains("completed  [████████████████████]  100%") == true,
                    "\(text.debugDescription)")
                #expect(redraws.allSatisfy { $0.split(separator: "\n").first.map { $0.count < 120 } ?? true })
            }
        }

        @Test func onAPipeEachChangeIsOnePlainLine() async throws {
            try await CLI.session(jobSeconds: 1) { cli in
                let run = try await cli.run(["create", "--prompt", "a lighthouse", "--wait"])
                #expect(run.status == 0, "\(run.stderr)")
                #expect(!run.stderr.contains("\u{1B}"))
                #expect(!run.stderr.contains("["))
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.count >= 2)
                #expect(lines.last?.contains("completed  100%") == true, "\(run.stderr)")
            }
        }
    }
}
