import YAML

/// Objects, their cross-field rules, and the `oneOf`/`anyOf` idioms.
extension SpecLoader {
    mutating func loadObject(_ keywords: SchemaKeywords) -> ObjectSchema {
        var object = ObjectSchema()
        let required = keywords[.required].map { strings($0.value, "'required'") } ?? []
        guard let propertiesNode = keywords[.properties]?.value,
            let properties = mapping(propertiesNode, "'properties'")
        else { return object }
        for entry in properties {
            guard let name = string(entry.key, "a property name") else { continue }
            object.properties.append(
                Property(
                    name: name, schema: loadSchema(entry.value), isRequired: required.contains(name),
                    mark: entry.key.mark))
        }
        if let requiredNode = keywords[.required]?.value {
            for (index, name) in required.enumerated() where !object.properties.contains(where: { $0.name == name }) {
                let mark = requiredNode.sequence.map { $0[index].mark } ?? requiredNode.mark
                diagnostics.error("required property '\(name)' is not among the properties", at: mark)
            }
        }
        return object
    }

    /// `dependentRequired: {a: [b, c]}`.
    mutating func loadDependentRequired(_ node: Node, into schema: inout Schema) {
        guard case .object(var object) = schema.kind else {
            diagnostics.error("'dependentRequired' needs an object schema with properties", at: node.mark)
            return
        }
        guard let entries = mapping(node, "'dependentRequired'") else { return }
        for entry in entries {
            guard let name = string(entry.key, "a property name") else { continue }
            let requires = strings(entry.value, "'dependentRequired.\(name)'")
            for property in [name] + requires where !object.properties.contains(where: { $0.name == property }) {
                diagnostics.error(
                    "'dependentRequired' names '\(property)', which is not a property", at: entry.key.mark)
            }
            object.dependentRequired.append(
                DependentRequirement(property: name, requires: requires, mark: entry.key.mark))
        }
        schema.kind = .object(object)
    }

    /// `allOf: [{if: …, then: …, description?}]`.
    mutating func loadConditionals(_ node: Node, into schema: inout Schema) {
        guard case .object(var object) = schema.kind else {
            diagnostics.error("'allOf' is only supported as if/then rules on an object with properties", at: node.mark)
            return
        }
        guard let items = sequence(node, "'allOf'") else { return }
        for item in items {
            guard let entries = mapping(item, "an 'allOf' entry") else { continue }
            guard let ifNode = entries["if"], let thenNode = entries["then"] else {
                diagnostics.error(
                    "'allOf' composition is not supported; only entries with 'if' and 'then' are", at: item.mark)
                continue
            }
            checkKeys(entries, allowed: ["if", "then", "description", "$comment"], in: "an if/then rule")
            let rule = ConditionalRule(
                conditions: loadConditions(ifNode, "'if'", object: object),
                consequences: loadConditions(thenNode, "'then'", object: object),
                description: entries["description"].flatMap { string($0, "'description'") }, mark: item.mark)
            object.conditionals.append(rule)
        }
        schema.kind = .object(object)
    }

    private mutating func loadConditions(_ node: Node, _ what: String, object: ObjectSchema) -> [PropertyCondition] {
        guard let entries = mapping(node, what) else { return [] }
        checkKeys(entries, allowed: ["properties", "required"], in: what)
        let required = entries["required"].map { strings($0, "\(what).required") } ?? []
        var conditions: [PropertyCondition] = []
        if let properties = entries["properties"].flatMap({ mapping($0, "\(what).properties") }) {
            for entry in properties {
                guard let name = string(entry.key, "a property name") else { continue }
                conditions.append(
                    PropertyCondition(
                        property: name, values: loadAllowedValues(entry.value, what),
                        mustBePresent: required.contains(name)))
            }
        }
        for name in required where !conditions.contains(where: { $0.property == name }) {
            conditions.append(PropertyCondition(property: name, values: [], mustBePresent: true))
        }
        for condition in conditions where !object.properties.contains(where: { $0.name == condition.property }) {
            diagnostics.error("\(what) names '\(condition.property)', which is not a property", at: node.mark)
        }
        return conditions
    }

    private mutating func loadAllowedValues(_ node: Node, _ what: String) -> [String] {
        guard let entries = mapping(node, "a property of \(what)") else { return [] }
        checkKeys(entries, allowed: ["enum", "const", "description"], in: "a property of \(what)")
        if let constNode = entries["const"] {
            return string(constNode, "'const'").map { [$0] } ?? []
        }
        if let enumNode = entries["enum"] { return strings(enumNode, "'enum'") }
        diagnostics.error("a property of \(what) needs 'enum' or 'const'", at: node.mark)
        return []
    }

