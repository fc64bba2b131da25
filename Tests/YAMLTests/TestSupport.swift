import Testing
import YAML

/// Parses UTF-8 text with the given limits.
func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> Node? {
    try YAMLParser.parse(Array(text.utf8), limits: limits)
}

/// Parses text that must hold a document and returns its root.
func root(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Node {
    try #require(try parse(text), sourceLocation: sourceLocation)
}

/// The error parsing `bytes` throws, or nil if it parses.
func parseError(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The error parsing `text` throws, or nil if it parses.
func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    parseError(bytes: Array(text.utf8), limits: limits)
}

extension Node {
    /// The text of a scalar node, or nil.
    var text: String? { scalar?.text }

    /// The item at `index` of a sequence node, or nil.
    subscript(index: Int) -> Node? {
        guard let items = sequence, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
