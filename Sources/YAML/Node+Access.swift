extension Node {
    /// The scalar, or nil unless this node is a scalar.
    public var scalar: Scalar? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return Scalar(text: document.string(record), style: record.style, isExplicitString: record.isExplicitString)
    }

    /// The scalar's text, or nil unless this node is a scalar (cheaper than `scalar?.text`).
    public var scalarText: String? {
        let record = record
        return record.kind == .scalar ? document.string(record) : nil
    }

    /// True for a scalar that the core schema resolves to null: plain and untagged `null`, `Null`, `NULL`, `~` or
    /// nothing. Decided on the bytes, without making a String.
    public var isNull: Bool {
        let record = record
        guard record.kind == .scalar, record.style == .plain, !record.isExplicitString else { return false }
        switch record.count {
        case 0: return true
        case 1: return document.text[Int(record.start)] == UInt8(ascii: "~")
        case 4: return isScalar("null") || isScalar("Null") || isScalar("NULL")
        default: return false
        }
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

    /// The same node through a new owner object that shares this document's storage (nothing is copied).
    ///
    /// Every node handle retains its owner, so two threads walking one document contend on one reference count;
    /// give the second thread its own handle and each thread counts on its own object.
    public func withSeparateOwner() -> Node {
        Node(
            document: Document(records: document.records, children: document.children, text: document.text),
            index: index)
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
