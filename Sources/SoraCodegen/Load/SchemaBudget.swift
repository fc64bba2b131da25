/// The bounds that keep loading a hostile spec cheap: how deep schemas nest, and how much reusing inline `$ref`
/// targets copies.
///
/// An inline `$ref` (one that does not name `#/components/schemas/NAME`) becomes a copy of its target at each use.
/// Each target is loaded once and reused in O(1) (`SpecLoader.loadedTargets`), but every copy still becomes its own
/// nested type: 30 levels of a schema that uses the next level twice would ask the translator for 2^30 of them.
struct SchemaBudget {
    /// The deepest nesting of schemas, counting each inline `$ref` followed as one level. Real specs stay under 10.
    /// The loader, the translator and the printer recurse per level: a debug build fits 48 levels, not 64, in the
    /// 512 KiB stack of a secondary thread on macOS, so the bound keeps a margin below that.
    static let maxDepth = 32
    /// The most schemas that reused inline `$ref` targets may copy into the document, summed over every reuse.
    static let maxCopiedSchemas = 100_000

    /// What loading one `$ref` target cost, charged again at each reuse.
    struct Cost {
        /// Schemas in the target, counting what its own inline `$ref`s copied.
        var size: Int
        /// Levels of nesting below the `$ref`, the target itself included.
        var height: Int
    }

    /// Where a target's measurement started.
    struct Start {
        fileprivate var deepest: Int
        fileprivate var schemaCount: Int
    }

    /// Why a reuse is refused.
    enum Refusal {
        /// The copy would nest deeper than `maxDepth`.
        case tooDeep
        /// The copies add up to more than `maxCopiedSchemas`; `isFirst` only for the first refusal of this kind.
        case tooManyCopies(isFirst: Bool)
    }

    /// The nesting level of the schema being loaded (0 outside any schema).
    private var depth = 0
    /// The deepest level reached since the current measurement started.
    private var deepest = 0
    /// Schemas loaded or copied so far.
    private var schemaCount = 0
    /// Schema nodes actually loaded (not copied) so far: linear in the spec's size, whatever its `$ref`s do.
    private(set) var loads = 0
    /// Schemas copied by reuses so far.
    private var copiedSchemas = 0
    private var hasRefusedCopies = false

    /// Enters one level of schema; false when that would pass `maxDepth`.
    mutating func enter() -> Bool {
        guard depth < Self.maxDepth else { return false }
        depth += 1
        deepest = max(deepest, depth)
        schemaCount += 1
        loads += 1
        return true
    }

    /// Leaves the level `enter()` entered.
    mutating func leave() {
        depth -= 1
    }

    /// Starts measuring a `$ref` target about to be loaded one level below the current one.
    mutating func startTarget() -> Start {
        let start = Start(deepest: deepest, schemaCount: schemaCount)
        deepest = depth
        return start
    }

    /// Ends the measurement `start` began: the target's cost.
    mutating func endTarget(_ start: Start) -> Cost {
        let cost = Cost(size: schemaCount - start.schemaCount, height: deepest - depth)
        deepest = max(deepest, start.deepest)
        return cost
    }

    /// Charges one more copy of a loaded target at the current level; nil when it fits the budget.
    mutating func reuse(_ cost: Cost) -> Refusal? {
        guard depth + cost.height <= Self.maxDepth else { return .tooDeep }
        guard copiedSchemas + cost.size <= Self.maxCopiedSchemas else {
            defer { hasRefusedCopies = true }
            return .tooManyCopies(isFirst: !hasRefusedCopies)
        }
        copiedSchemas += cost.size
        schemaCount += cost.size
        deepest = max(deepest, depth + cost.height)
        return nil
    }
}
