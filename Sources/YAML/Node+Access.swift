extension Node {
    /// The scalar, or nil unless this node is a scalar.
    public var scalar: Scalar? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return Scalar(text: document.string(record), style: record.style, isExplicitString: record.isExplicitString)
    }

    /// The items, or nil unless this node is a sequence.
    public var sequence: SequenceItems? {
        let record = record
        return record.kind == .sequence ? SequenceItems(document: document, record: record) : nil
    }

    /// The entries in document order, or nil unless this node is a mapping.
    public var mapping: MappingEntries? {
        let record = record
        return record.kind == .mapping ? MappingEntries(document: document, record: record) : nil
    }

    /// The value of the entry whose key is a scalar with text `key`; nil if none or not a mapping.
    public subscript(key: String) -> Node? {
        mapping?[key]
    }

    /// True when this is a scalar whose text is exactly `text`, compared without making a String.
    public func isScalar(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { document.scalarBytesEqual(index, $0) }
    }

    /// "a scalar", "a sequence" or "a mapping", for messages.
    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
