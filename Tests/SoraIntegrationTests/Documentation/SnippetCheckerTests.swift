import Foundation
import Testing

/// The snippet check itself: it finds blocks and markers, and it fails on what it must fail on.
@Suite struct SnippetCheckerTests {
    static let sample = """
        Text.

        <!-- snippet: skip runs until Ctrl-C -->
        ```sh
        sora-mock
        ```
        <!-- snippet: exit 2 -->
        ```bash
        sora create
        ```
        ```swift
        let a = 1
        ```
        <!-- snippet: continues -->
        ```swift
        print(a)
        ```
          ```text
          indented
          ```
        """

    @Test func blocksCarryTheirLanguageLineAndMarker() {
        let blocks = Snippet.blocks(in: Self.sample, document: "X.md")
        #expect(blocks.map(\.language) == ["sh", "bash", "swift", "swift", "text"])
        #expect(blocks.map(\.line) == [5, 9, 12, 16, 19])
        #expect(blocks[0].marker == .skip(reason: "runs until Ctrl-C"))
        #expect(blocks[1].marker == .exit(2))
        #expect(blocks[2].marker == .none)
        #expect(blocks[3].marker == .continues)
        #expect(blocks[4].text == "indented")
    }

    @Test func statementsAreWrappedAndTypesAreFiles() {
        let statements = Snippet(
            document: "X.md", line: 3, language: "swift", marker: .none, text: "import Foundation\nprint(1)")
        let type = Snippet(document: "X.md", line: 3, language: "swift", marker: .none, text: "@main\nstruct App {}")
        #expect(!SwiftSnippets.declaresTypes(statements))
        #expect(SwiftSnippets.declaresTypes(type))
        let source = SwiftSnippets.source(for: [statements], index: 4)
        #expect(source.hasPrefix("import Foundation\nfunc snippet4() async throws {\n#sourceLocation(file: "))
        #expect(source.contains("X.md\", line: 3)\n\nprint(1)\n#sourceLocation()\n}"))
    }

    @Test func generatedLinesMustAppearInOrder() {
        let generated = "struct A {\n    var a: Int\n    var b: Int\n}\n"
        #expect(GeneratedSnippets.firstMissingLine("struct A {\n// …\nvar b: Int", in: generated) == nil)
        #expect(GeneratedSnippets.firstMissingLine("var b: Int\nvar a: Int", in: generated) == "var a: Int")
        #expect(GeneratedSnippets.firstMissingLine("var c: Int", in: generated) == "var c: Int")
    }

    @Test func aPartOfADocumentGetsWhatItLacks() {
        let document = GeneratedSnippets.document(from: "components:\n  schemas: {}")
        #expect(
            document
                == "openapi: 3.1.0\ninfo: {title: Snippet, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas: {}\n")
        #expect(!GeneratedSnippets.document(from: "openapi: 3.0.3\npaths:\n  /a: {}").contains("3.1.0"))
    }

    @Test func anIgnoredResultFailsTheCompileAtTheDocumentsLine() async throws {
        let block = Snippet(
            document: "README.md", line: 40, language: "swift", marker: .none,
            text: "import Foundation\nlet unused = URL(filePath: \"/\")")
        let outcome = try await SwiftSnippets.check(
            [("snippet0.swift", SwiftSnippets.source(for: [block], index: 0))], library: true)
        #expect(!outcome.succeeded)
        #expect(outcome.output.contains("README.md:41:"), "\(outcome.output)")
        #expect(outcome.output.contains("never used"), "\(outcome.output)")
    }
}
