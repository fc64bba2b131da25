import YAML

/// Loading one schema of the dialect.
extension SpecLoader {
    static let scalarTypes: Set<String> = ["string", "integer", "number", "boolean", "object", "array"]

    /// Loads a schema node; unsupported constructs become diagnostics and an `any` schema.
    ///
    /// Nesting (inline schemas and the inline `$ref`s followed on the way) stops at `maxSchemaDepth` with a
    /// diagnostic, so neither this recursion nor the translator's can exhaust a thread's stack.
    mutating func loadSchema(_ node: Node) -> Schema {
        guard budget.enter() else {
            diagnostics.error(
                "schemas nest deeper than \(SchemaBudget.maxDepth) levels (counting inline '$ref's followed); "
                    + "move inner schemas to components/schemas", at: node.mark)
            return Schema(mark: node.mark, kind: .any)
        }
        defer { budget.leave() }
        return loadSchemaContent(node)
    }

    private mutating func loadSchemaContent(_ node: Node) -> Schema {
        guard let entries = mapping(node, "a schema") else { return Schema(mark: node.mark, kind: .any) }
        let keywords = schemaKeywords(entries)
        var schema = Schema(mark: node.mark, kind: .any)
        schema.description = keywords[.description].flatMap { string($0.value, "'description'") }
        schema.title = keywords[.title].flatMap { string($0.value, "'title'") }
        if let node = keywords[.defaultValue]?.value, node.kind == .scalar {
            schema.defaultValue = value(node, "'default'")
        }
        if let reference = keywords[.reference]?.value {
            schema.kind = loadReference(reference, schema: &schema)
            return schema
        }
        if let alternatives = keywords[.oneOf] ?? keywords[.anyOf] {
            loadAlternatives(alternatives, into: &schema)
            return schema
        }
        let typeName = loadType(keywords[.type]?.value, schema: &schema)
        schema.kind = loadKind(typeName, keywords, node: node, schema: &schema)
        loadConstraints(keywords, into: &schema)
        if let node = keywords[.pixelSizeEquals]?.value {
            if case .binary = schema.kind {
                schema.pixelSizeEquals = string(node, "'x-pixel-size-equals'")
            } else {
                diagnostics.error("'x-pixel-size-equals' applies to binary (file) properties only", at: node.mark)
            }
        }
        if let allOf = keywords[.allOf]?.value {
            loadConditionals(allOf, into: &schema)
        }
        if let dependent = keywords[.dependentRequired]?.value {
            loadDependentRequired(dependent, into: &schema)
        }
        return schema
    }

    /// Reads `type` (a name or `[name, 'null']`).
    private mutating func loadType(_ node: Node?, schema: inout Schema) -> String? {
        guard let node else { return nil }
        if let items = node.sequence {
            let names = items.compactMap { string($0, "each entry of 'type'") }
            let nonNull = names.filter { $0 != "null" }
            schema.isNullable = names.count != nonNull.count
            guard nonNull.count == 1 else {
                diagnostics.error(
                    "'type' lists \(names.map { "'\($0)'" }.joined(separator: ", ")); only [T, 'null'] is supported",
                    at: node.mark)
                return nil
            }
            return checkTypeName(nonNull[0], at: node.mark)
        }
        guard let name = string(node, "'type'") else { return nil }
        return checkTypeName(name, at: node.mark)
    }

    private mutating func checkTypeName(_ name: String, at mark: Mark) -> String? {
        if Self.scalarTypes.contains(name) { return name }
        let accepted = Self.scalarTypes.sorted().joined(separator: ", ")
        diagnostics.error("unknown type '\(name)'; expected one of \(accepted)", at: mark)
        return nil
    }

    private mutating func loadKind(
        _ typeName: String?, _ keywords: SchemaKeywords, node: Node, schema: inout Schema
    ) -> SchemaKind {
        if let enumNode = keywords[.enumValues]?.value {
            if let typeName, typeName != "string" {
                diagnostics.error(
                    "only string enums are supported, found an enum of type '\(typeName)'",
                    at: enumNode.mark)
                return .any
            }
            return loadEnum(enumNode, varnames: keywords[.enumVarnames]?.value, schema: &schema)
        }
        if let constNode = keywords[.constValue]?.value {
            if case .string(let text)? = value(constNode, "'const'") { return .constant(text) }
            diagnostics.error("only string values are supported for 'const'", at: constNode.mark)
            return .any
        }
        switch typeName {
        case "string":
            let format = keywords[.format].flatMap { string($0.value, "'format'") }
            return format == "binary" ? .binary : .string(format: format)
        case "integer": return .integer(format: keywords[.format].flatMap { string($0.value, "'format'") })
        case "number": return .number
        case "boolean": return .boolean
        case "array":
            guard let items = keywords[.items]?.value else {
                diagnostics.error("an array schema needs 'items'", at: node.mark)
                return .any
            }
            return .array(items: loadSchema(items))
        case "object", nil:
            if keywords[.properties] != nil { return .object(loadObject(keywords)) }
            if typeName == nil, let items = keywords[.items]?.value { return .array(items: loadSchema(items)) }
            if typeName == nil { return .any }
            return .map(values: loadAdditionalProperties(keywords[.additionalProperties]?.value))
        default:
            return .any
        }
    }

    private mutating func loadAdditionalProperties(_ node: Node?) -> Schema? {
        guard let node else { return nil }
        if node.kind == .scalar {
            _ = bool(node, "'additionalProperties'")
            return nil
        }
        return loadSchema(node)
    }

    mutating func loadEnum(_ node: Node, varnames: Node?, schema: inout Schema) -> SchemaKind {
        guard let items = sequence(node, "'enum'") else { return .any }
        var values: [String] = []
        var marks: [Mark] = []
        for item in items {
            switch item.scalar?.value {
            case .null?: schema.isNullable = true
            case .string(let text)?:
                values.append(text)
                marks.append(item.mark)
            default:
                diagnostics.error("enum values must be strings, found \(describe(item))", at: item.mark)
            }
        }
        var names: [String]?
        if let varnames {
            let list = strings(varnames, "'x-enum-varnames'")
            if list.count == values.count {
                names = list
                for (name, mark) in zip(list, marks) where !SwiftNames.isPlainIdentifier(name) {
                    diagnostics.error("'x-enum-varnames' entry '\(name)' is not a Swift identifier", at: mark)
                }
            } else {
                diagnostics.error(
                    "'x-enum-varnames' has \(list.count) names for \(values.count) enum values", at: varnames.mark)
            }
        }
        if values.isEmpty { diagnostics.error("an enum needs at least one string value", at: node.mark) }
        return .enumeration(EnumSchema(values: values, varnames: names, valueMarks: marks))
    }

    /// Walks a JSON pointer from the document root.
    func resolve(_ pointer: JSONPointer) -> Node? {
        var node = root
        for segment in pointer.segments {
            if let entries = node.mapping, let next = entries[segment] {
                node = next
            } else if let items = node.sequence, let index = Int(segment), items.indices.contains(index) {
                node = items[index]
            } else {
                return nil
            }
        }
        return node
    }
}
