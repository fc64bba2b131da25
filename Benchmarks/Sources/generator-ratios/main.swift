// generator-ratios: times each stage on each input in one process (stages interleaved; medians of N runs and of the
// per-round ratios to (a), and the best of N runs), measures
// each stage's peak memory in a fresh child process (getrusage maxrss after − before), and prints the markdown
// tables that go into Benchmarks/README.md, with each target marked met or missed.
//
//   swift run -c release generator-ratios [--runs N]
//   swift run -c release generator-ratios --write-synthetic FILE  (the ~5 MiB synthetic spec, to look at or profile)
//   swift run -c release generator-ratios --diagnostics FILE   (every error SpecReader.read reports, one a line)
//   swift run -c release generator-ratios --child STAGE FILE    (internal: one stage once; prints the maxrss delta)

import BenchmarkSupport
import GeneratorStages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private let notes = ProgressNotes(tool: "generator-ratios")

/// Progress and errors go to standard error, so that standard output is only the markdown.
func note(_ message: String) { notes.note(message) }

/// The text of a NUL-terminated C buffer.
func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func fail(_ message: String) -> Never { notes.fail(message) }

// MARK: - Child mode: one stage, once, in a fresh process.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child" || arguments.first == "--cold-child" {
    guard arguments.count == 3, let stage = Stage(rawValue: arguments[1]),
        let bytes = Inputs.readFile(arguments[2])
    else { fail("usage: --child a|b|c|d FILE") }
    let input = BenchInput(name: "child", specPath: arguments[2], bytes: bytes, stages: [stage], note: "")
    if arguments.first == "--child" {
        // Warm: one call on a 600-byte spec first pages in the code and the runtime's one-time type metadata, so
        // that the growth below is what this input costs; `--cold-child` measures a first call.
        _ = stage.run(
            BenchInput(name: "warm-up", specPath: "warm-up.yaml", bytes: Inputs.minimal, stages: [stage], note: ""))
    }
    let before = maxResidentBytes()
    let result = stage.run(input)
    let after = maxResidentBytes()
    print("\(after - before) \(result)")
    exit(0)
}

if arguments.first == "--write-synthetic" {
    guard arguments.count == 2 else { fail("usage: --write-synthetic FILE") }
    let bytes = Inputs.synthetic(scale: 1).bytes
    guard let file = fopen(arguments[1], "wb") else { fail("cannot write \(arguments[1])") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    exit(0)
}

if arguments.first == "--diagnostics" {
    guard arguments.count == 2, let bytes = Inputs.readFile(arguments[1]) else { fail("usage: --diagnostics FILE") }
    for message in specErrors(BenchInput(name: "", specPath: arguments[1], bytes: bytes, stages: [], note: "")) {
        print(message)
    }
    exit(0)
}

var runs = 5
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    runs = max(1, value)
}

// MARK: - Inputs

var inputs: [BenchInput] = []
if let sora = Inputs.sora() { inputs.append(sora) } else { fail("cannot read \(Inputs.soraPath)") }
let upstream = Inputs.upstream()
if let upstream {
    inputs.append(upstream)
} else {
    note("\(Inputs.upstreamPath) is absent; the upstream document is skipped")
}
let synthetic = Inputs.synthetic(scale: 1)
let doubled = Inputs.synthetic(scale: 2)
inputs += [synthetic, doubled]

for input in [synthetic, doubled] {
    let errors = specErrors(input)
    if !errors.isEmpty { fail("the synthetic spec has \(errors.count) errors, first: \(errors[0])") }
}

/// Writes each input to a temporary file for the child processes.
let directory: String = {
    var template = Array("/tmp/generator-ratios.XXXXXX".utf8CString)
    guard let path = mkdtemp(&template) else { fail("mkdtemp failed") }
    return String(cString: path)
}()
@MainActor func writeTemporary(_ input: BenchInput) -> String {
    let path = "\(directory)/\(input.name).yaml"
    guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
    _ = input.bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    return path
}

