/// A parsed YAML document: every node, child list and scalar text in three flat arrays.
///
/// A `Node` is a handle into this storage, so building, copying and freeing a tree of millions of nodes costs a few
/// large allocations instead of one per node, and an alias shares its anchor's subtree instead of copying it.
public final class Document: Sendable {
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
