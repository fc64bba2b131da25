import Testing
import YAML

@testable import SoraCodegen

/// The `$ref`-loop check walks each alias once, so long alias chains cost linear time.
@Suite struct ReferenceChecksTests {
    /// `count` schemas `A0 → A1 → …`, the last one pointing to `last`.
    static func chain(_ count: Int, last: String) -> [NamedSchema] {
        (0..<count).map { index in
            let target = index + 1 < count ? "A\(index + 1)" : last
            return NamedSchema(
                name: "A\(index)", schema: Schema(mark: Mark(line: index + 1, column: 5), kind: .reference(target)),
                mark: Mark(line: index + 1, column: 5))
        }
    }

    static func loopMessages(_ schemas: [NamedSchema]) throws -> [String] {
        let root = try #require(try YAMLParser.parse(Array("{}".utf8)))
        var loader = SpecLoader(root: root, file: "spec.yaml")
        loader.checkReferenceLoops(schemas)
        return loader.diagnostics.items.map(\.description)
    }

    @Test func aTwentyThousandLongAliasChainThatLoopsIsOneDiagnostic() throws {
        let messages = try Self.loopMessages(Self.chain(20_000, last: "A0"))
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasPrefix("spec.yaml:1:5: error: $ref loop with no object in between: A0 → A1 → ") == true)
        #expect(messages.first?.hasSuffix(" → A19999 → A0") == true)
    }

    @Test func aTwentyThousandLongAliasChainEndingInAnObjectIsFine() throws {
        let object = NamedSchema(
            name: "Object", schema: Schema(mark: Mark(line: 1, column: 1), kind: .object(ObjectSchema())),
            mark: Mark(line: 1, column: 1))
        #expect(try Self.loopMessages(Self.chain(20_000, last: "Object") + [object]).isEmpty)
        // Walked from its far end first, too.
        #expect(try Self.loopMessages(Self.chain(20_000, last: "Object").reversed() + [object]).isEmpty)
    }

    @Test func aLoopReachedThroughALeadInIsReportedAtItsFirstMember() throws {
        // X → B → C → B: the walk from X enters the loop; the loop is reported once, from B.
        let schemas = [("X", "B"), ("B", "C"), ("C", "B")].enumerated().map { index, pair in
            NamedSchema(
                name: pair.0, schema: Schema(mark: Mark(line: index + 1, column: 5), kind: .reference(pair.1)),
                mark: Mark(line: index + 1, column: 5))
        }
        #expect(
            try Self.loopMessages(schemas) == ["spec.yaml:2:5: error: $ref loop with no object in between: B → C → B"])
    }

    @Test func twoLoopsAreTwoDiagnostics() throws {
        let pairs = [("A", "B"), ("B", "A"), ("S", "S"), ("T", "A")]
        let schemas = pairs.enumerated().map { index, pair in
            NamedSchema(
                name: pair.0, schema: Schema(mark: Mark(line: index + 1, column: 5), kind: .reference(pair.1)),
                mark: Mark(line: index + 1, column: 5))
        }
        #expect(
            try Self.loopMessages(schemas) == [
                "spec.yaml:1:5: error: $ref loop with no object in between: A → B → A",
                "spec.yaml:3:5: error: $ref loop with no object in between: S → S",
            ])
    }
}