// MARK: - Time: all stages and inputs interleaved within each round, median over rounds.

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

var times: [String: [Stage: Double]] = [:]
var checks: [String: [Stage: Int]] = [:]
var samples: [String: [Stage: [Double]]] = [:]
let clock = ContinuousClock()
for input in inputs {
    for stage in input.stages { checks[input.name, default: [:]][stage] = stage.run(input) }  // warm-up
}
// Each round times every stage of every input, so that a busy spell of the machine hits all of them alike
// (the doubling check compares two inputs, the ratios compare stages).
for round in 0..<runs {
    for input in inputs {
        // Small inputs run 20 times a round so that their median is not a handful of timer ticks.
        let repeats = input.bytes.count < 1 << 20 ? 20 : 1
        for _ in 0..<repeats {
            for stage in input.stages {
                let start = clock.now
                let result = stage.run(input)
                samples[input.name, default: [:]][stage, default: []].append(seconds(clock.now - start))
                if result != checks[input.name]![stage]! {
                    fail("\(input.name) \(stage.rawValue) is not deterministic")
                }
            }
        }
    }
    note("timed round \(round + 1) of \(runs)")
}
times = samples.mapValues { $0.mapValues(median) }
let bestTimes = samples.mapValues { $0.mapValues { $0.min() ?? .infinity } }

// MARK: - Memory: each stage once in a fresh child process.

let executable: String = {
    #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return text(buffer) }
    #endif
    return CommandLine.arguments[0]
}()

@MainActor func childPeak(_ stage: Stage, _ path: String, cold: Bool = false) -> Int {
    let mode = cold ? "--cold-child" : "--child"
    guard let pipe = popen("'\(executable)' \(mode) \(stage.rawValue) '\(path)'", "r") else { fail("popen failed") }
    var output = ""
    var buffer = [CChar](repeating: 0, count: 256)
    while fgets(&buffer, Int32(buffer.count), pipe) != nil { output += text(buffer) }
    guard pclose(pipe) == 0, let first = output.split(separator: " ").first, let value = Int(first) else {
        fail("child \(stage.rawValue) \(path) failed: \(output)")
    }
    return value
}

var peaks: [String: [Stage: Int]] = [:]
var coldPeaks: [String: Int] = [:]
for input in inputs {
    let path = writeTemporary(input)
    for stage in input.stages { peaks[input.name, default: [:]][stage] = childPeak(stage, path) }
    if let last = input.stages.last { coldPeaks[input.name] = childPeak(last, path, cold: true) }
    unlink(path)
    note("measured the memory of \(input.name)")
}
rmdir(directory)

// MARK: - Report

func format(_ seconds: Double?) -> String {
    guard let seconds else { return "—" }
    if seconds < 1e-3 { return "\(rounded(seconds * 1e6, 0)) µs" }
    if seconds < 1 { return "\(rounded(seconds * 1e3, seconds < 0.1 ? 2 : 1)) ms" }
    return "\(rounded(seconds, 2)) s"
}

func rounded(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded() / scale
    if places == 0 { return String(Int(scaled)) }
    var text = String(scaled)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < places { text += String(repeating: "0", count: places - decimals) }
    } else {
        text += "." + String(repeating: "0", count: places)
    }
    return text
}

func size(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(rounded(Double(bytes) / Double(1 << 20), 2)) MiB" : "\(rounded(Double(bytes) / 1024, 1)) KiB"
}

/// The median over rounds of the stage's time divided by (a)'s time in the same round: a busy spell of the machine
/// slows both sides of a pair, so paired ratios scatter less than a ratio of two medians.
@MainActor func ratio(_ input: BenchInput, _ stage: Stage) -> Double? {
    guard let base = samples[input.name]?[.rawEvents], let time = samples[input.name]?[stage], !base.isEmpty,
        base.count == time.count
    else { return nil }
    return median(zip(time, base).map { $0 / $1 })
}

