#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One benchmark input: the spec bytes and which stages run on it.
public struct BenchInput: Sendable {
    /// Short name for tables and benchmark names.
    public var name: String
    /// The spec path as shown in diagnostics.
    public var specPath: String
    /// The document.
    public var bytes: [UInt8]
    /// The stages measured on this input.
    public var stages: [Stage]
    /// What the input is, for the report.
    public var note: String

    /// Creates an input.
    public init(name: String, specPath: String, bytes: [UInt8], stages: [Stage], note: String) {
        self.name = name
        self.specPath = specPath
        self.bytes = bytes
        self.stages = stages
        self.note = note
    }
}

/// Where the inputs come from. Paths are found from this source file, so the benchmarks work from any directory.
public enum Inputs {
    /// The repository root (the directory above `Benchmarks/`).
    public static let repositoryRoot: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        // …/Benchmarks/Sources/GeneratorStages/Inputs.swift → …
        components.removeLast(4)
        return components.joined(separator: "/")
    }()

    /// `spec/sora-2.yaml` of this repository.
    public static var soraPath: String { repositoryRoot + "/spec/sora-2.yaml" }

    /// The 3 MB upstream OpenAI document: `SORA_UPSTREAM_SPEC`, else the unmodified copy in `Tests/Upstream/openai/`.
    public static var upstreamPath: String {
        if let path = getenv("SORA_UPSTREAM_SPEC") { return String(cString: path) }
        return repositoryRoot + "/Tests/Upstream/openai/openapi.yaml"
    }

    /// Size of the synthetic spec: at least this many bytes (5 MiB); the doubled one has twice the groups.
    public static let syntheticMinimumBytes = 5 << 20

    /// A valid spec of about 600 bytes that touches every stage (an object with a pattern, a JSON response): the
    /// warm-up call of a memory child.
    public static let minimal = Array(
        """
        openapi: 3.1.0
        info: {title: Warm, version: "1"}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
            Thing:
              type: object
              required: [name]
              properties:
                name: {type: string, pattern: '^[a-z]+$', maxLength: 20}
                kind: {type: string, enum: [a, b]}

        """.utf8)

    /// The Sora-2 spec, all four stages.
    public static func sora() -> BenchInput? {
        guard let bytes = readFile(soraPath) else { return nil }
        return BenchInput(
            name: "sora-2", specPath: "spec/sora-2.yaml", bytes: bytes, stages: Stage.allCases,
            note: "the project's spec")
    }

    /// The upstream document, stages (a)–(c) (`end-to-end` times its whole generation, 1,528 files); nil when the
    /// file is absent.
    public static func upstream() -> BenchInput? {
        guard let bytes = readFile(upstreamPath) else { return nil }
        return BenchInput(
            name: "openai-full", specPath: "openai-openapi-full.yaml", bytes: bytes,
            stages: [.rawEvents, .nodeTree, .specLoad], note: "upstream OpenAI document, stages (a)–(c)")
    }

    /// The number of synthetic groups for the ~5 MiB spec (computed once).
    public static let syntheticGroups = SyntheticSpec.groups(forAtLeast: syntheticMinimumBytes)

    /// The synthetic spec with `scale` × the ~5 MiB number of groups, all four stages.
    public static func synthetic(scale: Int = 1) -> BenchInput {
        let groups = syntheticGroups * scale
        let bytes = SyntheticSpec.make(groups: groups)
        return BenchInput(
            name: "synthetic-\(megabytes(bytes.count))MB", specPath: "synthetic.yaml", bytes: bytes,
            stages: Stage.allCases,
            note: "\(SyntheticSpec.operationCount(groups: groups)) operations, "
                + "\(SyntheticSpec.schemaCount(groups: groups)) schemas")
    }

    /// Whole mebibytes, rounded to nearest.
    public static func megabytes(_ count: Int) -> Int { (count + (1 << 19)) >> 20 }

    /// The file's bytes read with POSIX calls (one allocation of the exact size), or nil when it cannot be read.
    public static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count <= 0 {
                    failed = count < 0
                    break
                }
                offset += count
            }
            initialized = offset
        }
        return failed ? nil : bytes
    }
}
