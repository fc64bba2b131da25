import YAML

/// `allOf` (merged into one schema), `oneOf`/`anyOf` (unions, or the idioms that are simpler types) and
/// `discriminator`.
extension SpecLoader {
    /// `allOf`: `if`/`then` entries are cross-field rules; the other entries and the schema's own keywords are
    /// merged. One informative part (the `allOf: [$ref, {description}]` wrapper) collapses to that part; several
    /// must all be objects, whose properties and `required` lists are joined.
    mutating func loadAllOf(_ entry: MappingEntry, into schema: inout Schema, hasOwnType: Bool) {
        guard let items = sequence(entry.value, "'allOf'") else { return }
        var parts: [Schema] = hasOwnType ? [schema] : []
        var rules: [Node] = []
        for item in items {
            if item["if"] != nil {
                rules.append(item)
                continue
            }
            allOfParts.insert(item.mark)
            parts.append(loadSchema(item))
        }
        let informative = parts.filter { !isAnnotationOnly($0) }
        for part in parts where isAnnotationOnly(part) {
            schema.description = schema.description ?? part.description
            if part.isNullable { schema.isNullable = true }
        }
        if informative.count == 1 {
            let only = informative[0]
            if !hasOwnType {
                schema.kind = only.kind
                schema.constraints = only.constraints
            }
            schema.description = schema.description ?? only.description
            schema.title = schema.title ?? only.title
            schema.isNullable = schema.isNullable || only.isNullable
            schema.defaultValue = schema.defaultValue ?? only.defaultValue
        } else if let scalar = mergedScalar(informative) {
            // `allOf: [{type: string}, {minLength: 2}]`: one typed part, the others only add rules.
            schema.kind = scalar.kind
            schema.constraints = scalar.constraints
        } else if informative.count > 1 {
            schema.kind = mergedObject(informative, at: entry.key.mark).map(SchemaKind.object) ?? .any
        }
        if !rules.isEmpty { loadConditionals(rules, into: &schema) }
    }

    /// Several parts of which one has a type that is not an object and the others only add rules: that part with
    /// every part's rules (the first part to set a rule wins); nil otherwise.
    private func mergedScalar(_ parts: [Schema]) -> Schema? {
        let typed = parts.filter { if case .any = $0.kind { false } else { true } }
        guard parts.count > 1, typed.count == 1, var merged = typed.first else { return nil }
        switch merged.kind {
        case .object, .map, .union, .reference: return nil
        default: break
        }
        for part in parts where part.mark != merged.mark {
            merged.constraints = merged.constraints.filling(from: part.constraints)
        }
        return merged
    }

    /// True for a part that only annotates (`description`, `nullable`, `title`) and says nothing about values.
    private func isAnnotationOnly(_ schema: Schema) -> Bool {
        guard case .any = schema.kind else { return false }
        return schema.constraints.isEmpty
    }

    /// The properties of several object parts in one object; nil (with a warning) when a part is not an object.
    private mutating func mergedObject(_ parts: [Schema], at mark: Mark) -> ObjectSchema? {
        var merged = ObjectSchema()
        for part in parts {
            guard let object = objectContent(part) else {
                diagnostics.warning(
                    "'allOf' combines parts that are not all objects, which no one Swift type can hold; "
                        + "generated as JSONValue", at: mark)
                return nil
            }
            for property in object.properties {
                if let index = merged.properties.firstIndex(where: { $0.name == property.name }) {
                    // A later part refines an earlier one (a subtype narrowing its parent's property).
                    var refined = property
                    refined.isRequired = property.isRequired || merged.properties[index].isRequired
                    merged.properties[index] = refined
                } else {
                    merged.properties.append(property)
                }
            }
            merged.requiredNames += object.requiredNames.filter { !merged.requiredNames.contains($0) }
            merged.additionalProperties = merged.additionalProperties ?? object.additionalProperties
            merged.dependentRequired += object.dependentRequired
            merged.conditionals += object.conditionals
        }
        for index in merged.properties.indices where merged.requiredNames.contains(merged.properties[index].name) {
            merged.properties[index].isRequired = true
        }
        return merged
    }

    /// What a part contributes as an object: its own, a referenced component's (through `$ref` chains), or a
    /// map's additional properties.
    private mutating func objectContent(_ part: Schema) -> ObjectSchema? {
        var current = part
        var hops = 0
        while case .reference(let name) = current.kind {
            hops += 1
            guard hops <= 32, let target = componentSchema(name, at: part.mark) else { return nil }
            current = target
        }
        switch current.kind {
        case .object(let object): return object
        case .map(let values):
            var object = ObjectSchema()
            object.additionalProperties = values ?? Schema(mark: current.mark, kind: .any)
            return object
        default: return nil
        }
    }

    /// A component schema loaded through the inline-reference cache (once per loader, loops reported).
    private mutating func componentSchema(_ name: String, at mark: Mark) -> Schema? {
        let reference = "#/components/schemas/" + Pointer.escape(name)
        guard let pointer = JSONPointer(reference: reference) else { return nil }
        return loadTarget(pointer, reference: reference, at: mark)
    }

