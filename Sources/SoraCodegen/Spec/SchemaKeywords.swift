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
        case additionalProperties, pixelSizeEquals, enumVarnames, rangeLength
    }

    /// Keywords that apply to strings only, and to numbers only.
    static let stringOnly: [Keyword] = [.pattern, .minLength, .maxLength, .rangeLength]
    static let numberOnly: [Keyword] = [.minimum, .maximum]

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
    /// Sorts a schema's entries into their keywords and reports every key the dialect does not know.
    mutating func schemaKeywords(_ entries: MappingEntries) -> SchemaKeywords {
        var found = SchemaKeywords(entries)
        for position in entries.indices {
            let keyNode = entries[position].key
            guard let key = keyNode.scalarText else {
                diagnostics.error("keys of a schema must be strings", at: keyNode.mark)
                continue
            }
            let keyword: SchemaKeywords.Keyword
            switch key {
            case "type": keyword = .type
            case "properties": keyword = .properties
            case "required": keyword = .required
            case "items": keyword = .items
            case "enum": keyword = .enumValues
            case "const": keyword = .constValue
            case "default": keyword = .defaultValue
            case "description": keyword = .description
            case "title": keyword = .title
            case "format": keyword = .format
            case "pattern": keyword = .pattern
            case "minLength": keyword = .minLength
            case "maxLength": keyword = .maxLength
            case "minimum": keyword = .minimum
            case "maximum": keyword = .maximum
            case "dependentRequired": keyword = .dependentRequired
            case "allOf": keyword = .allOf
            case "oneOf": keyword = .oneOf
            case "anyOf": keyword = .anyOf
            case "$ref": keyword = .reference
            case "additionalProperties": keyword = .additionalProperties
            case "x-pixel-size-equals": keyword = .pixelSizeEquals
            case "x-enum-varnames": keyword = .enumVarnames
            case "x-range-length": keyword = .rangeLength
            case "example", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "externalDocs",
                "contentMediaType":
                continue
            default:
                if !key.hasPrefix("x-") {
                    diagnostics.error("unsupported keyword '\(key)' in a schema", at: keyNode.mark)
                }
                continue
            }
            found.set(keyword, at: position)
        }
        return found
    }
}
