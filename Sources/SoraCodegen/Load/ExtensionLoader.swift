import YAML

/// The operation extensions `x-polling` and `x-pagination`, which ask for generated helpers.
extension SpecLoader {
    mutating func loadPolling(_ node: Node) -> PollingExtension? {
        guard let entries = mapping(node, "'x-polling'") else { return nil }
        checkKeys(entries, allowed: ["method", "status", "terminal", "intervalHeader"], in: "'x-polling'")
        guard let method = identifier(entries, "method", in: "'x-polling'", at: node),
            let status = required(entries, "status", in: "'x-polling'", at: node)
        else { return nil }
        let terminal = entries["terminal"].map { strings($0, "'x-polling.terminal'") } ?? []
        if terminal.isEmpty { diagnostics.error("'x-polling' needs 'terminal' states", at: node.mark) }
        return PollingExtension(
            method: method, status: status, terminal: terminal,
            intervalHeader: entries["intervalHeader"].flatMap { string($0, "'x-polling.intervalHeader'") },
            mark: node.mark)
    }

    mutating func loadPagination(_ node: Node) -> PaginationExtension? {
        guard let entries = mapping(node, "'x-pagination'") else { return nil }
        checkKeys(
            entries, allowed: ["method", "items", "cursorParameter", "nextCursor", "hasMore"], in: "'x-pagination'")
        guard let method = identifier(entries, "method", in: "'x-pagination'", at: node),
            let items = required(entries, "items", in: "'x-pagination'", at: node),
            let cursor = required(entries, "cursorParameter", in: "'x-pagination'", at: node),
            let next = required(entries, "nextCursor", in: "'x-pagination'", at: node),
            let hasMore = required(entries, "hasMore", in: "'x-pagination'", at: node)
        else { return nil }
        return PaginationExtension(
            method: method, items: items, cursorParameter: cursor, nextCursor: next, hasMore: hasMore, mark: node.mark)
    }

    private mutating func required(_ entries: MappingEntries, _ key: String, in what: String, at node: Node) -> String?
    {
        guard let value = entries[key] else {
            diagnostics.error("\(what) needs '\(key)'", at: node.mark)
            return nil
        }
        return string(value, "'\(key)'")
    }

    private mutating func identifier(_ entries: MappingEntries, _ key: String, in what: String, at node: Node)
        -> String?
    {
        guard let name = required(entries, key, in: what, at: node) else { return nil }
        guard SwiftNames.isPlainIdentifier(name) else {
            diagnostics.error("\(what).\(key) must be a Swift identifier, found '\(name)'", at: entries[key]!.mark)
            return nil
        }
        return name
    }
}
