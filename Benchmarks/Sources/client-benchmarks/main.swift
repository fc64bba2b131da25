// client-benchmarks: the client runtime's large transfers and per-call costs, with ratios measured in the same run.
//
//   swift run -c release client-benchmarks [--size-mib 1024] [--runs 3] [--rounds 41] [--batch 200]
//                                          [--skip-transfers] [--skip-micro]
//
// Large transfers (each run in a fresh child process, so `ru_maxrss` is that scenario's own):
//   copy      the baseline: a plain buffered copy of the input file (1 MiB reads, written to another file)
//   read      a reference: the same reads without the writes (the least an upload of the file must do)
//   copysync  a reference: the copy with an fsync before closing (the download fsyncs before its rename)
//   upload    `createVideo` with the input file as `input_reference`, over AsyncHTTPClient, to a loopback sink
//   download  `downloadVideoContent(_:to:)` of a response of the same size from the same sink
// The sink server runs in its own child process (`--server BYTES`), so its memory is not counted.
// Per call (in process, medians): multipart encoding of a small create request and decoding a `Video`, next to
// swift-openapi-runtime doing the same (see Micro.swift).
//
// Internal modes: --server BYTES; --child upload PORT FILE | download PORT BYTES DEST | copy SOURCE DEST | copysync SOURCE DEST | read SOURCE.

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--server" {
    guard arguments.count == 2, let bytes = Int(arguments[1]) else { fail("usage: --server BYTES") }
    do { try await runSinkServer(contentBytes: bytes) } catch { fail("sink server: \(error)") }
    exit(0)
}

if arguments.first == "--child" {
    let rest = Array(arguments.dropFirst())
    do {
        let result: ChildResult
        switch (rest.first, rest.count) {
        case ("upload", 3):
            guard let port = Int(rest[1]) else { fail("bad port") }
            result = try await uploadChild(port: port, file: rest[2])
        case ("download", 4):
            guard let port = Int(rest[1]), let bytes = Int(rest[2]) else { fail("bad port or size") }
            result = try await downloadChild(port: port, expected: bytes, destination: rest[3])
        case ("copy", 3):
            result = copyChild(source: rest[1], destination: rest[2])
        case ("copysync", 3):
            result = copyChild(source: rest[1], destination: rest[2], sync: true)
        case ("read", 2):
            result = copyChild(source: rest[1], destination: nil)
        default:
            fail("usage: --child upload PORT FILE | download PORT BYTES DEST | copy SOURCE DEST | copysync SOURCE DEST | read SOURCE")
        }
        print(result.line)
    } catch {
        fail("child \(rest.first ?? "") failed: \(error)")
    }
    exit(0)
}

@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name) else { return value }
    guard index + 1 < arguments.count, let number = Int(arguments[index + 1]), number > 0 else {
        fail("\(name) needs a positive number")
    }
    return number
}

let sizeMiB = option("--size-mib", default: 1024)
let runs = option("--runs", default: 3)
let rounds = option("--rounds", default: 41)
let batch = option("--batch", default: 200)
let size = sizeMiB << 20

// MARK: - Large transfers

struct TransferSamples {
    var copy: [ChildResult] = []
    var read: [ChildResult] = []
    var copySync: [ChildResult] = []
    var upload: [ChildResult] = []
    var download: [ChildResult] = []
}
var transfers = TransferSamples()

if !arguments.contains("--skip-transfers") {
    let temporary = NSTemporaryDirectory()
    var disk = statvfs()
    guard statvfs(temporary, &disk) == 0 else { fail("cannot statvfs \(temporary)") }
    let free = Int(disk.f_bavail) * Int(disk.f_frsize)
    // The input, the copy and the download exist at the same time at most; keep 1 GiB to spare.
    guard free > 2 * size + (1 << 30) else {
        fail("\(formatSize(free)) free in \(temporary); \(formatSize(2 * size + (1 << 30))) needed (try --size-mib)")
    }
    let directory = temporary + "/client-benchmarks-\(getpid())"
    guard mkdir(directory, 0o700) == 0 else { fail("cannot create \(directory)") }
    let input = directory + "/input.png"
    writeInputFile(input, size: size)
    note("wrote \(formatSize(size)) to \(input)")
    let server = SinkServerProcess(contentBytes: size)
    note("sink server on 127.0.0.1:\(server.port)")
    // Each run does every scenario once, so a busy spell of the shared machine hits all of them alike.
    for run in 0..<runs {
        transfers.copy.append(runChild(["copy", input, directory + "/copy.bin"]))
        transfers.read.append(runChild(["read", input]))
        transfers.copySync.append(runChild(["copysync", input, directory + "/copy.bin"]))
        transfers.upload.append(runChild(["upload", String(server.port), input]))
        transfers.download.append(runChild(["download", String(server.port), String(size), directory + "/video.mp4"]))
        note("transfer run \(run + 1) of \(runs)")
    }
    server.stop()
    unlink(input)
    rmdir(directory)
}

// MARK: - Per call