    /// `oneOf`/`anyOf`: `[X, {type: 'null'}]` is a nullable X, `anyOf: [{type: string}, {enum}]` an open enum,
    /// alternatives that are all string constants an enum; anything else a union of the alternatives.
    mutating func loadAlternatives(_ entry: MappingEntry, into schema: inout Schema, discriminator: MappingEntry?) {
        let keyword = entry.key.scalarText ?? "oneOf"
        guard let items = sequence(entry.value, "'\(keyword)'") else { return }
        var alternatives: [Schema] = []
        var nodes: [Node] = []
        for item in items {
            let alternative = loadSchema(item)
            if case .any = alternative.kind, alternative.isNullable, alternative.constraints.isEmpty {
                schema.isNullable = true
            } else {
                alternatives.append(alternative)
                nodes.append(item)
            }
        }
        if nodes.allSatisfy({ isRequiredListOnly($0) }) {
            if !alternatives.isEmpty {
                diagnostics.repeatedWarning(
                    "'\(keyword)' alternatives that only list required properties are not checked before sending",
                    at: entry.key.mark)
            }
            return
        }
        if !isAnnotationOnly(schema) && !isBareType(schema) {
            diagnostics.warning(
                "'\(keyword)' next to the schema's own type or properties is not generated; generated as JSONValue",
                at: entry.key.mark)
            schema.kind = .any
            return
        }
        if alternatives.count == 1 {
            let inner = alternatives[0]
            schema.kind = inner.kind
            schema.constraints = inner.constraints
            schema.isNullable = schema.isNullable || inner.isNullable
            schema.description = schema.description ?? inner.description
            return
        }
        if keyword == "anyOf", alternatives.count == 2, let open = openEnum(nodes) {
            schema.kind = open
            return
        }
        if let constants = stringConstants(alternatives) {
            schema.kind = .enumeration(constants)
            return
        }
        schema.kind = .union(
            UnionSchema(
                alternatives: alternatives, isAnyOf: keyword == "anyOf",
                discriminator: discriminator.flatMap { loadDiscriminator($0) }))
    }

    /// True for `type: object` with no properties, or a plain scalar type: next to `oneOf` it only restates
    /// what the alternatives are, so the alternatives decide.
    private func isBareType(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .map(let values): return values == nil
        case .string, .integer, .number, .boolean: return schema.constraints.isEmpty
        default: return false
        }
    }

    /// True for `{required: [a]}` (also with `type: object` or a description): a rule about which properties are
    /// present, not a type.
    private func isRequiredListOnly(_ node: Node) -> Bool {
        guard let entries = node.mapping, entries["required"] != nil else { return false }
        if let type = entries["type"], !type.isScalar("object") { return false }
        return entries.allSatisfy { entry in
            ["required", "type", "description", "title"].contains(entry.key.scalarText ?? "")
        }
    }

    /// `oneOf: [{const: a}, {const: b}]` (or one-value enums): a plain string enum.
    private func stringConstants(_ alternatives: [Schema]) -> EnumSchema? {
        var values: [String] = []
        for alternative in alternatives {
            switch alternative.kind {
            case .constant(let value): values.append(value)
            case .enumeration(let values1) where values1.values.count == 1: values.append(values1.values[0])
            default: return nil
            }
        }
        return EnumSchema(values: values, varnames: nil, valueMarks: alternatives.map(\.mark))
    }

    private mutating func openEnum(_ items: [Node]) -> SchemaKind? {
        let plainIndex = items.firstIndex { $0["type"]?.isScalar("string") == true && $0["enum"] == nil }
        let enumIndex = items.firstIndex { $0["enum"] != nil }
        guard let plainIndex, let enumIndex, plainIndex != enumIndex else { return nil }
        var scratch = Schema(mark: items[enumIndex].mark, kind: .any)
        guard let enumEntries = items[enumIndex].mapping, let enumNode = enumEntries["enum"],
            case .enumeration(let values) = loadEnum(
                enumNode, type: "string", format: nil, varnames: enumEntries["x-enum-varnames"], schema: &scratch)
        else { return nil }
        return .enumeration(values)
    }

    /// `discriminator: {propertyName, mapping}`; mapping targets must be component schemas.
    private mutating func loadDiscriminator(_ entry: MappingEntry) -> Discriminator? {
        guard let fields = mapping(entry.value, "'discriminator'") else { return nil }
        checkKeys(fields, allowed: ["propertyName", "mapping"], in: "'discriminator'")
        guard let nameNode = fields["propertyName"], let name = string(nameNode, "'discriminator.propertyName'")
        else {
            diagnostics.warning("'discriminator' needs 'propertyName'; it is ignored", at: entry.value.mark)
            return nil
        }
        var pairs: [(value: String, schema: String)] = []
        for item in fields["mapping"]?.mapping.map(Array.init) ?? [] {
            guard let value = item.key.scalarText, let target = item.value.scalarText else { continue }
            let component =
                JSONPointer.plainComponentName(target, kind: "schemas")
                ?? JSONPointer(reference: target)?.componentName("schemas")
                ?? (componentNodes["schemas"]?[target] != nil ? target : nil)
            guard let component, componentNodes["schemas"]?[component] != nil else {
                diagnostics.warning(
                    "discriminator mapping '\(value)' points to '\(target)', which is not a component schema; ignored",
                    at: item.value.mark)
                continue
            }
            pairs.append((value, component))
        }
        return Discriminator(propertyName: name, mapping: pairs, mark: entry.value.mark)
    }
}
