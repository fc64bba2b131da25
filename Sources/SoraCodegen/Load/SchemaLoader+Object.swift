import YAML

/// Objects, their cross-field rules, and the `oneOf`/`anyOf` idioms.
extension SpecLoader {
    /// `properties`, `required` and `additionalProperties`.
    mutating func loadObject(_ keywords: SchemaKeywords) -> ObjectSchema {
        var object = ObjectSchema()
        object.requiredNames = keywords[.required].map { strings($0.value, "'required'") } ?? []
        object.additionalProperties = loadAdditionalProperties(keywords[.additionalProperties]?.value)
        guard let propertiesNode = keywords[.properties]?.value,
            let properties = mapping(propertiesNode, "'properties'")
        else { return object }
        for entry in properties {
            guard let name = string(entry.key, "a property name") else { continue }
            object.properties.append(
                Property(
                    name: name, schema: loadSchema(entry.value), isRequired: object.requiredNames.contains(name),
                    mark: entry.key.mark))
        }
        return object
    }

    /// Warns about `required` names that no property has (ignored: real documents have them); an `allOf` part
    /// is checked only once merged.
    mutating func checkRequiredNames(_ schema: Schema, node: Node, keywords: SchemaKeywords) {
        guard case .object(let object) = schema.kind, !allOfParts.contains(node.mark) else { return }
        for name in object.requiredNames where !object.properties.contains(where: { $0.name == name }) {
            let requiredNode = keywords[.required]?.value
            let mark =
                requiredNode?.sequence?.first(where: { $0.scalarText == name })?.mark ?? requiredNode?.mark
                ?? schema.mark
            diagnostics.warning("required property '\(name)' is not among the properties; ignored", at: mark)
        }
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
    mutating func loadConditionals(_ items: [Node], into schema: inout Schema) {
        guard case .object(var object) = schema.kind else {
            diagnostics.warning(
                "'if'/'then' rules are only checked on an object with properties; ignored", at: items[0].mark)
            return
        }
        for item in items {
            guard let entries = mapping(item, "an 'allOf' entry") else { continue }
            guard let ifNode = entries["if"], let thenNode = entries["then"] else {
                diagnostics.warning("an 'if' rule without 'then' checks nothing; ignored", at: item.mark)
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
}
