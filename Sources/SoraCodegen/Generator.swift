import YAML

/// One generated file: a path below the output folder and its text.
public struct GeneratedFile: Sendable, Hashable {
    /// Relative path, e.g. `Models/Video.swift`.
    public var path: String
    /// The file's full text.
    public var contents: String
}

/// What one generation run produced.
public struct GenerationResult: Sendable {
    /// The files, sorted by path; empty when there are errors.
    public var files: [GeneratedFile]
    /// Errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The pipeline, stage by stage: YAML nodes → typed spec → Swift declaration tree → text.
public enum Generator {
    /// Generates the client from spec bytes; `specPath` is the relative path shown in headers and diagnostics.
    public static func generate(spec: [UInt8], specPath: String) -> GenerationResult {
        let (document, specDiagnostics) = SpecReader.read(spec, file: specPath)
        guard let document else { return GenerationResult(files: [], diagnostics: specDiagnostics) }
        var (files, bag) = ParallelTranslation.run(Translator(document: document, file: specPath), specPath: specPath)
        files = uniqueFileNames(files.sorted { $0.path < $1.path })
        let diagnostics = (specDiagnostics + bag.sorted).sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return GenerationResult(files: [], diagnostics: diagnostics)
        }
        return GenerationResult(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics)
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
