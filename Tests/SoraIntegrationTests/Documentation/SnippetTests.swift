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
        try await checkShell(blocks)
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

    /// Runs the shell blocks in order; a documented failure (`exit N`) must also print the text block after it.
    private func checkShell(_ all: [Snippet]) async throws {
        var shown: [Int: Snippet] = [:]
        for (index, block) in all.enumerated() where index + 1 < all.count && all[index + 1].language == "text" {
            if case .exit = block.marker { shown[block.line] = all[index + 1] }
        }
        let runnable = all.filter(\.isShell).filter { if case .skip = $0.marker { false } else { true } }
        guard !runnable.isEmpty else { return }
        let token = "sk-snippets"
        let server = MockServer(
            configuration: MockConfiguration(host: "127.0.0.1", port: 0, token: token, jobSeconds: 1))
        let port = try await server.start()
        let (folder, environment) = try ShellSnippets.workspace(baseURL: "http://127.0.0.1:\(port)/v1", token: token)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            for block in runnable {
                try await ShellSnippets.run(block, shown: shown[block.line], in: folder, environment: environment)
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Compiles each group of Swift blocks (a block and those that continue it) as a module of its own, so a block
    /// cannot lean on another's declarations; each error is an issue at its line of the document.
    private func checkSwift(_ blocks: [Snippet]) async throws {
        var groups: [[Snippet]] = []
        var previousCompiled = false
        for block in blocks where block.language == "swift" {
            switch block.marker {
            case .skip, .generated:
                previousCompiled = false
                continue
            case .continues:
                if previousCompiled {
                    groups[groups.count - 1].append(block)
                } else {
                    Issue.record(
                        "\(block): `continues` follows no compiled Swift block", sourceLocation: block.sourceLocation)
                }
            default: groups.append([block])
            }
            previousCompiled = true
        }
        try await withThrowingTaskGroup(of: ([Snippet], SwiftSnippets.Outcome).self) { tasks in
            for (index, group) in groups.enumerated() {
                if index >= 2, let (done, outcome) = try await tasks.next() { report(outcome, done) }
                tasks.addTask {
                    let source = SwiftSnippets.source(for: group, index: 0)
                    return (group, try await SwiftSnippets.check([("snippet.swift", source)], library: true))
                }
            }
            for try await (done, outcome) in tasks { report(outcome, done) }
        }
    }

    /// An issue at each line the compiler complained about, or one at the group's first block.
    private func report(_ outcome: SwiftSnippets.Outcome, _ group: [Snippet]) {
        guard !outcome.succeeded else { return }
        let errors = SwiftSnippets.errors(in: outcome.output, document: group[0].document)
        if errors.isEmpty {
            Issue.record(
                "\(group[0]): does not compile:\n\(outcome.output)", sourceLocation: group[0].sourceLocation)
        }
        for error in errors {
            Issue.record(
                "\(group[0].document):\(error.line): \(error.message)",
                sourceLocation: Snippet.sourceLocation(group[0].document, line: error.line))
        }
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
