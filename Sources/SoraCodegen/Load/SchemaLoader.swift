import YAML

/// Loading one schema: OpenAPI 3.0 and 3.1 (JSON Schema 2020-12) read into one model.
extension SpecLoader {
    static let typeNames: Set<String> = ["string", "integer", "number", "boolean", "object", "array", "null"]

    /// Loads a schema node; what cannot be generated faithfully becomes a diagnostic and an `any` schema.
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
        guard let entries = node.mapping else {
            // JSON Schema 2020-12 allows `true` (anything) and `false` (nothing) as schemas.
            if case .bool(let accepts)? = node.scalar?.value {
                if !accepts {
                    diagnostics.warning("the schema 'false' accepts no value; generated as JSONValue", at: node.mark)
                }
                return Schema(mark: node.mark, kind: .any)
            }
            diagnostics.error("a schema must be a mapping, found \(describe(node))", at: node.mark)
            return Schema(mark: node.mark, kind: .any)
        }
        let keywords = schemaKeywords(entries)
        var schema = Schema(mark: node.mark, kind: .any)
        loadAnnotations(keywords, into: &schema)
        if let reference = keywords[.reference]?.value {
            schema.kind = loadReference(reference, schema: &schema)
            warnRefSiblings(keywords, reference: reference)
            return schema
        }
        let typeNames = loadType(keywords[.type]?.value, schema: &schema)
        if typeNames.count > 1 {
            schema.kind = .union(
                UnionSchema(
                    alternatives: typeNames.map { name in
                        var alternative = Schema(mark: node.mark, kind: .any)
                        alternative.kind = loadKind(name, keywords, node: node, schema: &alternative)
                        // Each alternative takes the keywords of its type; the others are meant for its siblings.
                        loadConstraints(keywords, into: &alternative, warnsInapplicable: false)
                        return alternative
                    }, isAnyOf: false, discriminator: nil))
            if case .union(let union) = schema.kind {
                warnInapplicable(keywords, kinds: union.alternatives.map(\.kind))
            }
        } else {
            schema.kind = loadKind(typeNames.first, keywords, node: node, schema: &schema)
            loadConstraints(keywords, into: &schema)
        }
        if let node = keywords[.pixelSizeEquals]?.value {
            if case .binary = schema.kind {
                schema.pixelSizeEquals = string(node, "'x-pixel-size-equals'")
            } else {
                diagnostics.error("'x-pixel-size-equals' applies to binary (file) properties only", at: node.mark)
            }
        }
        if let allOf = keywords[.allOf] {
            loadAllOf(allOf, into: &schema, hasOwnType: !typeNames.isEmpty || keywords[.properties] != nil)
        }
        if let alternatives = keywords[.oneOf] ?? keywords[.anyOf] {
            loadAlternatives(alternatives, into: &schema, discriminator: keywords[.discriminator])
        } else if let discriminator = keywords[.discriminator] {
            diagnostics.repeatedWarning(
                "'discriminator' without 'oneOf' or 'anyOf' is not used (allOf children are merged types)",
                at: discriminator.key.mark)
        }
        if let dependent = keywords[.dependentRequired]?.value {
            loadDependentRequired(dependent, into: &schema)
        }
        checkDefault(keywords[.defaultValue], of: &schema)
        checkRequiredNames(schema, node: node, keywords: keywords)
        return schema
    }

    /// `description`, `title`, `example`, `nullable`, `readOnly`, `writeOnly`, `deprecated` and `default`.
    private mutating func loadAnnotations(_ keywords: SchemaKeywords, into schema: inout Schema) {
        schema.description = keywords[.description].flatMap { string($0.value, "'description'") }
        schema.title = keywords[.title].flatMap { string($0.value, "'title'") }
        if let node = keywords[.defaultValue]?.value, node.kind == .scalar {
            schema.defaultValue = quietValue(node)
        }
        if let entry = keywords[.example] {
            if entry.value.kind == .scalar, let example = quietValue(entry.value) {
                schema.example = example
            } else {
                ignoredKey("example", in: "a schema", at: entry.key.mark)
            }
        }
        if let node = keywords[.nullable]?.value, bool(node, "'nullable'") == true { schema.isNullable = true }
        let flags: [(SchemaKeywords.Keyword, SchemaFlags, String)] = [
            (.readOnly, .readOnly, "'readOnly'"), (.writeOnly, .writeOnly, "'writeOnly'"),
            (.deprecated, .deprecated, "'deprecated'"),
        ]
        for (keyword, flag, name) in flags {
            if let node = keywords[keyword]?.value, bool(node, name) == true { schema.flags.insert(flag) }
        }
    }

    /// The keywords beside a `$ref` that are read: annotations, which describe the use rather than the value.
    private static let refSiblings: Set<SchemaKeywords.Keyword> = [
        .reference, .description, .title, .defaultValue, .example, .nullable, .readOnly, .writeOnly, .deprecated,
    ]

    /// OpenAPI 3.1 allows any keyword beside a `$ref`; the generator uses the target's type and constraints as they
    /// are, so every other keyword is reported where it is written rather than dropped without a word. A `type` that
    /// repeats the target's own (`{type: string, $ref: …}` to a string enum) loses nothing and is not reported.
    private mutating func warnRefSiblings(_ keywords: SchemaKeywords, reference: Node) {
        for keyword in SchemaKeywords.Keyword.allCases where !Self.refSiblings.contains(keyword) {
            guard let entry = keywords[keyword] else { continue }
            if keyword == .type,
                let target = reference.scalarText.flatMap(JSONPointer.init(reference:)).flatMap(resolve),
                let targetType = target["type"], let names = Self.typeNames(of: entry.value),
                names == Self.typeNames(of: targetType)
            {
                continue
            }
            diagnostics.warning(
                "'\(entry.key.scalarText ?? "")' beside '$ref' is not supported; it is ignored (the referenced "
                    + "schema is used as it is)", at: entry.key.mark)
        }
    }

    /// The names a `type` value lists (one name, or a list in any order); nil if it is neither.
    private static func typeNames(of node: Node) -> Set<String>? {
        if let name = node.scalarText { return [name] }
        guard let items = node.sequence else { return nil }
        return Set(items.compactMap(\.scalarText))
    }

    /// Reads `type`: a name, or a list (`[T, 'null']` is a nullable T; several others make a union).
    private mutating func loadType(_ node: Node?, schema: inout Schema) -> [String] {
        guard let node else { return [] }
        var names: [String] = []
        if let items = node.sequence {
            names = items.compactMap { string($0, "each entry of 'type'") }
        } else if let name = string(node, "'type'") {
            names = [name]
        }
        var known: [String] = []
        for name in names {
            guard Self.typeNames.contains(name) else {
                let accepted = Self.typeNames.sorted().joined(separator: ", ")
                diagnostics.warning(
                    "unknown type '\(name)' (expected one of \(accepted)); generated as JSONValue", at: node.mark)
                return []
            }
            if name == "null" {
                schema.isNullable = true
            } else if !known.contains(name) {
                known.append(name)
            }
        }
        // `[integer, number]` is a number.
        if known.count == 2 && known.contains("integer") && known.contains("number") { return ["number"] }
        return known
    }

    private mutating func loadKind(
        _ typeName: String?, _ keywords: SchemaKeywords, node: Node, schema: inout Schema
    ) -> SchemaKind {
        let format = keywords[.format].flatMap { $0.value.scalarText }
        if let enumNode = keywords[.enumValues]?.value {
            return loadEnum(
                enumNode, type: typeName, format: format, varnames: keywords[.enumVarnames]?.value, schema: &schema)
        }
        if let constNode = keywords[.constValue]?.value {
            return loadConstant(constNode, type: typeName, format: format, schema: &schema)
        }
        switch typeName {
        case "string": return format == "binary" ? .binary : .string(format: format)
        case "integer": return .integer(format: format)
        case "number": return .number(format: format)
        case "boolean": return .boolean
        case "array":
            return .array(items: keywords[.items].map { loadSchema($0.value) } ?? Schema(mark: node.mark, kind: .any))
        case "object", nil:
            if keywords[.properties] != nil { return .object(loadObject(keywords)) }
            if typeName == nil, let items = keywords[.items]?.value { return .array(items: loadSchema(items)) }
            if typeName == nil && keywords[.additionalProperties] == nil { return .any }
            return .map(values: loadAdditionalProperties(keywords[.additionalProperties]?.value))
        default:
            return .any
        }
    }

    /// `additionalProperties`: a schema, `true` (any value) or `false` (none; nil).
    mutating func loadAdditionalProperties(_ node: Node?) -> Schema? {
        guard let node else { return nil }
        if node.kind == .scalar {
            guard bool(node, "'additionalProperties'") == true else { return nil }
            return Schema(mark: node.mark, kind: .any)
        }
        return loadSchema(node)
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
