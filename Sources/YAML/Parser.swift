/// Reads YAML bytes into a node tree.
public enum YAMLParser {
    /// Parses one YAML document into a node tree; nil for a stream with no document (empty file / only comments).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> Node? {
        guard !bytes.isEmpty else { return try parse(UnsafeBufferPointer(start: emptyInput, count: 0), limits: limits) }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> Node? in
            try parse(input, limits: limits)
        }
    }

    /// libyaml wants a non-null pointer even for no bytes.
    private nonisolated(unsafe) static let emptyInput = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    private static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) throws(YAMLError) -> Node? {
        let events = try EventParser(input: input)
        var builder = TreeBuilder(limits: limits, inputSize: input.count)
        return try builder.build(from: events)
    }
}
