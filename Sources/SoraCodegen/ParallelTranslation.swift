import Dispatch
import Synchronization

/// Translates and renders on both cores: schemas are independent, so a large spec is cut into parts that
/// translator copies handle at the same time. The result does not depend on the split: files are sorted by
/// path and diagnostics by place afterwards.
enum ParallelTranslation {
    /// Below this many schemas one thread is faster than two.
    static let threshold = 256
    /// How many parts the schemas are cut into when there are at least `threshold` of them.
    static let schemaParts = 8
    /// Room reserved per operation for an operation file (typical methods print to 300–800 bytes).
    static let bytesPerOperation = 1024

    static func run(
        _ translator: Translator, specPath: String, publicAccess: Bool = true, sink: (any GeneratedFileSink)? = nil
    ) throws -> ([GeneratedFile], DiagnosticBag) {
        let failure = Mutex<(any Error)?>(nil)
        let schemas = translator.document.schemas.indices
        // Part 0 (the shared files) starts first; the schemas come in small parts, so that whichever thread is
        // free takes the next one and both cores finish at about the same time.
        let parts = schemas.count >= threshold ? 1 + schemaParts : 1
        let slots = Mutex<[([GeneratedFile], DiagnosticBag)?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var worker = translator
            var files: [GeneratedFile] = []
            var printer = SwiftPrinter()
            printer.publicAccess = publicAccess
            // With a sink, each file leaves as soon as it is printed, so the whole output never sits in memory.
            let keep: (GeneratedFile) -> Void = { file in
                guard let sink else { return files.append(file) }
                guard failure.withLock({ $0 == nil }) else { return }
                do {
                    try sink.accept(file)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            let render: (SwiftFile) -> Void = { file in
                keep(GeneratedFile(path: file.path, contents: printer.render(file, specPath: specPath)))
            }
            if part == 0 {
                // Operation files are printed as their methods arrive and finished after the last one.
                var typeFiles: [SwiftPrinter.TypeFile] = []
                let expectedSize = bytesPerOperation * translator.document.operations.count
                var current = 0
                worker.translateShared(render) { file, member in
                    if current >= typeFiles.count || typeFiles[current].path != file.path {
                        if let index = typeFiles.firstIndex(where: { $0.path == file.path }) {
                            current = index
                        } else {
                            guard case .type(let type) = file.declarations.first else { return }
                            current = typeFiles.count
                            typeFiles.append(
                                SwiftPrinter.TypeFile(
                                    path: file.path, imports: file.imports, type: type, specPath: specPath,
                                    expectedSize: expectedSize, publicAccess: publicAccess))
                        }
                    }
                    typeFiles[current].append(member)
                }
                for index in typeFiles.indices {
                    keep(GeneratedFile(path: typeFiles[index].path, contents: typeFiles[index].finish()))
                }
            }
            let schemaParts = max(parts - 1, 1)
            let index = parts == 1 ? 0 : part - 1
            if parts == 1 || part > 0 {
                let lower = schemas.lowerBound + schemas.count * index / schemaParts
                let upper = schemas.lowerBound + schemas.count * (index + 1) / schemaParts
                worker.translateSchemas(lower..<upper, render)
            }
            let result = (files, worker.diagnostics)
            slots.withLock { $0[part] = result }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var files: [GeneratedFile] = []
        var bag = translator.diagnostics
        for slot in slots.withLock({ $0 }) {
            guard let (partFiles, partBag) = slot else { continue }
            files += partFiles
            bag.merge(partBag)
        }
        return (files, bag)
    }
}