/// Best of the rounds for the stage over best for (a): what the code costs when nothing else runs.
@MainActor func bestRatio(_ input: BenchInput, _ stage: Stage) -> Double? {
    guard let base = bestTimes[input.name]?[.rawEvents], let time = bestTimes[input.name]?[stage], base > 0 else {
        return nil
    }
    return time / base
}

func mark(_ ok: Bool) -> String { ok ? "met" : "**missed**" }

print("")
print(
    "### Time (median of \(runs) runs; ×20 for inputs under 1 MiB); ratios are medians of the per-round ratio to (a)")
print("")
print("| input | size | (a) raw events | (b) node tree | (c) spec load | (d) generation | b/a | c/a | d/a |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for input in inputs {
    let t = times[input.name] ?? [:]
    let r = { (stage: Stage) in ratio(input, stage).map { rounded($0, 2) + "×" } ?? "—" }
    print(
        "| \(input.name) | \(size(input.bytes.count)) | \(format(t[.rawEvents])) | \(format(t[.nodeTree])) "
            + "| \(format(t[.specLoad])) | \(format(t[.generate])) | \(r(.nodeTree)) | \(r(.specLoad)) "
            + "| \(r(.generate)) |")
}

print("")
print("### Time, best of \(runs) runs, ratio of bests")
print("")
print("| input | (a) raw events | (b) node tree | (c) spec load | (d) generation | b/a | c/a | d/a |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for input in inputs {
    let t = bestTimes[input.name] ?? [:]
    let r = { (stage: Stage) in bestRatio(input, stage).map { rounded($0, 2) + "×" } ?? "—" }
    print(
        "| \(input.name) | \(format(t[.rawEvents])) | \(format(t[.nodeTree])) | \(format(t[.specLoad])) "
            + "| \(format(t[.generate])) | \(r(.nodeTree)) | \(r(.specLoad)) | \(r(.generate)) |")
}

print("")
print("### Peak memory (maxrss growth during the stage, fresh process per stage, after a warm-up call on a 600-byte")
print("spec), as a multiple of the input size; the last column is the last stage as the first call of the process")
print("")
print("| input | size | (a) | (b) | (c) | (d) | last stage, cold |")
print("|---|---:|---:|---:|---:|---:|---:|")
func peakCell(_ peak: Int?, _ input: BenchInput) -> String {
    guard let peak else { return "—" }
    return "\(size(peak)) (\(rounded(Double(peak) / Double(input.bytes.count), 1))×)"
}
for input in inputs {
    let cells =
        Stage.allCases.map { peakCell(peaks[input.name]?[$0], input) } + [peakCell(coldPeaks[input.name], input)]
    print("| \(input.name) | \(size(input.bytes.count)) | " + cells.joined(separator: " | ") + " |")
}

print("")
for input in inputs where input.stages.contains(.generate) {
    let output = generatedOutput(input)
    print(
        "(d) on \(input.name) (\(input.note.isEmpty ? "" : input.note + "; ")\(size(input.bytes.count))) "
            + "writes \(output.files) files, \(size(output.bytes)) of Swift.  ")
}

print("")
print("### Doubling: \(doubled.name) against \(synthetic.name)")
print("")
let sizeRatio = Double(doubled.bytes.count) / Double(synthetic.bytes.count)
print("Input size ratio: \(rounded(sizeRatio, 2))×.")
print("")
print(
    "| stage | \(synthetic.name) | \(doubled.name) | time ratio (median per round) | best-of ratio "
        + "| linear: ≤ 2× (+10% for noise) |")