var micro: [String: Double] = [:]
var microWhat: [(String, String)] = []
if !arguments.contains("--skip-micro") {
    do {
        let cases = try microCases()
        microWhat = cases.map { ($0.name, $0.what) }
        micro = try await measureMicro(cases, rounds: rounds, batch: batch)
    } catch {
        fail("per-call benchmarks failed: \(error)")
    }
    note("per-call benchmarks done")
}

// MARK: - Report

let memoryLimit = 64 << 20
var targets: [String] = []

if !transfers.copy.isEmpty {
    let copyTime = median(transfers.copy.map(\.seconds))
    print("")
    print("### Large transfers: \(formatSize(size)), median of \(runs) runs (peak: worst run), fresh process each")
    print("")
    print(
        "| scenario | time | range of the runs | throughput | × copy throughput | process peak (maxrss) "
            + "| growth during the call |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for (name, samples) in [("copy (baseline)", transfers.copy), ("read only (reference)", transfers.read),
        ("copy + fsync (reference)", transfers.copySync),
        ("upload", transfers.upload), ("download", transfers.download)]
    {
        let time = median(samples.map(\.seconds))
        let range = "\(formatTime(samples.map(\.seconds).min()!))–\(formatTime(samples.map(\.seconds).max()!))"
        print(
            "| \(name) | \(formatTime(time)) | \(range) | \(formatRate(Double(size) / time)) "
                + "| \(rounded(copyTime / time, 2))× "
                + "| \(formatSize(samples.map(\.processPeak).max()!)) | \(formatSize(samples.map(\.growth).max()!)) |")
    }
    let uploadPeak = transfers.upload.map(\.processPeak).max()!
    let downloadPeak = transfers.download.map(\.processPeak).max()!
    let uploadRatio = copyTime / median(transfers.upload.map(\.seconds))
    targets.append(
        "| upload of \(formatSize(size)): client peak memory under 64 MiB | \(formatSize(uploadPeak)) "
            + "(growth \(formatSize(transfers.upload.map(\.growth).max()!))) | \(mark(uploadPeak < memoryLimit)) |")
    targets.append(
        "| upload throughput at least half of a buffered copy | \(rounded(uploadRatio, 2))× of the copy "
            + "| \(mark(uploadRatio >= 0.5)) |")
    targets.append(
        "| download of \(formatSize(size)) to a file: peak memory under 64 MiB | \(formatSize(downloadPeak)) "
            + "(growth \(formatSize(transfers.download.map(\.growth).max()!))) | \(mark(downloadPeak < memoryLimit)) |")
}

if !micro.isEmpty {
    print("")
    print("### Per call: median of \(rounds) rounds × \(batch) calls, in process")
    print("")
    print("| row | what | time per call |")
    print("|---|---|---:|")
    for (name, what) in microWhat { print("| \(name) | \(what) | \(formatTime(micro[name]!)) |") }
    let e1 = micro["E1"]!, e2 = micro["E2"]!, e3 = micro["E3"]!, r1 = micro["R1"]!, r2 = micro["R2"]!
    let d1 = micro["D1"]!, d2 = micro["D2"]!, d3 = micro["D3"]!, d4 = micro["D4"]!
    print("")
    print("| comparison | this runtime | swift-openapi-runtime | ratio |")
    print("|---|---:|---:|---:|")
    print("| encode, whole send (E1 / E2) | \(formatTime(e1)) | \(formatTime(e2)) | \(rounded(e1 / e2, 2))× |")
    print(
        "| encode, body only (E1 − R1 / E2 − R2) | \(formatTime(e1 - r1)) | \(formatTime(e2 - r2)) "
            + "| \(rounded((e1 - r1) / (e2 - r2), 2))× |")
    print("| per-request cost without a body (R1 / R2) | \(formatTime(r1)) | \(formatTime(r2)) | \(rounded(r1 / r2, 2))× |")
    print("| decode, whole call (D1 / D2) | \(formatTime(d1)) | \(formatTime(d2)) | \(rounded(d1 / d2, 2))× |")
    print(
        "| decode, without the per-request cost (D1 − R1 / D2 − R2) | \(formatTime(d1 - r1)) | \(formatTime(d2 - r2)) "
            + "| \(rounded((d1 - r1) / (d2 - r2), 2))× |")
    print("| decode, `JSONDecoder` alone (D3 / D4) | \(formatTime(d3)) | \(formatTime(d4)) | \(rounded(d3 / d4, 2))× |")
    print("")
    print("E3, swift-openapi-runtime's multipart body without a client: \(formatTime(e3)).  ")
    print("T1, the timeout task group `APIClientCore.send` had before the transfer watch, alone: \(formatTime(micro["T1"]!)) of R1's \(formatTime(r1)).")
    targets.append(
        "| encode a small create request: time per call next to swift-openapi-runtime | \(formatTime(e1)) vs "
            + "\(formatTime(e2)) (\(rounded(e1 / e2, 2))×) | reported |")
    targets.append(
        "| decode a `Video`: time per call next to swift-openapi-runtime | \(formatTime(d1)) vs \(formatTime(d2)) "
            + "(\(rounded(d1 / d2, 2))×) | reported |")
}

if !targets.isEmpty {
    print("")
    print("### Targets")
    print("")
    print("| target | measured | status |")
    print("|---|---|---|")
    for line in targets { print(line) }
}
