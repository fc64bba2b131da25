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
        var paths: [String: String] = [:]
        for file in files {
            let key = file.path.lowercased()
            if let other = paths[key] {
                bag.error("two generated files would be named '\(file.path)' ('\(other)' too)", at: document.infoMark)
            }
            paths[key] = file.path
        }
        let diagnostics = (specDiagnostics + bag.sorted).sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return GenerationResult(files: [], diagnostics: diagnostics)
        }
        return GenerationResult(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics)
    }
}