    /// `oneOf`/`anyOf`: `[X, {type: 'null'}]` → nullable X; `anyOf: [{type: string}, {enum}]` → open enum.
    mutating func loadAlternatives(_ entry: MappingEntry, into schema: inout Schema) {
        let keyNode = entry.key
        let keyword = keyNode.scalarText ?? "oneOf"
        guard let items = sequence(entry.value, "'\(keyword)'") else { return }
        let isNull: (Node) -> Bool = { $0["type"]?.isScalar("null") == true && $0.mapping?.count == 1 }
        let others = items.filter { !isNull($0) }
        if others.count == 1 {
            let inner = loadSchema(others[0])
            schema.kind = inner.kind
            schema.constraints = inner.constraints
            schema.isNullable = others.count != items.count || inner.isNullable
            schema.description = schema.description ?? inner.description
            return
        }
        if others.count == 2, keyword == "anyOf", let open = openEnum(others) {
            schema.kind = open
            schema.isNullable = others.count != items.count
            return
        }
        diagnostics.error(
            "'\(keyword)' with \(items.count) alternatives is not supported; "
                + "supported: [X, {type: 'null'}] and anyOf: [{type: string}, {enum: […]}]",
            at: keyNode.mark)
    }

    private mutating func openEnum(_ items: [Node]) -> SchemaKind? {
        let plainIndex = items.firstIndex { $0["type"]?.isScalar("string") == true && $0["enum"] == nil }
        let enumIndex = items.firstIndex { $0["enum"] != nil }
        guard let plainIndex, let enumIndex, plainIndex != enumIndex else { return nil }
        var scratch = Schema(mark: items[enumIndex].mark, kind: .any)
        guard let enumEntries = items[enumIndex].mapping, let enumNode = enumEntries["enum"],
            case .enumeration(let values) = loadEnum(
                enumNode, varnames: enumEntries["x-enum-varnames"], schema: &scratch)
        else { return nil }
        return .enumeration(values)
    }

    /// `pattern`, lengths, bounds and `x-range-length`.
    mutating func loadConstraints(_ keywords: SchemaKeywords, into schema: inout Schema) {
        var constraints = ScalarConstraints()
        let isString: Bool
        let isNumber: Bool
        switch schema.kind {
        case .string, .enumeration, .constant: (isString, isNumber) = (true, false)
        case .integer, .number: (isString, isNumber) = (false, true)
        default: (isString, isNumber) = (false, false)
        }
        for keyword in SchemaKeywords.stringOnly where !isString {
            if let entry = keywords[keyword] {
                diagnostics.error("'\(entry.key.scalarText ?? "")' applies to strings only", at: entry.key.mark)
            }
        }
        for keyword in SchemaKeywords.numberOnly where !isNumber {
            if let entry = keywords[keyword] {
                diagnostics.error("'\(entry.key.scalarText ?? "")' applies to numbers only", at: entry.key.mark)
            }
        }
        if let node = keywords[.pattern]?.value, let pattern = string(node, "'pattern'") {
            constraints.pattern = pattern
            patterns.check(pattern, at: node.mark)
        }
        constraints.minLength = keywords[.minLength].flatMap { count($0.value, "'minLength'") }
        constraints.maxLength = keywords[.maxLength].flatMap { count($0.value, "'maxLength'") }
        constraints.minimum = keywords[.minimum].flatMap { number($0.value, "'minimum'") }
        constraints.maximum = keywords[.maximum].flatMap { number($0.value, "'maximum'") }
        if let node = keywords[.rangeLength]?.value, let range = mapping(node, "'x-range-length'") {
            checkKeys(range, allowed: ["minimum", "maximum"], in: "'x-range-length'")
            let low = range["minimum"].flatMap { number($0, "'x-range-length.minimum'") }
            let high = range["maximum"].flatMap { number($0, "'x-range-length.maximum'") }
            if let low, let high {
                constraints.rangeLength = (low, high)
            } else if range["minimum"] == nil || range["maximum"] == nil {
                diagnostics.error("'x-range-length' needs 'minimum' and 'maximum'", at: node.mark)
            }
        }
        if let low = constraints.minLength, let high = constraints.maxLength, low > high {
            diagnostics.error("'minLength' \(low) is greater than 'maxLength' \(high)", at: schema.mark)
        }
        if let low = constraints.minimum, let high = constraints.maximum, low.double > high.double {
            diagnostics.error("'minimum' \(low) is greater than 'maximum' \(high)", at: schema.mark)
        }
        schema.constraints = constraints
    }
}
