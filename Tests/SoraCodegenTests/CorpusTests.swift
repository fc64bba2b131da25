import Foundation
import TestSupport
import Testing

@testable import SoraCodegen

/// Public vendor documents (Tests/Corpus, each with its SOURCE.md): every one generates without errors, with
/// exactly the warnings pinned in its `warnings.txt`, and what it generates compiles against `SoraRuntime`.
///
/// Re-pin the warnings after an intended change with `SORA_RECORD_GOLDENS=1 swift test --filter CorpusTests`;
/// the run that re-records fails on purpose.
@Suite struct CorpusTests {
    /// One corpus document.
    struct Document: CustomTestStringConvertible, Sendable {
        let slug: String
        /// The document, relative to the package root (also the path diagnostics print).
        let spec: String
        var testDescription: String { slug }
    }

    static let corpus = Paths.root.appending(path: "Tests/Corpus")

    static let documents: [Document] = {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return folders.sorted().compactMap { slug in
            for name in ["openapi.yaml", "openapi.json"]
            where FileManager.default.fileExists(atPath: corpus.appending(path: "\(slug)/\(name)").path) {
                return Document(slug: slug, spec: "Tests/Corpus/\(slug)/\(name)")
            }
            return nil
        }
    }()

    @Test func theCorpusHasTenDocumentsOfBothVersions() throws {
        #expect(Self.documents.count >= 10)
        var versions: Set<String> = []
        for document in Self.documents {
            let text = String(decoding: try Paths.bytes(Paths.root.appending(path: document.spec)), as: UTF8.self)
            if text.contains("openapi: 3.0") || text.contains("\"openapi\": \"3.0") { versions.insert("3.0") }
            if text.contains("openapi: 3.1") || text.contains("\"openapi\": \"3.1") { versions.insert("3.1") }
            #expect(
                FileManager.default.fileExists(atPath: Self.corpus.appending(path: "\(document.slug)/SOURCE.md").path),
                "\(document.slug) needs a SOURCE.md with its origin and licence")
        }
        #expect(versions == ["3.0", "3.1"])
    }

    @Test(arguments: documents)
    func generatesWithThePinnedWarnings(_ document: Document) throws {
        let result = Generator.generate(
            spec: try Paths.bytes(Paths.root.appending(path: document.spec)), specPath: document.spec)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        let text = result.diagnostics.map { $0.description + "\n" }.joined()
        let pinned = Self.corpus.appending(path: "\(document.slug)/warnings.txt")
        if ProcessInfo.processInfo.environment["SORA_RECORD_GOLDENS"] == "1" {
            try Data(text.utf8).write(to: pinned)
            Issue.record("re-pinned \(document.slug)/warnings.txt; unset SORA_RECORD_GOLDENS and run again")
            return
        }
        let expected = (try? String(contentsOf: pinned, encoding: .utf8)) ?? ""
        #expect(
            text == expected,
            "warnings of \(document.slug) changed:\n\(UnifiedDiff.render(old: expected, new: text, path: "warnings.txt"))"
        )
    }

    /// One compiler at a time: eleven at once would starve the rest of the suite on a small CI machine.
    @Test(.serialized, arguments: documents)
    func generatedCodeCompiles(_ document: Document) async throws {
        let result = Generator.generate(
            spec: try Paths.bytes(Paths.root.appending(path: document.spec)), specPath: document.spec)
        guard !result.hasErrors else {
            Issue.record("\(document.slug) does not generate; see generatesWithThePinnedWarnings")
            return
        }
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try OutputWriter(directory: folder.appending(path: "Sources")).write(result.files)
        let compiled = try await GeneratedCode.compile(
            result.files.map { folder.appending(path: "Sources/\($0.path)") }, in: folder)
        #expect(compiled.status == 0, "\(document.slug) does not compile:\n\(compiled.output.prefix(6000))")
    }
}
