import Foundation
import Testing

/// A fenced block of a Markdown document, with the marker on the line before it
/// (`Documentation/CheckedSnippets.md` says what each means).
struct Snippet: Sendable, CustomStringConvertible {
    /// What the check does with a block, from the HTML comment before its fence.
    enum Marker: Sendable, Equatable {
        case none
        case skip(reason: String)
        case exit(Int32)
        case continues
        case generated
    }

    /// The document, relative to the package root.
    let document: String
    /// The 1-based line of the block's first content line.
    let line: Int
    /// The fence's language, lowercased (`sh`, `swift`, …).
    let language: String
    let marker: Marker
    /// The block's lines, without the fences.
    let text: String

    var description: String { "\(document):\(line)" }

    /// Where an issue about this block points: the document's line, not the test's.
    var sourceLocation: SourceLocation {
        SourceLocation(
            fileID: "Docs/\(document)", filePath: Documentation.root.appending(path: document).path, line: max(1, line),
            column: 1)
    }

    /// True for the shells the check runs.
    var isShell: Bool { ["sh", "bash", "shell"].contains(language) }

    /// The languages the check runs or compiles; other blocks must be in `unchecked`, so a typo (`shel`) or a new
    /// language cannot slip a block past the check.
    static let checked: Set<String> = ["sh", "bash", "shell", "swift"]
    /// Languages shown, not checked.
    static let unchecked: Set<String> = ["text", "console", "yaml", "json", "mermaid"]

    /// The fenced blocks of `text` (``` or ~~~ fences, CommonMark's rules for closing them), in order. An unknown
    /// or missing language, an unreadable marker and an unclosed fence are reported as issues at their line.
    static func blocks(in text: String, document: String) -> [Snippet] {
        var blocks: [Snippet] = []
        // `\.isNewline`: "\r\n" is one Character, so a CRLF checkout splits like an LF one.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard let mark = trimmed.first, mark == "`" || mark == "~" else {
                index += 1
                continue
            }
            let fence = String(trimmed.prefix { $0 == mark })
            guard fence.count >= 3 else {
                index += 1
                continue
            }
            let language = trimmed.dropFirst(fence.count).split(separator: " ").first.map { $0.lowercased() } ?? ""
            let location = sourceLocation(document, line: index + 1)
            if !checked.contains(language) && !unchecked.contains(language) {
                let named = language.isEmpty ? "no language" : "`\(language)`"
                let known = checked.union(unchecked).sorted().joined(separator: ", ")
                let message = "\(document):\(index + 1): a block in \(named); use one of \(known)"
                Issue.record(Comment(rawValue: message), sourceLocation: location)
            }
            let indent = lines[index].prefix { $0 == " " }.count
            let marker = index > 0 ? Self.marker(lines[index - 1], document: document, line: index) : .none
            var body: [String] = []
            var end = index + 1
            while end < lines.count, !isClosing(lines[end], fence: fence) {
                body.append(String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))))
                end += 1
            }
            if end == lines.count {
                Issue.record("\(document):\(index + 1): this block is never closed", sourceLocation: location)
            }
            blocks.append(
                Snippet(
                    document: document, line: index + 2, language: language, marker: marker,
                    text: body.joined(separator: "\n")))
            index = end + 1
        }
        return blocks
    }

    /// True when `line` closes a block opened by `fence`: the same character, at least as many, nothing after.
    private static func isClosing(_ line: String, fence: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let mark = fence.first, trimmed.count >= fence.count else { return false }
        return trimmed.allSatisfy { $0 == mark }
    }

    /// A location in `document` at `line`, for issues about the document itself.
    static func sourceLocation(_ document: String, line: Int) -> SourceLocation {
        SourceLocation(
            fileID: "Docs/\(document)", filePath: Documentation.root.appending(path: document).path, line: max(1, line),
            column: 1)
    }

    /// The marker in `line` (`<!-- snippet: KIND … -->`), or `.none`.
    private static func marker(_ line: String, document: String, line number: Int) -> Marker {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!-- snippet:"), trimmed.hasSuffix("-->") else { return .none }
        let words = trimmed.dropFirst("<!-- snippet:".count).dropLast(3).split(separator: " ").map(String.init)
        switch words.first {
        case "skip" where words.count > 1: return .skip(reason: words.dropFirst().joined(separator: " "))
        case "exit" where words.count == 2 && Int32(words[1]) != nil: return .exit(Int32(words[1])!)
        case "continues" where words.count == 1: return .continues
        case "generated" where words.count == 1: return .generated
        default:
            Issue.record(
                "\(document):\(number): unknown snippet marker \(trimmed); see Documentation/CheckedSnippets.md",
                sourceLocation: sourceLocation(document, line: number))
            return .skip(reason: "unreadable marker")
        }
    }
}
