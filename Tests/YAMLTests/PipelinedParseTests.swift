import Foundation
import Testing

@testable import YAML

/// Parsing on two threads must give exactly what parsing on one gives: the same nodes, marks and errors.
@Suite struct PipelinedParseTests {
    /// A document of many batches: every scalar style, anchors and aliases, flow and block collections.
    static let largeDocument: String = {
        var lines = ["root:"]
        for index in 0..<12_000 {
            lines.append("  key\(index):")
            lines.append("    plain: value \(index)")
            lines.append("    quoted: 'it''s \(index)'")
            lines.append("    double: \"tab\\there é \(index)\"")
            lines.append("    number: \(index)")
            lines.append("    flow: [a, {b: c}, \(index)]")
            if index % 100 == 0 {
                lines.append("    anchored: &a\(index) {x: 1, y: [2, 3]}")
                lines.append("    literal: |")
                lines.append("      line one")
                lines.append("      line two")
            } else {
                lines.append("    alias: *a\(index / 100 * 100)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aLargeDocumentIsIdentical() throws {
        let bytes = Array(Self.largeDocument.utf8)
        let sequential = try #require(try YAMLParser.parse(bytes, limits: .default, pipelined: false))
        let pipelined = try #require(try YAMLParser.parse(bytes, limits: .default, pipelined: true))
        #expect(Self.dump(pipelined) == Self.dump(sequential))
        #expect(pipelined["root"]?["key11999"]?["alias"]?["y"]?.sequence?.count == 2)
    }

    @Test(arguments: ["spec/sora-2.yaml", "Tests/SoraCodegenTests/Fixtures/hostile/spec.yaml"])
    func committedSpecsAreIdentical(_ path: String) throws {
        let bytes = try Array(Data(contentsOf: Self.repository.appendingPathComponent(path)))
        let sequential = try #require(try YAMLParser.parse(bytes, limits: .default, pipelined: false))
        let pipelined = try #require(try YAMLParser.parse(bytes, limits: .default, pipelined: true))
        #expect(Self.dump(pipelined) == Self.dump(sequential))
    }

    @Test(arguments: [
        ("a duplicate key late in the document", largeDocument + "root: again\n"),
        ("a syntax error late in the document", largeDocument + "bad: [unclosed\n"),
        ("a duplicate key early, with the parser far ahead", "a: 1\na: 2\n" + largeDocument),
        ("a second document", largeDocument + "---\nb: 2\n"),
        ("invalid UTF-8 late in the document", largeDocument + "x: \u{FFFD}\n"),
        ("an unknown alias", largeDocument + "z: *missing\n"),
        ("deep nesting", largeDocument + "deep: " + String(repeating: "[", count: 300)),
        ("a control character in the first batch", "\u{1}a: 1\n" + largeDocument),
        ("only a comment", "# nothing\n"),
    ])
    func errorsAndEdgesAreIdentical(_ what: String, _ text: String) {
        var bytes = Array(text.utf8)
        if what.hasPrefix("invalid UTF-8"), let index = bytes.lastIndex(of: 0xEF) {
            bytes[index] = 0xFF  // the replacement character's first byte becomes a byte UTF-8 never uses
        }
        #expect(Self.outcome(bytes, pipelined: true) == Self.outcome(bytes, pipelined: false), "\(what)")
    }

    @Test func aliasBudgetIsTheSame() {
        var lines = ["a0: &a0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]"]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let outcome = Self.outcome(bytes, pipelined: true)
        #expect(outcome == Self.outcome(bytes, pipelined: false))
        #expect(outcome.hasPrefix("error 6:45:"))
    }

    @Test func largeInputsArePipelinedByDefault() throws {
        let bytes = Array(Self.largeDocument.utf8)
        #expect(bytes.count >= YAMLParser.pipelineThreshold)
        let node = try #require(try YAMLParser.parse(bytes))
        #expect(node["root"]?.mapping?.count == 12_000)
    }

    // MARK: - Support

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// "tree" with the dump of the document, or "error LINE:COL: MESSAGE", or "empty".
    static func outcome(_ bytes: [UInt8], pipelined: Bool) -> String {
        do {
            guard let node = try YAMLParser.parse(bytes, limits: .default, pipelined: pipelined) else { return "empty" }
            return "tree " + dump(node)
        } catch {
            return "error \(error)"
        }
    }

    /// Every node with its mark, kind, style and text, in document order.
    static func dump(_ root: Node) -> String {
        var output = ""
        var pending: [(Node, Int)] = [(root, 0)]
        while let (node, depth) = pending.popLast() {
            output += String(repeating: " ", count: depth) + "\(node.mark) "
            switch node.content {
            case .scalar(let scalar):
                output += "scalar \(scalar.style) \(scalar.isExplicitString) \(scalar.text.debugDescription)\n"
            case .sequence(let items):
                output += "sequence \(items.count)\n"
                pending += items.reversed().map { ($0, depth + 1) }
            case .mapping(let entries):
                output += "mapping \(entries.count)\n"
                pending += entries.reversed().flatMap { [($0.value, depth + 2), ($0.key, depth + 1)] }
            }
        }
        return output
    }
}
