import YAML

/// The keywords of one schema mapping, found in a single pass over its entries.
///
/// A schema is the most frequent mapping in a spec; looking each keyword up with its own scan cost about twenty
/// scans per schema.
struct SchemaKeywords {
    var type: MappingEntry?
    var properties: MappingEntry?
    var required: MappingEntry?
    var items: MappingEntry?
    var enumValues: MappingEntry?
    var constValue: MappingEntry?
    var defaultValue: MappingEntry?
    var description: MappingEntry?
    var title: MappingEntry?
    var format: MappingEntry?
    var pattern: MappingEntry?
    var minLength: MappingEntry?
    var maxLength: MappingEntry?
    var minimum: MappingEntry?
    var maximum: MappingEntry?
    var dependentRequired: MappingEntry?
    var allOf: MappingEntry?
    var oneOf: MappingEntry?
    var anyOf: MappingEntry?
    var reference: MappingEntry?
    var additionalProperties: MappingEntry?
    var pixelSizeEquals: MappingEntry?
    var enumVarnames: MappingEntry?
    var rangeLength: MappingEntry?
}

extension SpecLoader {
    /// Sorts a schema's entries into their keywords and reports every key the dialect does not know.
    mutating func schemaKeywords(_ entries: MappingEntries) -> SchemaKeywords {
        var found = SchemaKeywords()
        for entry in entries {
            guard let key = entry.key.scalarText else {
                diagnostics.error("keys of a schema must be strings", at: entry.key.mark)
                continue
            }
            switch key {
            case "type": found.type = entry
            case "properties": found.properties = entry
            case "required": found.required = entry
            case "items": found.items = entry
            case "enum": found.enumValues = entry
            case "const": found.constValue = entry
            case "default": found.defaultValue = entry
            case "description": found.description = entry
            case "title": found.title = entry
            case "format": found.format = entry
            case "pattern": found.pattern = entry
            case "minLength": found.minLength = entry
            case "maxLength": found.maxLength = entry
            case "minimum": found.minimum = entry
            case "maximum": found.maximum = entry
            case "dependentRequired": found.dependentRequired = entry
            case "allOf": found.allOf = entry
            case "oneOf": found.oneOf = entry
            case "anyOf": found.anyOf = entry
            case "$ref": found.reference = entry
            case "additionalProperties": found.additionalProperties = entry
            case "x-pixel-size-equals": found.pixelSizeEquals = entry
            case "x-enum-varnames": found.enumVarnames = entry
            case "x-range-length": found.rangeLength = entry
            case "example", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "externalDocs",
                "contentMediaType":
                continue
            default:
                if !key.hasPrefix("x-") {
                    diagnostics.error("unsupported keyword '\(key)' in a schema", at: entry.key.mark)
                }
            }
        }
        return found
    }
}
