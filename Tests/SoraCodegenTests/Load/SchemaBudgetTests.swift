import Testing
import YAML

@testable import SoraCodegen

/// Inline `$ref` targets are loaded once, and nesting and copying stay within `SchemaBudget`.
@Suite struct SchemaBudgetTests {
    /// `levels` schemas under `x-levels`, each an object whose `fanOut` properties all use the next one; the last is
    /// a string. Without reuse, loading `Deep` would load fanOut^levels schemas.
    static func doubling(levels: Int, fanOut: Int = 2) -> String {
        var text = SpecText.minimal(schemas: "    Deep: {$ref: '#/x-levels/0'}\n") + "\nx-levels:\n"
        for level in 0..<levels - 1 {
            let properties = (0..<fanOut).map { "p\($0): {$ref: '#/x-levels/\(level + 1)'}" }
            text += "  - {type: object, properties: {\(properties.joined(separator: ", "))}}\n"
        }
        return text + "  - {type: string, minLength: 1}\n"
    }

    /// Loads `text` with a loader the test can inspect.
    static func load(_ text: String) throws -> SpecLoader {
        let root = try #require(try YAMLParser.parse(Array(text.utf8)))
        var loader = SpecLoader(root: root, file: "spec.yaml")
        _ = loader.load()
        return loader
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func thirtyLevelsOfDoublingInlineRefsLoadEachTargetAtMostOnce() throws {
        let text = Self.doubling(levels: 30)
        let loader = try Self.load(text)
        // At most: the minimal spec's 4 schemas, Deep, 29 objects with two $ref properties each, the last string.
        #expect(loader.budget.loads <= 4 + 1 + 29 * 3 + 1)
        #expect(loader.loadedTargets.count <= 30)
        // 30 levels nest 60 deep, past the depth bound; what is loaded still copies past the copy bound.
        let messages = loader.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.contains("schemas nest deeper than \(SchemaBudget.maxDepth) levels") })
        #expect(messages.filter { $0.contains("inline '$ref's copy more than 100000 schemas") }.count == 1)
        #expect(SpecText.generate(text).hasErrors)
    }

    @Test func wideInlineRefReuseStopsAtTheCopyBudgetWithOneDiagnostic() throws {
        // 8 levels of 8 uses each: 8^8 copies without the budget, within the depth bound (16 levels).
        let text = Self.doubling(levels: 9, fanOut: 8)
        let loader = try Self.load(text)
        #expect(loader.budget.loads == 4 + 1 + 8 * 9 + 1)
        #expect(loader.loadedTargets.count == 9)
        let messages = SpecText.problems(SpecText.generate(text))
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "error: inline '$ref's copy more than 100000 schemas (each use of '#/x-levels/3' copies its target); "
                    + "move shared schemas to components/schemas") == true, "\(messages)")
        #expect(messages.first?.hasPrefix("spec.yaml:\(Self.line(of: "'#/x-levels/3'", in: text)):") == true)
    }

    @Test func inlineRefsWithinTheBudgetGenerateOneNestedTypePerUse() throws {
        let text = Self.doubling(levels: 8)
        #expect(try Self.load(text).budget.loads == 4 + 1 + 7 * 3 + 1)
        let result = SpecText.generate(text)
        #expect(SpecText.problems(result).isEmpty)
        let deep = SpecText.file(result, "Models/Deep.swift")
        #expect(deep.contains("public struct Deep:"))
        // Each of the 2^7 uses of the last level checks its own copy of `minLength`.
        #expect(deep.components(separatedBy: "minLength: 1").count - 1 == 1 << 7)
    }

    @Test func aDiagnosticInsideASharedTargetIsReportedOnceAtTheTarget() throws {
        let uses = (0..<5).map { "        use\($0): {$ref: '#/x-shared'}\n" }.joined()
        let text =
            SpecText.minimal(schemas: "    User:\n      type: object\n      properties:\n" + uses)
            + "\nx-shared: {type: string, bogus: 1}\n"
        let loader = try Self.load(text)
        let line = Self.line(of: "x-shared: {", in: text)
        #expect(
            loader.diagnostics.sorted.map(\.description).filter { !$0.contains("extension 'x-") } == [
                "spec.yaml:\(line):26: warning: keyword 'bogus' in a schema is not supported; it is ignored"
            ])
    }

    @Test func aTenThousandLongChainOfInlineRefsIsADiagnosticNotACrash() throws {
        var text = SpecText.minimal(schemas: "    Chained: {$ref: '#/x-chain/0'}\n") + "\nx-chain:\n"
        for index in 0..<9_999 { text += "  - {$ref: '#/x-chain/\(index + 1)'}\n" }
        text += "  - {type: string}\n"
        let result = SpecText.generate(text)
        // Chained is level 1 and x-chain/k level k + 2, so x-chain/(maxDepth - 1) is one level too deep.
        let line = Self.line(of: "'#/x-chain/\(SchemaBudget.maxDepth)'", in: text)
        #expect(
            SpecText.problems(result) == [
                "spec.yaml:\(line):5: error: schemas nest deeper than \(SchemaBudget.maxDepth) levels (counting inline '$ref's followed); "
                    + "move inner schemas to components/schemas"
            ])
    }

    @Test func aReusedTargetThatWouldNestTooDeepIsADiagnostic() throws {
        // x-chain/0 is first loaded shallow (levels 2…maxDepth - 5), then used again 11 levels down.
        let arrays = String(repeating: "{type: array, items: ", count: 10)
        let schemas =
            "    First: {$ref: '#/x-chain/0'}\n"
            + "    Second: \(arrays){$ref: '#/x-chain/0'}\(String(repeating: "}", count: 10))\n"
        var text = SpecText.minimal(schemas: schemas) + "\nx-chain:\n"
        for index in 0..<SchemaBudget.maxDepth - 7 { text += "  - {$ref: '#/x-chain/\(index + 1)'}\n" }
        text += "  - {type: string}\n"
        let messages = SpecText.problems(SpecText.generate(text))
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "error: '#/x-chain/0' nests schemas deeper than \(SchemaBudget.maxDepth) levels here (counting inline '$ref's followed); "
                    + "move it to components/schemas") == true, "\(messages)")
    }

    /// An `items` chain as deep as the YAML layer allows (256 levels, the document's own three included).
    static let yamlDeepest = SpecText.minimal(
        schemas: "    Deep: " + String(repeating: "{type: array, items: ", count: 250) + "{type: string}"
            + String(repeating: "}", count: 250) + "\n")

    /// Objects nested as deep as the loader allows, so every stage (load, translate, print) recurses fully.
    static let deepestAllowed = SpecText.minimal(
        schemas: "    Deep: " + String(repeating: "{type: object, properties: {p: ", count: SchemaBudget.maxDepth - 1)
            + "{type: string, minLength: 1}" + String(repeating: "}}", count: SchemaBudget.maxDepth - 1) + "\n")

    @Test func theDeepestYAMLIsADiagnosticOnA512KiBThread() {
        let result = SmallStack.run { SpecText.generate(Self.yamlDeepest) }
        let column = 11 + SchemaBudget.maxDepth * "{type: array, items: ".count
        #expect(
            SpecText.problems(result) == [
                "spec.yaml:\(Self.line(of: "Deep:", in: Self.yamlDeepest)):\(column): error: schemas nest deeper than \(SchemaBudget.maxDepth) levels (counting inline '$ref's "
                    + "followed); move inner schemas to components/schemas"
            ])
    }

    @Test func theDeepestAllowedNestingGeneratesOnA512KiBThread() {
        #expect(SpecText.generate(Self.deepestAllowed).diagnostics.isEmpty)
        let result = SmallStack.run { SpecText.generate(Self.deepestAllowed) }
        #expect(SpecText.problems(result).isEmpty)
        #expect(SpecText.file(result, "Models/Deep.swift").contains("minLength: 1"))
    }
}
