import YAML

/// Reads spec bytes into a typed spec, or the diagnostics that say why it cannot.
public enum SpecReader {
    /// Parses and loads; `file` is the path shown in diagnostics (relative, as the user named it).
    public static func read(_ bytes: [UInt8], file: String) -> (SpecDocument?, [Diagnostic]) {
        let root: Node
        do {
            guard let parsed = try YAMLParser.parse(bytes) else {
                return (
                    nil,
                    [
                        Diagnostic(
                            .error, "the spec is empty; expected an OpenAPI 3.0 or 3.1 document",
                            at: Mark(line: 1, column: 1), file: file)
                    ]
                )
            }
            root = parsed
        } catch {
            return (nil, [Diagnostic(.error, error.message, at: error.mark, file: file)])
        }
        var loader = SpecLoader(root: root, file: file)
        let document = loader.load()
        if let document { loader.checkReferenceLoops(document.schemas) }
        let diagnostics = loader.diagnostics.sorted
        return (diagnostics.contains { $0.severity == .error } ? nil : document, diagnostics)
    }
}
