import Foundation
import Synchronization
import Testing

@testable import SoraCodegen

/// The generated files and diagnostics are the same however the document is cut into slices, and whether the files
/// are kept or streamed to a sink: names are decided for the whole document before any slice starts, and the
/// operation groups (one file per tag, spanning slices) are joined in order.
@Suite struct SliceIndependenceTests {
    /// Specs with many tags, inline models, name collisions, unions and recursion.
    static let specs: [(name: String, path: String, tags: [String])] = [
        ("sora", "spec/sora-2.yaml", []),
        ("composition", "Tests/SoraCodegenTests/Fixtures/composition/spec.yaml", []),
        ("petstore-edge", "Tests/SoraCodegenTests/Fixtures/petstore-edge/spec.yaml", []),
        ("hostile", "Tests/SoraCodegenTests/Fixtures/hostile/spec.yaml", []),
        ("openai, four tags", "Tests/Upstream/openai/openapi.yaml", ["Videos", "Files", "Images", "Audio"]),
    ]

    @Test(arguments: specs.indices)
    func everyCutGivesTheSameFilesAndDiagnostics(_ index: Int) throws {
        let spec = Self.specs[index]
        let translator = try Self.translator(spec.path, tags: spec.tags)
        let (reference, referenceBag) = try Pipeline.run(translator, specPath: spec.path)
        #expect(!reference.isEmpty)
        for size in [1, 2, 3, 7, 64] {
            let (files, bag) = try Pipeline.run(translator, specPath: spec.path, sliceSize: size)
            #expect(Self.sorted(files) == Self.sorted(reference), "\(spec.name), slices of \(size)")
            #expect(bag.sorted == referenceBag.sorted, "\(spec.name), slices of \(size)")
        }
    }

    @Test func streamingToASinkGivesTheSameFilesAsKeepingThem() throws {
        let path = "Tests/SoraCodegenTests/Fixtures/composition/spec.yaml"
        let translator = try Self.translator(path, tags: [])
        let (kept, _) = try Pipeline.run(translator, specPath: path, sliceSize: 2)
        let sink = CollectingSink()
        let (returned, _) = try Pipeline.run(translator, specPath: path, sink: sink, sliceSize: 2)
        #expect(returned.isEmpty)
        #expect(Self.sorted(sink.files.withLock { $0 }) == Self.sorted(kept))
    }

    @Test func aSinkErrorStopsTheRunAndIsThrown() throws {
        let path = "Tests/SoraCodegenTests/Fixtures/composition/spec.yaml"
        let translator = try Self.translator(path, tags: [])
        let sink = FailingSink(after: 3)
        #expect(throws: SinkFailure.self) { try Pipeline.run(translator, specPath: path, sink: sink, sliceSize: 1) }
        // Slices not yet started are not translated: far fewer files were offered than the run has.
        let (all, _) = try Pipeline.run(translator, specPath: path)
        #expect(sink.offered.withLock { $0 } < all.count)
    }

    @Test func slicesCoverTheDocumentOnceInOrder() throws {
        let translator = try Self.translator("Tests/SoraCodegenTests/Fixtures/composition/spec.yaml", tags: [])
        let document = translator.document
        for size in [1, 4, 1000] {
            let slices = Pipeline.slices(of: document, size: size)
            #expect(slices.first == .support)
            var operations: [Int] = []
            var schemas: [Int] = []
            for slice in slices.dropFirst() {
                switch slice {
                case .operations(let range): operations += range
                case .schemas(let range): schemas += range
                case .support: Issue.record("a second support slice")
                }
            }
            #expect(operations == Array(document.operations.indices))
            #expect(schemas == Array(document.schemas.indices))
        }
    }

    @Test func operationsThatCollideAreNumberedAlikeInEverySlice() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /a: {get: {operationId: list_items, tags: [A], responses: {"204": {description: ok}}}}
              /b: {get: {operationId: listItems, tags: [B], responses: {"204": {description: ok}}}}
              /c: {get: {operationId: ListItems, tags: [A], responses: {"204": {description: ok}}}}
            """
        let loaded = SpecReader.load(Array(spec.utf8), file: "spec.yaml")
        let translator = Translator(document: try #require(loaded.document), file: "spec.yaml")
        #expect(translator.methodNames == ["listItems", "listItems2", "listItems3"])
        let (whole, wholeBag) = try Pipeline.run(translator, specPath: "spec.yaml")
        let (cut, cutBag) = try Pipeline.run(translator, specPath: "spec.yaml", sliceSize: 1)
        #expect(Self.sorted(cut) == Self.sorted(whole))
        #expect(cutBag.sorted.map(\.message) == wholeBag.sorted.map(\.message))
        #expect(wholeBag.sorted.filter { $0.message.contains("both become the Swift method") }.count == 2)
        let groupA = try #require(whole.first { $0.path == "Operations/A.swift" })
        #expect(groupA.contents.contains("func listItems() async"))
        #expect(groupA.contents.contains("func listItems3() async"))
        #expect(!groupA.contents.contains("{\n\n"), "no blank line opens the extension")
    }

    // MARK: Helpers

    static func translator(_ path: String, tags: [String]) throws -> Translator {
        let bytes = try Paths.bytes(Paths.root.appending(path: path))
        let loaded = SpecReader.load(bytes, file: path)
        var document = try #require(loaded.document)
        if !tags.isEmpty {
            guard case .success(let selected) = document.selecting(OperationFilter(tags: tags)) else {
                throw SelectionError()
            }
            document = selected
        }
        return Translator(document: document, file: path)
    }

    static func sorted(_ files: [GeneratedFile]) -> [GeneratedFile] {
        files.sorted { $0.path < $1.path }
    }

    struct SelectionError: Error {}
}

/// Keeps every file it is given.
private final class CollectingSink: GeneratedFileSink {
    let files = Mutex<[GeneratedFile]>([])
    func accept(_ file: GeneratedFile) throws { files.withLock { $0.append(file) } }
}

private struct SinkFailure: Error {}

/// Fails from the `after`-th file on.
private final class FailingSink: GeneratedFileSink {
    let limit: Int
    let offered = Mutex(0)
    init(after limit: Int) { self.limit = limit }
    func accept(_ file: GeneratedFile) throws {
        let count = offered.withLock { value -> Int in
            value += 1
            return value
        }
        if count >= limit { throw SinkFailure() }
    }
}
