import Synchronization

/// Translation and rendering as stages of values over slices of the selected document:
///
///     Slice ──translate──▶ Translation (declarations) ──render──▶ Rendering (text) ──join──▶ files
///
/// - `slices` cuts the document: the support files, then operations and schemas in slices (`Schedule`).
/// - `Translator.translate(_:)` turns one slice into declarations: whole files (models, inline models, the client)
///   and the methods of the operation groups, whose files (one per tag) span slices.
/// - `render` prints one translation: whole files as text, each group's methods as a piece of its file.
/// - `run` runs both stages on every slice under `Schedule`, then joins each group's pieces in slice order.
///
/// The output does not depend on how the document is cut (`SliceIndependenceTests`): files are sorted by path and
/// diagnostics by place afterwards, and every name is decided for the whole document before any slice starts.
enum Pipeline {
    /// A part of the document that translates independently of the others.
    enum Slice: Hashable, Sendable {
        /// The files that belong to no operation or schema: the exports and the client.
        case support
        /// The operations at these indices of `SpecDocument.operations`.
        case operations(Range<Int>)
        /// The schemas at these indices of `SpecDocument.schemas`.
        case schemas(Range<Int>)
    }

    /// The rendered text of one slice.
    struct Rendering: Sendable {
        /// Whole files.
        var files: [GeneratedFile] = []
        /// Methods of operation groups, as pieces of the groups' files, in order.
        var pieces: [Piece] = []
        /// What translating the slice reported.
        var diagnostics: DiagnosticBag
    }

    /// Some of an operation group's members, printed.
    struct Piece: Sendable {
        var group: OperationGroup
        var bytes: [UInt8]
    }

    /// The slices of `document`: the support files, then its operations and its schemas, each cut by `Schedule`
    /// (or into slices of `size` items, for tests).
    static func slices(of document: SpecDocument, size: Int? = nil) -> [Slice] {
        [.support]
            + Schedule.slices(document.operations.count, size: size).filter { !$0.isEmpty }.map(Slice.operations)
            + Schedule.slices(document.schemas.count, size: size).filter { !$0.isEmpty }.map(Slice.schemas)
    }

    /// The render stage: a translation's files as text, and its methods as pieces of their groups' files.
    static func render(_ translation: Translation, with printer: inout SwiftPrinter, specPath: String) -> Rendering {
        var rendering = Rendering(diagnostics: translation.diagnostics)
        rendering.files = translation.files.map {
            GeneratedFile(path: $0.path, contents: printer.render($0, specPath: specPath))
        }
        rendering.pieces = translation.methods.map {
            Piece(group: $0.group, bytes: printer.renderPiece($0.members))
        }
        return rendering
    }

    /// Translates and renders every slice (on every core for a large document) and joins the operation groups.
    /// With a `sink`, each file is handed over as soon as it is rendered and the result holds no files.
    /// `sliceSize` cuts the document into slices of that many items whatever its size (tests).
    ///
    /// Two rounds: the support files and the operations first, whose groups are then joined and handed over, so
    /// their text is gone before the schemas, most of the output, are translated in the second.
    static func run(
        _ translator: Translator, specPath: String, publicAccess: Bool = true, sink: (any GeneratedFileSink)? = nil,
        sliceSize: Int? = nil
    ) throws -> ([GeneratedFile], DiagnosticBag) {
        let document = translator.document
        let slices = slices(of: document, size: sliceSize)
        let parallel = sliceSize != nil || Schedule.isParallel(document.operations.count + document.schemas.count)
        let firstSchemaSlice = slices.firstIndex { if case .schemas = $0 { true } else { false } } ?? slices.count
        // Printers are reused from slice to slice (at most one per thread is out at a time): a fresh one per slice
        // would grow a new buffer every time, and the freed ones fragment the heap.
        let printers = Mutex<[SwiftPrinter]>([])
        func renderSlices(_ round: ArraySlice<Slice>) throws -> [Rendering] {
            try Schedule.map(round.count, parallel: parallel) { offset in
                var worker = translator
                var printer = printers.withLock { $0.popLast() } ?? SwiftPrinter()
                printer.publicAccess = publicAccess
                var rendering = render(
                    worker.translate(round[round.startIndex + offset]), with: &printer, specPath: specPath)
                let used = printer
                printers.withLock { $0.append(used) }
                if let sink {
                    // The text leaves now, so the whole output never sits in memory.
                    for file in rendering.files { try sink.accept(file) }
                    rendering.files = []
                }
                return rendering
            }
        }
        var files: [GeneratedFile] = []
        var bag = translator.diagnostics
        var operations = try renderSlices(slices[..<firstSchemaSlice])
        try join(
            &operations, into: &files, diagnostics: &bag, publicAccess: publicAccess, specPath: specPath, sink: sink)
        var schemas = try renderSlices(slices[firstSchemaSlice...])
        try join(&schemas, into: &files, diagnostics: &bag, publicAccess: publicAccess, specPath: specPath, sink: sink)
        return (files, bag)
    }

    /// Takes renderings apart in slice order: their files and diagnostics, and each operation group's file joined
    /// from its pieces. Each rendering is emptied as it is taken, so a group's pieces are freed as its file is made.
    private static func join(
        _ renderings: inout [Rendering], into files: inout [GeneratedFile], diagnostics bag: inout DiagnosticBag,
        publicAccess: Bool, specPath: String, sink: (any GeneratedFileSink)?
    ) throws {
        var groups: [String: OperationGroup] = [:]
        var pieces: [String: [[UInt8]]] = [:]
        for index in renderings.indices {
            let rendering = renderings[index]
            renderings[index] = Rendering(diagnostics: DiagnosticBag(file: ""))
            files += rendering.files
            bag.merge(rendering.diagnostics)
            for piece in rendering.pieces {
                groups[piece.group.path] = groups[piece.group.path] ?? piece.group
                pieces[piece.group.path, default: []].append(piece.bytes)
            }
        }
        var printer = SwiftPrinter()
        printer.publicAccess = publicAccess
        for path in groups.keys.sorted() {
            guard let group = groups[path] else { continue }
            var groupPieces = pieces.removeValue(forKey: path) ?? []
            let text = printer.renderTypeFile(
                imports: group.imports, type: group.type, pieces: &groupPieces, specPath: specPath)
            let file = GeneratedFile(path: path, contents: text)
            if let sink { try sink.accept(file) } else { files.append(file) }
        }
    }
}

/// What translating one slice produced: declarations, not yet text.
struct Translation: Sendable {
    /// Whole files: models, inline models, the support files.
    var files: [SwiftFile] = []
    /// Methods for operation groups, in document order; consecutive methods of one group share an entry.
    var methods: [(group: OperationGroup, members: [Declaration])] = []
    /// What the slice reported.
    var diagnostics = DiagnosticBag(file: "")

    /// Adds `members` to `group` (`makeGroup` describes its file, the first time).
    mutating func addMethods(_ members: [Declaration], to group: String, _ makeGroup: () -> OperationGroup) {
        if let last = methods.indices.last, methods[last].group.name == group {
            methods[last].members += members
        } else {
            var made = makeGroup()
            made.name = group
            methods.append((made, members))
        }
    }
}

/// The file of one operation group (a tag): an extension of the client whose members are its operations' methods.
struct OperationGroup: Sendable {
    /// The group's Swift name (the tag's).
    var name = ""
    /// The file's path.
    var path: String
    /// The file's imports.
    var imports: [String]
    /// The extension, without members (they are printed in pieces).
    var type: TypeDeclaration
}
