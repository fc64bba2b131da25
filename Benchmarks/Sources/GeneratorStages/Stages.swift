import RawLibYAML
import SoraCodegen
import YAML

/// The four measured stages. Each later stage includes the work of the earlier ones it builds on:
/// (c) parses with (b) internally, and (d) runs (c) before translating and rendering.
public enum Stage: String, CaseIterable, Sendable {
    /// (a) libyaml's event loop in C over the same bytes, nothing kept: the baseline.
    case rawEvents = "a"
    /// (b) `YAMLParser.parse`: events to the `Node` tree.
    case nodeTree = "b"
    /// (c) `SpecReader.read`: the node tree to a typed `SpecDocument` plus diagnostics.
    case specLoad = "c"
    /// (d) `Generator.generate`: the whole pipeline, Swift sources in memory.
    case generate = "d"

    /// A label for tables.
    public var title: String {
        switch self {
        case .rawEvents: "(a) raw libyaml events"
        case .nodeTree: "(b) YAML node tree"
        case .specLoad: "(c) spec load"
        case .generate: "(d) full generation"
        }
    }

    /// Runs the stage once over `input` and returns a number derived from the result, so that no stage can be
    /// optimised away and a broken stage shows (a negative number means the stage failed).
    public func run(_ input: BenchInput) -> Int {
        switch self {
        case .rawEvents:
            return input.bytes.withUnsafeBufferPointer { buffer in
                raw_yaml_event_count(buffer.baseAddress, buffer.count)
            }
        case .nodeTree:
            do {
                guard let root = try YAMLParser.parse(input.bytes) else { return 0 }
                return root.mapping?.count ?? 1
            } catch {
                return -1
            }
        case .specLoad:
            let (document, diagnostics) = SpecReader.read(input.bytes, file: input.specPath)
            return (document?.operations.count ?? 0) + diagnostics.count
        case .generate:
            let result = Generator.generate(spec: input.bytes, specPath: input.specPath)
            return result.hasErrors ? -1 : result.files.count
        }
    }
}

/// Error diagnostics of `SpecReader.read`, for the validity check and the "unsupported constructs" count.
public func specErrors(_ input: BenchInput) -> [String] {
    let (_, diagnostics) = SpecReader.read(input.bytes, file: input.specPath)
    return diagnostics.filter { $0.severity == .error }.map(\.message)
}

/// Files and bytes of the generated Swift sources (for the memory discussion: output that must exist at once).
public func generatedOutput(_ input: BenchInput) -> (files: Int, bytes: Int) {
    let result = Generator.generate(spec: input.bytes, specPath: input.specPath)
    return (result.files.count, result.files.reduce(0) { $0 + $1.contents.utf8.count })
}
