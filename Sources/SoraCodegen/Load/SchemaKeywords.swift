import YAML

/// The keywords of one schema mapping, found in a single pass over its entries.
///
/// A schema is the most frequent mapping in a spec: looking each keyword up with its own scan cost about twenty
/// scans per schema. Positions are kept as plain integers, so passing this around retains nothing per keyword.
struct SchemaKeywords {
    /// The keywords the loader reads.
    enum Keyword: Int, CaseIterable {
        case type, properties, required, items, enumValues, constValue, defaultValue, description, title, format
        case pattern, minLength, maxLength, minimum, maximum, dependentRequired, allOf, oneOf, anyOf, reference
        case additionalProperties, pixelSizeEquals, enumVarnames, rangeLength, nullable, exclusiveMinimum
        case exclusiveMaximum, multipleOf, minItems, maxItems, uniqueItems, readOnly, writeOnly, deprecated
        case discriminator, example
    }

    /// Keywords that apply to strings only, to numbers only, and to arrays only.
    static let stringOnly: [Keyword] = [.pattern, .minLength, .maxLength, .rangeLength]
    static let numberOnly: [Keyword] = [.minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf]
    static let arrayOnly: [Keyword] = [.minItems, .maxItems, .uniqueItems]

    /// Keyword names, by the text a schema uses.
    static let names: [String: Keyword] = [
        "type": .type, "properties": .properties, "required": .required, "items": .items, "enum": .enumValues,
        "const": .constValue, "default": .defaultValue, "description": .description, "title": .title,
        "format": .format, "pattern": .pattern, "minLength": .minLength, "maxLength": .maxLength,
        "minimum": .minimum, "maximum": .maximum, "dependentRequired": .dependentRequired, "allOf": .allOf,
        "oneOf": .oneOf, "anyOf": .anyOf, "$ref": .reference, "additionalProperties": .additionalProperties,
        "x-pixel-size-equals": .pixelSizeEquals, "x-enum-varnames": .enumVarnames, "x-range-length": .rangeLength,
        "nullable": .nullable, "exclusiveMinimum": .exclusiveMinimum, "exclusiveMaximum": .exclusiveMaximum,
        "multipleOf": .multipleOf, "minItems": .minItems, "maxItems": .maxItems, "uniqueItems": .uniqueItems,
        "readOnly": .readOnly, "writeOnly": .writeOnly, "deprecated": .deprecated,
        "discriminator": .discriminator, "example": .example,
    ]

    /// Keywords that only hold schemas for `$ref`s to point into: nothing to generate from them directly.
    static let containers: Set<String> = ["$defs", "definitions"]

    let entries: MappingEntries
    /// The entry position of each keyword, or -1; one slot per `Keyword` case.
    private var positions: [Int32]

    init(_ entries: MappingEntries) {
        self.entries = entries
        positions = Array(repeating: -1, count: Keyword.allCases.count)
    }

    /// The keyword's entry (key node for marks, value node), if the schema has it.
    subscript(keyword: Keyword) -> MappingEntry? {
        let position = positions[keyword.rawValue]
        return position >= 0 ? entries[Int(position)] : nil
    }

    /// Records that the entry at `position` is `keyword`.
    mutating func set(_ keyword: Keyword, at position: Int) {
        positions[keyword.rawValue] = Int32(position)
    }
}

extension SpecLoader {
    /// Sorts a schema's entries into their keywords; every other key is a warning (once per keyword name), so
    /// nothing is dropped without a word.
    mutating func schemaKeywords(_ entries: MappingEntries) -> SchemaKeywords {
        var found = SchemaKeywords(entries)
        for position in entries.indices {
            let keyNode = entries[position].key
            guard let key = keyNode.scalarText else {
                diagnostics.error("keys of a schema must be strings", at: keyNode.mark)
                continue
            }
            if let keyword = SchemaKeywords.names[key] {
                found.set(keyword, at: position)
            } else if !SchemaKeywords.containers.contains(key) {
                ignoredKey(key, in: "a schema", at: keyNode.mark)
            }
        }
        return found
    }

    /// A key the generator does not use: one warning per key name and place kind, counting the repeats.
    mutating func ignoredKey(_ key: String, in what: String, at mark: Mark) {
        let message: String
        if key.hasPrefix("x-") {
            message = "extension '\(key)' is not used by the generator; it is ignored"
        } else if SpecLoader.documentationKeys.contains(key) {
            message = "'\(key)' is documentation the generated code does not carry; it is ignored"
        } else {
            message = "keyword '\(key)' in \(what) is not supported; it is ignored"
        }
        diagnostics.repeatedWarning(message, at: mark)
    }

    /// Keys that only document (the generated code has no place for them).
    static let documentationKeys: Set<String> = [
        "example", "examples", "externalDocs", "xml", "$comment", "contentMediaType", "contentEncoding", "$schema",
        "$id", "$anchor",
    ]
}
