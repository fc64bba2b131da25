/// Which operations to generate: those with one of `tags`, one of `operations` (operationIds) or one of `paths`.
///
/// The three lists combine as a union. An empty filter selects every operation.
public struct OperationFilter: Sendable, Hashable {
    /// Tags, compared without regard to case (`Videos` matches `videos`).
    public var tags: [String]
    /// operationIds, compared exactly.
    public var operations: [String]
    /// Path templates as written in `paths` (`/videos/{video_id}`); a trailing `*` matches every path that
    /// starts with what comes before it (`/videos*`).
    public var paths: [String]

    /// Creates a filter; empty lists select nothing by themselves.
    public init(tags: [String] = [], operations: [String] = [], paths: [String] = []) {
        self.tags = tags
        self.operations = operations
        self.paths = paths
    }

    /// True when no list has an entry: every operation is generated.
    public var isEmpty: Bool { tags.isEmpty && operations.isEmpty && paths.isEmpty }

    /// True when the operation matches any entry of any list.
    func selects(_ operation: Operation) -> Bool {
        operations.contains(operation.operationID)
            || operation.tags.contains { tag in tags.contains { $0.lowercased() == tag.lowercased() } }
            || paths.contains { Self.matches(pattern: $0, path: operation.path) }
    }

    static func matches(pattern: String, path: String) -> Bool {
        guard pattern.hasSuffix("*") else { return pattern == path }
        return path.hasPrefix(pattern.dropLast())
    }
}
