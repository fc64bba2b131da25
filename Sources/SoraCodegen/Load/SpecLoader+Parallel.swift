import Dispatch
import Synchronization
import YAML

extension SpecLoader {
    /// Below this many schemas one thread is faster than two.
    static let parallelSchemaThreshold = 256

    /// Loads `components.schemas` and `paths`; for a large spec on two threads at once, because neither reads
    /// what the other loads (references are checked by name against the component index).
    ///
    /// The paths thread walks the document through its own owner object (`Node.withSeparateOwner()`): sharing one
    /// made loading slower on two threads than on one, as every node access retained the same object.
    mutating func loadSchemasAndPaths() -> (schemas: [NamedSchema], operations: [Operation]) {
        let schemaCount = root["components"]?["schemas"]?.mapping?.count ?? 0
        guard root["paths"] != nil, schemaCount >= Self.parallelSchemaThreshold else {
            return (loadSchemas(), root["paths"].map { loadPaths($0) } ?? [])
        }
        let file = diagnostics.file
        let otherRoot = root.withSeparateOwner()
        let patterns = patterns
        let operations = Mutex<([Operation], DiagnosticBag)?>(nil)
        let worker = DispatchQueue(label: "spec.paths")
        let group = DispatchGroup()
        worker.async(group: group) {
            var loader = SpecLoader(root: otherRoot, file: file, patterns: patterns)
            loader.indexComponents(otherRoot["components"])
            loader.diagnostics = DiagnosticBag(file: file)  // the index's diagnostics are this loader's too
            let loaded = otherRoot["paths"].map { loader.loadPaths($0) } ?? []
            let bag = loader.diagnostics
            operations.withLock { $0 = (loaded, bag) }
        }
        let schemas = loadSchemas()
        group.wait()
        let (loadedOperations, operationBag) = operations.withLock { $0 } ?? ([], DiagnosticBag(file: file))
        diagnostics.merge(operationBag)
        return (schemas, loadedOperations)
    }
}