print("|---|---:|---:|---:|---:|---|")
/// Time may grow as much as the size (linear), plus 10% for the noise of a shared 2-core machine.
let doublingLimit = sizeRatio * 1.1
var doublingOK = true
for stage in Stage.allCases {
    guard let small = times[synthetic.name]?[stage], let large = times[doubled.name]?[stage],
        let bestSmall = bestTimes[synthetic.name]?[stage], let bestLarge = bestTimes[doubled.name]?[stage],
        let smallRounds = samples[synthetic.name]?[stage], let largeRounds = samples[doubled.name]?[stage]
    else { continue }
    // Median of the per-round ratios: both inputs run in every round, a few seconds apart.
    let growth = median(zip(largeRounds, smallRounds).map { $0 / $1 })
    let bestGrowth = bestLarge / bestSmall
    let ok = growth <= doublingLimit && bestGrowth <= doublingLimit
    doublingOK = doublingOK && ok
    print(
        "| \(stage.title) | \(format(small)) | \(format(large)) | \(rounded(growth, 2))× | \(rounded(bestGrowth, 2))× "
            + "| \(mark(ok)) |"
    )
}

print("")
print("### Targets")
print("")
/// A target on a time ratio is met only when both statistics meet it: the median of the per-round ratios and the
/// ratio of the best rounds.
@MainActor func timeTarget(_ what: String, _ input: BenchInput, _ stage: Stage, limit: Double) {
    let typical = ratio(input, stage) ?? .infinity
    let best = bestRatio(input, stage) ?? .infinity
    print(
        "- \(what), \(input.name): \(rounded(typical, 2))× (median), \(rounded(best, 2))× (best) — "
            + mark(typical <= limit && best <= limit))
}
for input in inputs where input.stages.contains(.specLoad) {
    timeTarget("(b)+(c) — spec load including parsing — within 2× of (a)", input, .specLoad, limit: 2)
}
timeTarget("(d) full generation within 3× of (a)", synthetic, .generate, limit: 3)
timeTarget("(d) full generation within 3× of (a)", doubled, .generate, limit: 3)
for input in inputs {
    guard let (stage, peak) = peaks[input.name]?.max(by: { $0.value < $1.value }) else { continue }
    let multiple = Double(peak) / Double(input.bytes.count)
    print(
        "- peak memory under 10× the input, \(input.name): worst \(rounded(multiple, 1))× in (\(stage.rawValue)) — "
            + mark(multiple < 10)
    )
}
print(
    "- doubling the input at most doubles the time (every stage, ≤ \(rounded(doublingLimit, 2))×): "
        + mark(doublingOK))

if let upstream {
    let errors = specErrors(upstream)
    print("")
    print("### Upstream document: unsupported constructs")
    print("")
    print("`SpecReader.read` reports \(errors.count) error diagnostics on \(upstream.specPath). Most frequent:")
    print("")
    var counts: [String: Int] = [:]
    for message in errors { counts[category(message), default: 0] += 1 }
    print("| count | construct (diagnostic, with names and numbers elided) |")
    print("|---:|---|")
    for (message, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(
        12)
    {
        print("| \(count) | \(message.replacingPipes()) |")
    }
}

/// What a diagnostic is about, for counting: the text before any `;`, digits as N, and quoted names elided except
/// the keyword that starts the message or follows "unsupported keyword".
func category(_ message: String) -> String {
    let head = message.split(separator: ";", maxSplits: 1).first.map(String.init) ?? message
    var result = ""
    var inQuote = false
    var keepQuote = false
    var lastWasDigit = false
    for (offset, character) in head.enumerated() {
        if character == "'" {
            inQuote.toggle()
            if inQuote {
                keepQuote = offset == 0 || result.hasSuffix("unsupported keyword ")
                result += keepQuote ? "'" : "'…"
            } else {
                result += "'"
            }
            continue
        }
        if inQuote && !keepQuote { continue }
        if character.isNumber && !inQuote {
            if !lastWasDigit { result += "N" }
            lastWasDigit = true
            continue
        }
        lastWasDigit = false
        result.append(character)
    }
    return result
}

extension String {
    func replacingPipes() -> String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
