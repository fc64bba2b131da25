import Foundation
import SoraMockServer
import TestSupport
import Testing

/// Every shell and Swift snippet of the README, `Documentation/` and the DocC catalogs runs or compiles as
/// written (`Documentation/CheckedSnippets.md`); a failure points at the document's line.
@Suite struct SnippetTests {
    @Test(.timeLimit(.minutes(5)), arguments: Documentation.documents)
    func everySnippetOfTheDocumentWorks(_ document: String) async throws {
        let blocks = Snippet.blocks(in: try Documentation.text(document), document: document)
        try await checkShell(blocks.filter(\.isShell))
        try await checkSwift(blocks)
        try await checkGenerated(blocks)
    }

    @Test func everyTutorialCodeFileCompilesAsAProgram() async throws {
        let files = Documentation.tutorialCode
        #expect(!files.isEmpty, "the DocC tutorial has no code files")
        try await withThrowingTaskGroup(of: (String, SwiftSnippets.Outcome).self) { group in
            for (index, file) in files.enumerated() {
                if index >= 2 { if let (name, outcome) = try await group.next() { expect(outcome, name) } }
                let source = try Documentation.text(file)
                group.addTask {
                    (file, try await SwiftSnippets.check([("main.swift", source)], library: false))
                }
            }
            for try await (name, outcome) in group { expect(outcome, name) }
        }
    }

    @Test func theReadmeStaysShort() throws {
        let lines = try Documentation.text("README.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 151, "README.md has \(lines.count) lines; move detail to Documentation/")
    }

    private func expect(_ outcome: SwiftSnippets.Outcome, _ name: String) {
        #expect(outcome.succeeded, "\(name) does not compile:\n\(outcome.output)")
    }

    private func checkShell(_ blocks: [Snippet]) async throws {
        let runnable = blocks.filter { if case .skip = $0.marker { false } else { true } }
        guard !runnable.isEmpty else { return }
        let token = "sk-snippets"
        let server = MockServer(
            configuration: MockConfiguration(host: "127.0.0.1", port: 0, token: token, jobSeconds: 1))
        let port = try await server.start()
        let (folder, environment) = try ShellSnippets.workspace(baseURL: "http://127.0.0.1:\(port)/v1", token: token)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            for block in runnable { try await ShellSnippets.run(block, in: folder, environment: environment) }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func checkSwift(_ blocks: [Snippet]) async throws {
        var groups: [[Snippet]] = []
        for block in blocks where block.language == "swift" {
            switch block.marker {
            case .skip, .generated: continue
            case .continues:
                if groups.isEmpty {
                    Issue.record("\(block): continues no block", sourceLocation: block.sourceLocation)
                } else {
                    groups[groups.count - 1].append(block)
                }
            default: groups.append([block])
            }
        }
        guard !groups.isEmpty else { return }
        let files = groups.enumerated().map { index, group in
            (name: "snippet\(index).swift", source: SwiftSnippets.source(for: group, index: index))
        }
        let outcome = try await SwiftSnippets.check(files, library: true)
        #expect(
            outcome.succeeded, "the Swift snippets of \(groups[0][0].document) do not compile:\n\(outcome.output)",
            sourceLocation: groups[0][0].sourceLocation)
    }

    private func checkGenerated(_ blocks: [Snippet]) async throws {
        var yaml: Snippet?
        for block in blocks {
            if block.language == "yaml" { yaml = block }
            guard block.language == "swift", block.marker == .generated else { continue }
            guard let input = yaml else {
                Issue.record("\(block): no yaml block before it", sourceLocation: block.sourceLocation)
                continue
            }
            switch try await GeneratedSnippets.generate(input.text) {
            case .failure(let failure):
                Issue.record(
                    "\(input): sora-codegen rejects it:\n\(failure.output)", sourceLocation: input.sourceLocation)
            case .success(let generated):
                if let missing = GeneratedSnippets.firstMissingLine(block.text, in: generated) {
                    Issue.record(
                        "\(block): `\(missing)` is not in what \(input) generates (or not in this order)",
                        sourceLocation: block.sourceLocation)
                }
            }
        }
    }
}
