/// The items of a sequence node, in document order.
public struct SequenceItems: RandomAccessCollection, Sendable {
    let document: Document
    let base: Int

    /// Zero.
    public let startIndex = 0
    /// The number of items.
    public let endIndex: Int

    init(document: Document, record: Document.Record) {
        self.document = document
        self.base = Int(record.start)
        self.endIndex = Int(record.count)
    }

    /// The item at `position`.
    public subscript(position: Int) -> Node {
        precondition(position >= 0 && position < endIndex, "sequence index out of range")
        return Node(document: document, index: document.children[base + position])
    }
}

/// One key/value pair of a mapping.
public struct MappingEntry: Sendable {
    /// The key node (a scalar in every OpenAPI document).
    public var key: Node
    /// The value node.
    public var value: Node
}

/// The entries of a mapping node, in document order (keys are unique).
public struct MappingEntries: RandomAccessCollection, Sendable {
    let document: Document
    let base: Int

    /// Zero.
    public let startIndex = 0
    /// The number of entries.
    public let endIndex: Int

    init(document: Document, record: Document.Record) {
        self.document = document
        self.base = Int(record.start)
        self.endIndex = Int(record.count) / 2
    }

    /// The entry at `position`.
    public subscript(position: Int) -> MappingEntry {
        precondition(position >= 0 && position < endIndex, "mapping index out of range")
        let children = document.children
        let slot = base + 2 * position
        return MappingEntry(
            key: Node(document: document, index: children[slot]),
            value: Node(document: document, index: children[slot + 1]))
    }

    /// The value of the first entry whose key is a scalar with text `key`; nil if none.
    public subscript(key: String) -> Node? {
        position(of: key).map { Node(document: document, index: document.children[base + 2 * $0 + 1]) }
    }

    /// The key node of the entry whose key is a scalar with text `key` (for marks); nil if none.
    public func keyNode(_ key: String) -> Node? {
        position(of: key).map { Node(document: document, index: document.children[base + 2 * $0]) }
    }

    /// The position of the entry whose key is a scalar with text `key`, comparing UTF-8 bytes in place.
    public func position(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            for position in 0..<endIndex where document.scalarBytesEqual(document.children[base + 2 * position], wanted)
            {
                return position
            }
            return nil
        }
    }
}
