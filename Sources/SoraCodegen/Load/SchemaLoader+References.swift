import YAML

/// `$ref` inside a schema: a component by name, or any other place in the document, loaded once and reused.
extension SpecLoader {
    /// A `$ref` target loaded once, and what each reuse costs.
    struct LoadedTarget {
        var schema: Schema
        var cost: SchemaBudget.Cost
    }

    /// `$ref` (with optional sibling annotations).
    mutating func loadReference(_ node: Node, schema: inout Schema) -> SchemaKind {
        guard let reference = string(node, "'$ref'") else { return .any }
        if let name = JSONPointer.plainComponentName(reference, kind: "schemas"),
            componentNodes["schemas"]?[name] != nil
        {
            return .reference(name)
        }
        guard let pointer = JSONPointer(reference: reference) else {
            diagnostics.error("only local references ('#/…') are supported, found '\(reference)'", at: node.mark)
            return .any
        }
        if let name = pointer.componentName("schemas") {
            if componentNodes["schemas"]?[name] == nil {
                diagnostics.error(
                    "'\(reference)' does not exist: no schema '\(name)' in components.schemas",
                    at: node.mark)
                return .any
            }
            return .reference(name)
        }
        guard let loaded = loadTarget(pointer, reference: reference, at: node.mark) else { return .any }
        schema.isNullable = schema.isNullable || loaded.isNullable
        schema.constraints = loaded.constraints
        schema.description = schema.description ?? loaded.description
        return loaded.kind
    }

    /// The schema an inline `$ref` points to: loaded on first use (its diagnostics reported there, once), then
    /// reused in O(1) within `SchemaBudget`.
    mutating func loadTarget(_ pointer: JSONPointer, reference: String, at mark: Mark) -> Schema? {
        if let target = loadedTargets[pointer] {
            switch budget.reuse(target.cost) {
            case nil:
                return target.schema
            case .tooDeep?:
                diagnostics.error(
                    "'\(reference)' nests schemas deeper than \(SchemaBudget.maxDepth) levels here "
                        + "(counting inline '$ref's followed); move it to components/schemas", at: mark)
            case .tooManyCopies(let isFirst)?:
                if isFirst {
                    diagnostics.error(
                        "inline '$ref's copy more than \(SchemaBudget.maxCopiedSchemas) schemas (each use of "
                            + "'\(reference)' copies its target); move shared schemas to components/schemas",
                        at: mark)
                }
            }
            return nil
        }
        guard let node = resolve(pointer) else {
            diagnostics.error("'\(reference)' does not point to anything in this document", at: mark)
            return nil
        }
        guard targetsInProgress.insert(pointer).inserted else {
            diagnostics.error("$ref loop: '\(reference)' refers back to itself", at: mark)
            return nil
        }
        let start = budget.startTarget()
        let schema = loadSchema(node)
        let cost = budget.endTarget(start)
        targetsInProgress.remove(pointer)
        loadedTargets[pointer] = LoadedTarget(schema: schema, cost: cost)
        return schema
    }
}
