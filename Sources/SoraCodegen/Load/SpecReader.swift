import YAML

/// Reads spec bytes into a typed spec, or the diagnostics that say why it cannot.
public enum SpecReader {
    /// Parses and loads; `file` is the path shown in diagnostics (relative, as the user named it).
    public static func read(_ bytes: [UInt8], file: String) -> (SpecDocument?, [Diagnostic]) {
        let loaded = load(bytes, file: file)
        return (loaded.document, loaded.diagnostics(keeping: { _ in true }))
    }

    /// What loading produced, with the diagnostics still open to a selection: a filtered run reports only the
    /// warnings of the parts it generates.
    struct Loaded {
        var document: SpecDocument?
        var bag: DiagnosticBag
        var early: [Diagnostic] = []
        var regions = SpecRegions(starts: [])

        func diagnostics(keeping keep: (Mark) -> Bool) -> [Diagnostic] {
            early + bag.sorted(keeping: keep)
        }
    }

    /// The bytes are let go once parsed (the node tree keeps its own copy of the text), before the typed spec
    /// is built: loading is when memory peaks.
    static func load(_ bytes: consuming [UInt8], file: String) -> Loaded {
        let root: Node
        do {
            let tree = try YAMLParser.parse(bytes)
            bytes = []
            guard let parsed = tree else {
                return Loaded(
                    document: nil, bag: DiagnosticBag(file: file),
                    early: [
                        Diagnostic(
                            .error, "the spec is empty; expected an OpenAPI 3.0 or 3.1 document",
                            at: Mark(line: 1, column: 1), file: file)
                    ])
            }
            root = parsed
        } catch {
            return Loaded(
                document: nil, bag: DiagnosticBag(file: file),
                early: [Diagnostic(.error, error.message, at: error.mark, file: file)])
        }
        var loader = SpecLoader(root: root, file: file)
        let document = loader.load()
        if let document { loader.checkReferenceLoops(document.schemas) }
        let bag = loader.diagnostics
        return Loaded(document: bag.hasErrors ? nil : document, bag: bag, regions: SpecRegions(root))
    }
}
