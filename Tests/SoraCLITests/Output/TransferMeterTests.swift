import Foundation
import SoraClient
import Synchronization
import TestSupport
import Testing

@testable import sora

extension CLITests {
    /// Bytes, speed and an estimate for large uploads and downloads on a terminal; nothing on a pipe or with
    /// `--json`.
    @Suite struct TransferMeterTests {
        /// What a meter wrote.
        final class Screen: Sendable {
            private let written = Mutex("")
            var text: String { written.withLock { $0 } }
            func write(_ text: String) { written.withLock { $0 += text } }
        }

        static func upload(_ bytes: Int64, of total: Int64?) -> TransferProgress {
            TransferProgress(operationID: "createVideo", direction: .upload, bytes: bytes, total: total)
        }

        @Test(arguments: [
            (Int64(0), "0 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1_572_864, "1.5 MiB"), (5 << 30, "5.0 GiB"),
            (Int64.max, "8388608.0 TiB"), (-5, "0 B"), (1_048_535, "1.0 MiB"),
        ])
        func sizesAreShort(_ bytes: Int64, _ text: String) {
            #expect(TransferMeter.size(bytes) == text)
        }

        @Test func theLineHasBytesABarSpeedAndAnEstimate() {
            let meter = TransferMeter(columns: 120, unicode: false)
            let line = meter.line(Self.upload(12 << 20, of: 48 << 20), elapsed: 4, rate: Double(3 << 20))
            #expect(line == "uploading  12.0 MiB / 48.0 MiB  [#####---------------]  25%  3.0 MiB/s  ~12s left")
            let unknown = meter.line(
                TransferProgress(operationID: "d", direction: .download, bytes: 2048, total: nil), elapsed: 1.25,
                rate: nil)
            #expect(unknown == "downloading  2.0 KiB  1.2s")
            #expect(
                TransferMeter(columns: 30, unicode: true).line(Self.upload(1, of: 2), elapsed: 0, rate: nil).count == 29
            )
        }

        @Test func redrawsAreThrottledAndTheLastLineStays() {
            let screen = Screen()
            let meter = TransferMeter(columns: 100, unicode: false, write: { screen.write($0) })
            let start = ContinuousClock.now
            let total: Int64 = 4 << 20
            for step in 0...40 {
                meter.report(Self.upload(Int64(step) * total / 40, of: total), now: start + .milliseconds(25 * step))
            }
            let draws = screen.text.components(separatedBy: "\r\u{1B}[K").dropFirst()
            #expect((9...12).contains(draws.count), "\(draws.count) draws for 1 s at 100 ms")
            #expect(draws.contains { $0.contains("MiB/s") && $0.contains(" left") })
            #expect(draws.last == "uploaded 4.0 MiB in 1.0s (4.0 MiB/s)\n")
            meter.end()
            #expect(screen.text.hasSuffix("/s)\n"), "a finished transfer needs no extra newline")
        }

        @Test func aDownloadOfUnknownSizeShowsOnceLargeAndEndsWithItsTotal() {
            let screen = Screen()
            let meter = TransferMeter(columns: 100, unicode: false, write: { screen.write($0) })
            let start = ContinuousClock.now
            func download(_ bytes: Int64, total: Int64? = nil, at milliseconds: Int) {
                meter.report(
                    TransferProgress(operationID: "d", direction: .download, bytes: bytes, total: total),
                    now: start + .milliseconds(milliseconds))
            }
            download(4096, at: 0)
            download(4096, total: 4096, at: 10)
            #expect(screen.text.isEmpty, "a small body of unknown size is never drawn, nor its end")
            download(100_000, at: 100)
            #expect(screen.text.isEmpty)
            download(600_000, at: 300)
            download(1_048_576, total: 1_048_576, at: 500)
            let draws = screen.text.components(separatedBy: "\r\u{1B}[K").dropFirst()
            #expect(draws.first?.hasPrefix("downloading  585.9 KiB  ") == true, "\(screen.text.debugDescription)")
            #expect(draws.last?.hasPrefix("downloaded 1.0 MiB in 0.5s") == true, "\(screen.text.debugDescription)")
            #expect(screen.text.hasSuffix("\n"))
        }

        @Test func smallTransfersAreNotShownAndACutOneEndsItsLine() {
            let screen = Screen()
            let meter = TransferMeter(columns: 100, unicode: false, write: { screen.write($0) })
            meter.report(Self.upload(10, of: 100_000))
            meter.report(Self.upload(100_000, of: 100_000))
            #expect(screen.text.isEmpty)
            meter.report(Self.upload(1 << 20, of: 8 << 20))
            meter.end()
            #expect(screen.text.hasPrefix("\r\u{1B}[Kuploading  1.0 MiB / 8.0 MiB"))
            #expect(screen.text.hasSuffix("\n"))
        }

        @Test func aLargeReferenceShowsItsUploadOnATerminalOnly() async throws {
            try await CLI.session { cli in
                let image = try HostileServerCLITests.bigImage(mebibytes: 3)
                defer { try? FileManager.default.removeItem(at: image) }
                let arguments = [
                    "create", "--prompt", "a lighthouse", "--input-reference", image.path, "--size", "720x1280",
                ]
                let (status, text) = try await PseudoTerminal.run(
                    arguments, in: cli.folder, environment: cli.environment(["LANG": "C.UTF-8"]))
                #expect(status == 0, "\(text)")
                #expect(text.contains("uploaded 3.0 MiB in "), "\(text.debugDescription)")

                let verbose = try await PseudoTerminal.run(
                    arguments + ["--verbose"], in: cli.folder, environment: cli.environment(["LANG": "C.UTF-8"]))
                #expect(verbose.status == 0, "\(verbose.text)")
                #expect(!verbose.text.contains("uploaded"), "request logs would land inside the line")

                let piped = try await cli.run(arguments)
                #expect(piped.status == 0, "\(piped.stderr)")
                #expect(piped.stderr.isEmpty, "a pipe gets no transfer line: \(piped.stderr)")
            }
        }

        @Test func aSlowDownloadShowsItsSpeedAndEstimateOnATerminal() async throws {
            let server = try HostileServer { connection in
                while connection.readRequest() != nil {
                    let total = 2 << 20
                    guard
                        connection.sendHead(
                            status: 200, headers: [("Content-Type", "video/mp4"), ("Content-Length", "\(total)")])
                    else { return }
                    for _ in 0..<16 {
                        guard connection.write([UInt8](repeating: 1, count: total / 16)) else { return }
                        Thread.sleep(forTimeInterval: 0.08)
                    }
                }
            }
            defer { server.stop() }
            let (folder, environment) = try HostileServerCLITests.scratch(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (status, text) = try await PseudoTerminal.run(
                ["download", "video_1", "--output", "out.mp4"], in: folder,
                environment: environment.merging(["LANG": "C.UTF-8"]) { $1 })
            #expect(status == 0, "\(text)")
            let draws = text.components(separatedBy: "\r\u{1B}[K").dropFirst()
            #expect(
                draws.contains {
                    $0.hasPrefix("downloading  ") && $0.contains(" / 2.0 MiB  [") && $0.contains(" left")
                },
                "\(text.debugDescription)")
            #expect(draws.last?.hasPrefix("downloaded 2.0 MiB in ") == true, "\(text.debugDescription)")
        }
    }
}
