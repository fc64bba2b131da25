import YAML

extension SpecLoader {
    /// Loads `components.schemas` and `paths`; for a large spec (`Schedule.isParallel`) on two threads at once,
    /// because neither reads what the other loads (references are checked by name against the component index).
    ///
    /// The paths thread walks the document through its own owner object (`Node.withSeparateOwner()`): sharing one
    /// made loading slower on two threads than on one, as every node access retained the same object.
    mutating func loadSchemasAndPaths() -> (schemas: [NamedSchema], operations: [Operation]) {
        let schemaCount = root["components"]?["schemas"]?.mapping?.count ?? 0
        guard root["paths"] != nil, Schedule.isParallel(schemaCount) else {
            return (loadSchemas(), root["paths"].map { loadPaths($0) } ?? [])
        }
        let file = diagnostics.file
        let otherRoot = root.withSeparateOwner()
        let patterns = patterns
        let (schemas, (operations, operationBag)) = Schedule.both(parallel: true) {
            loadSchemas()
        } _: {
            var loader = SpecLoader(root: otherRoot, file: file, patterns: patterns)
            loader.indexComponents(otherRoot["components"])
            loader.diagnostics = DiagnosticBag(file: file)  // the index's diagnostics are this loader's too
            let loaded = otherRoot["paths"].map { loader.loadPaths($0) } ?? []
            return (loaded, loader.diagnostics)
        }
        diagnostics.merge(operationBag)
        return (schemas, operations)
    }
}
