import Foundation
import TestSupport
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

    @Test func generatedLinesMustStandTogetherInOneFileSaveAcrossAnElision() {
        let generated = ["struct A {\n    var a: Int\n\n    var b: Int\n}\n", "struct B {\n}\n"]
        #expect(GeneratedSnippets.firstMissingLine("struct A {\n// …\nvar b: Int", in: generated) == nil)
        #expect(GeneratedSnippets.firstMissingLine("var a: Int\n\nvar b: Int", in: generated) == nil, "blanks aside")
        #expect(GeneratedSnippets.firstMissingLine("struct A {\nvar b: Int", in: generated) == "struct A {")
        #expect(GeneratedSnippets.firstMissingLine("var b: Int\n// …\nvar a: Int", in: generated) == "var a: Int")
        #expect(GeneratedSnippets.firstMissingLine("var a: Int\n// …\nstruct B {", in: generated) == "struct B {")
    }

    @Test func crlfTildeFencesAndLongerClosingFencesAreRead() {
        let text = "Intro.\r\n~~~sh\r\necho hi\r\n~~~\r\n```swift\r\nprint(1)\r\n`````\r\n"
        let blocks = Snippet.blocks(in: text, document: "X.md")
        #expect(blocks.map(\.language) == ["sh", "swift"])
        #expect(blocks.map(\.text) == ["echo hi", "print(1)"])
        #expect(blocks.map(\.line) == [3, 6])
    }

    @Test func anUnknownLanguageAnUnclosedFenceAndABadMarkerAreIssues() {
        withKnownIssue { _ = Snippet.blocks(in: "```shel\nls\n```\n", document: "X.md") }
        withKnownIssue { _ = Snippet.blocks(in: "```\nls\n```\n", document: "X.md") }
        withKnownIssue { _ = Snippet.blocks(in: "```sh\nls\n", document: "X.md") }
        withKnownIssue { _ = Snippet.blocks(in: "<!-- snippet: skipp -->\n```sh\nls\n```\n", document: "X.md") }
    }

    @Test func aDocumentedFailureMustPrintWhatTheTextBlockShows() {
        let output = "sora: error: video video_12 failed: moderation_blocked: no\n"
        #expect(ShellSnippets.firstUnprinted("sora: error: video … failed: moderation_blocked: …", in: output) == nil)
        #expect(
            ShellSnippets.firstUnprinted("sora: error: usage", in: output) == "sora: error: usage",
            "a misspelt flag exits 2 too, but does not print this")
    }

    @Test func compilerErrorsAreReadBackAtTheDocumentsLines() {
        let path = Documentation.root.appending(path: "README.md").path
        let output = "\(path):41:9: error: missing return\n\(path):41:9: note: x\n/tmp/a.swift:3:1: error: other\n"
        let errors = SwiftSnippets.errors(in: output, document: "README.md")
        #expect(errors.map(\.line) == [41])
        #expect(errors.map(\.message) == ["missing return"])
    }

    @Test func aPartOfADocumentGetsWhatItLacks() {
        let document = GeneratedSnippets.document(from: "components:\n  schemas: {}")
        #expect(
            document
                == "openapi: 3.1.0\ninfo: {title: Snippet, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas: {}\n")
        #expect(!GeneratedSnippets.document(from: "openapi: 3.0.3\npaths:\n  /a: {}").contains("3.1.0"))
    }

    /// Foundation reports an exit only when every copy of its notification descriptor is closed, so a block that
    /// leaves a process behind runs into its limit: it is reported, and what it left is killed.
    @Test func aBlockThatLeavesAProcessRunningIsCutAtItsLimitAndTheProcessKilled() async throws {
        let folder = FileManager.default.temporaryDirectory
        let start = ContinuousClock.now
        let left = try await ProgramRun.run(
            URL(filePath: "/bin/bash"), ["-c", "sleep 300 & echo $!"], in: folder, limit: .seconds(2))
        #expect(left.timedOut, "the block is reported as still running")
        // Not the sleep's 300 s; the limit's watch is a task, which a busy suite can delay by seconds.
        #expect(ContinuousClock.now - start < .seconds(60))
        let pid = try #require(Int32(left.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        var alive = true
        for _ in 0..<100 where alive {
            // A zombie is dead: an orphan waits for whoever adopts it to reap it.
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            alive = kill(pid, 0) == 0 && !stat.contains(") Z ")
            if alive { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(!alive, "the background sleep outlived its block")
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

    @Test func diagnosticsAfterTypeCheckingFailTheCompileToo() async throws {
        let block = Snippet(
            document: "README.md", line: 10, language: "swift", marker: .none,
            text: "func count() -> Int {\n    if Bool.random() { return 1 }\n}\nprint(count())")
        let outcome = try await SwiftSnippets.check(
            [("snippet0.swift", SwiftSnippets.source(for: [block], index: 0))], library: true)
        #expect(!outcome.succeeded)
        #expect(outcome.output.contains("missing return"), "\(outcome.output)")
    }
}
