import YAML

/// One generated file: a path below the output folder and its text.
public struct GeneratedFile: Sendable, Hashable {
    /// Relative path, e.g. `Models/Video.swift`.
    public var path: String
    /// The file's full text.
    public var contents: String

    /// A file at a relative path.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What one generation run produced.
public struct GenerationResult: Sendable {
    /// The files, sorted by path; empty when there are errors.
    public var files: [GeneratedFile]
    /// Errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]
    /// The generated client type's name.
    public var clientName = "APIClient"
    /// Filter entries that select no operation (nothing is generated then).
    public var selectionProblems: [SelectionProblem] = []
    /// True when any diagnostic is an error or the filter selects nothing.
    public var hasErrors: Bool { !selectionProblems.isEmpty || diagnostics.contains { $0.severity == .error } }
}

/// What to generate beyond the spec itself: which operations, the client's name, the access level.
public struct GenerationOptions: Sendable, Hashable {
    /// The operations to generate (empty: all of them).
    public var filter: OperationFilter
    /// The client type's name; nil for the spec's `info.x-client-name`, or `APIClient`.
    public var clientName: String?
    /// False to generate `internal` declarations, for code generated into the app's own module.
    public var publicAccess: Bool

    /// Creates options; the defaults generate everything, public.
    public init(filter: OperationFilter = OperationFilter(), clientName: String? = nil, publicAccess: Bool = true) {
        self.filter = filter
        self.clientName = clientName
        self.publicAccess = publicAccess
    }
}

/// Receives generated files as they are rendered, from several threads at once.
public protocol GeneratedFileSink: Sendable {
    /// Takes one file; an error stops generation.
    func accept(_ file: GeneratedFile) throws
}

/// The pipeline, stage by stage: YAML nodes → typed spec → selection → Swift declaration tree → text.
public enum Generator {
    /// Generates the client from spec bytes; `specPath` is the relative path shown in headers and diagnostics.
    public static func generate(
        spec: consuming [UInt8], specPath: String, options: GenerationOptions = GenerationOptions()
    ) -> GenerationResult {
        // Cannot throw: without a sink nothing is handed over.
        (try? generate(spec: spec, specPath: specPath, options: options, sink: nil))
            ?? GenerationResult(files: [], diagnostics: [])
    }

    /// Generates the client, handing each file to `sink` as soon as it is rendered (on any thread) instead of
    /// keeping them all: the result's `files` is empty, and file names are not yet made unique (the sink does
    /// that, see `OutputSession`). Throws the sink's first error; generation stops at it.
    public static func generate(
        spec: consuming [UInt8], specPath: String, options: GenerationOptions, sink: (any GeneratedFileSink)?
    ) throws -> GenerationResult {
        // The bytes and the YAML tree are dropped before translation, which is when memory peaks.
        let loaded = SpecReader.load(consume spec, file: specPath)
        MemoryRelease.returnFreedPages()
        guard var document = loaded.document else {
            return GenerationResult(files: [], diagnostics: loaded.diagnostics(keeping: { _ in true }))
        }
        let specDiagnostics: [Diagnostic]
        switch document.selecting(options.filter) {
        case .success(let selected):
            // A selection reports the warnings of what it generates, not of the whole document.
            specDiagnostics = loaded.diagnostics(
                keeping: options.filter.isEmpty ? { _ in true } : loaded.regions.keeping(selected))
            document = selected
        case .failure(let failure):
            return GenerationResult(
                files: [], diagnostics: loaded.diagnostics(keeping: { _ in true }), selectionProblems: failure.problems)
        }
        if let name = options.clientName { document.clientName = name }
        let clientName = document.clientName ?? "APIClient"
        var (files, bag) = try Pipeline.run(
            Translator(document: document, file: specPath), specPath: specPath, publicAccess: options.publicAccess,
            sink: sink)
        files = uniqueFileNames(files.sorted { $0.path < $1.path })
        let diagnostics = (specDiagnostics + bag.sorted).sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return GenerationResult(files: [], diagnostics: diagnostics, clientName: clientName)
        }
        return GenerationResult(
            files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics, clientName: clientName)
    }

    /// Gives every file a name of its own, ignoring case and folder: a module may not hold two files with the
    /// same name (`Models/Pet.swift`, `Operations/Pet.swift`), and a case-insensitive disk cannot hold
    /// `FineTuneEvent.swift` beside `FinetuneEvent.swift`. The first in path order keeps its name; the others
    /// get a number.
    static func uniqueFileNames(_ files: [GeneratedFile]) -> [GeneratedFile] {
        var taken: Set<String> = []
        return files.map { file in
            var renamed = file
            let folder = file.path.contains("/") ? String(file.path[...file.path.lastIndex(of: "/")!]) : ""
            let stem = String(file.path.dropFirst(folder.count).dropLast(".swift".count))
            var name = stem
            var suffix = 2
            while taken.contains(name.lowercased()) {
                name = "\(stem)\(suffix)"
                suffix += 1
            }
            taken.insert(name.lowercased())
            if name != stem { renamed.path = folder + name + ".swift" }
            return renamed
        }
    }
}

/// Hands pages freed by one stage back to the system before the next stage allocates on other threads: glibc
/// keeps a thread's freed memory for that thread's arena, so the YAML tree freed by the loading thread would
/// otherwise stay resident while the translation threads allocate their own.
enum MemoryRelease {
    static func returnFreedPages() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
    /// `int malloc_trim(size_t pad)` of glibc's `malloc.h`, which the Glibc module does not import.
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
