/// A parsed YAML document: every node, child list and scalar text in three flat arrays.
///
/// A `Node` is a handle into this storage, so building, copying and freeing a tree of millions of nodes costs a few
/// large allocations instead of one per node, and an alias shares its anchor's subtree instead of copying it.
final class Document: Sendable {
    /// One node: its kind, scalar style, start mark, and a range into `text` (scalars) or `children` (collections).
    struct Record {
        var line: UInt32
        var column: UInt32
        var start: UInt32
        var count: UInt32
        var kind: Node.Kind
        var style: ScalarStyle
        var isExplicitString: Bool
    }

    let records: [Record]
    /// Child node indices; a mapping's children alternate key, value.
    let children: [UInt32]
    /// The UTF-8 text of every scalar, back to back.
    let text: [UInt8]

    init(records: [Record], children: [UInt32], text: [UInt8]) {
        self.records = records
        self.children = children
        self.text = text
    }

    /// The root node (the last one finished).
    var root: Node { Node(document: self, index: UInt32(records.count - 1)) }
}

extension Document {
    /// True when node `index` is a scalar whose text is exactly `bytes`.
    func scalarBytesEqual(_ index: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, Int(record.count) == bytes.count else { return false }
        return text.withUnsafeBufferPointer { all in
            var offset = Int(record.start)
            for byte in bytes {
                if all[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }

    /// The text of scalar record `record` as a String.
    func string(_ record: Record) -> String {
        record.string(in: text)
    }
}

extension Document.Record {
    /// A scalar record's text, read from `text` (the document's scalar bytes, or the builder's while it builds).
    func string(in text: [UInt8]) -> String {
        text.withUnsafeBufferPointer { all in
            String(decoding: all[Int(start)..<Int(start) + Int(count)], as: UTF8.self)
        }
    }

    /// A scalar record's bytes, copied out of `text`.
    func bytes(in text: [UInt8]) -> [UInt8] {
        Array(text[Int(start)..<Int(start) + Int(count)])
    }
}
