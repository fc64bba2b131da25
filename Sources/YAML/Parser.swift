/// Reads YAML bytes into a node tree.
public enum YAMLParser {
    /// Inputs at least this large are parsed on two threads (libyaml on one, the tree on the caller's).
    static let pipelineThreshold = 1 << 20

    /// Parses one YAML document into a node tree; nil for a stream with no document (empty file / only comments).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> Node? {
        try parse(bytes, limits: limits, pipelined: bytes.count >= pipelineThreshold)
    }

    /// Parses on one thread or, when `pipelined`, on two; both give the same document and the same errors.
    static func parse(_ bytes: [UInt8], limits: YAMLLimits, pipelined: Bool) throws(YAMLError) -> Node? {
        guard !bytes.isEmpty else {
            return try parse(UnsafeBufferPointer(start: emptyInput, count: 0), limits: limits, pipelined: false)
        }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> Node? in
            try parse(input, limits: limits, pipelined: pipelined)
        }
    }

    /// libyaml wants a non-null pointer even for no bytes.
    private nonisolated(unsafe) static let emptyInput = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    private static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, pipelined: Bool)
        throws(YAMLError) -> Node?
    {
        var builder = TreeBuilder(limits: limits, inputSize: input.count)
        if pipelined {
            return try PipelinedParse.parse(input, builder: &builder)
        }
        return try builder.build(from: EventParser(input: input))
    }
}
