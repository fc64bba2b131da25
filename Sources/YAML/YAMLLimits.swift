/// Limits that keep hostile input cheap.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings allowed, counting the nodes that aliases copy in.
    public var maxDepth: Int
    /// The most nodes that alias expansion may copy into a document, summed over every alias.
    public var maxAliasNodes: Int

    /// Creates limits; the defaults suit any real OpenAPI document.
    public init(maxDepth: Int = 256, maxAliasNodes: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    /// A depth of 256 and one million alias nodes.
    public static let `default` = YAMLLimits()
}
