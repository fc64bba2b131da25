/// Reads YAML bytes into a `Node` tree.
public enum YAMLParser {
    /// Parses one YAML document into a node tree; nil for a stream with no document (empty file / only comments).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> Node? {
        let events = try EventParser(bytes: bytes)
        var builder = TreeBuilder(limits: limits)
        return try builder.build(from: events)
    }
}

/// Builds the node tree from libyaml events with an explicit stack of open collections (no recursion).
struct TreeBuilder {
    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        var mark: Mark
        var isMapping: Bool
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        /// The texts of the scalar keys, kept once the mapping is too large for a linear duplicate check.
        var keyTexts: Set<String>?
        /// Nodes in this subtree so far, counting the collection itself and everything aliases copied in.
        var nodeCount = 1
        /// Levels of collections in this subtree so far, the collection itself being one.
        var height = 1
    }

    /// An anchored node, with the numbers the limits need when an alias copies it.
    private struct Anchored {
        var node: Node
        var nodeCount: Int
        var height: Int
    }

    /// Mappings with fewer entries than this look for duplicate keys by a linear scan.
    private static let linearKeyLimit = 16

    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasNodes = 0
    private var root: Node?

    /// Creates a builder that enforces `limits`.
    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Consumes every event and returns the single document's root, or nil for a stream without documents.
    mutating func build(from events: EventParser) throws(YAMLError) -> Node? {
        var sawDocument = false
        while true {
            let (event, mark) = try events.next()
            switch event {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return root
            case .documentStart:
                if sawDocument {
                    throw YAMLError("expected a single YAML document, found a second one", at: mark)
                }
                sawDocument = true
            case .scalar(let scalar, let anchor):
                try add(Node(mark: mark, content: .scalar(scalar)), nodeCount: 1, height: 0, anchor: anchor)
            case .alias(let name):
                try addAlias(name, at: mark)
            case .sequenceStart(let anchor):
                try open(Frame(mark: mark, isMapping: false, anchor: anchor))
            case .mappingStart(let anchor):
                try open(Frame(mark: mark, isMapping: true, anchor: anchor))
            case .sequenceEnd:
                let frame = stack.removeLast()
                let node = Node(mark: frame.mark, content: .sequence(frame.items))
                try add(node, nodeCount: frame.nodeCount, height: frame.height, anchor: frame.anchor)
            case .mappingEnd:
                let frame = stack.removeLast()
                let node = Node(mark: frame.mark, content: .mapping(frame.entries))
                try add(node, nodeCount: frame.nodeCount, height: frame.height, anchor: frame.anchor)
            }
        }
    }

    /// Pushes a collection, refusing one that would nest deeper than the limit.
    private mutating func open(_ frame: Frame) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw depthError(at: frame.mark)
        }
        stack.append(frame)
    }

    /// Copies the anchored node in, charging its node count to the alias budget.
    private mutating func addAlias(_ name: String, at mark: Mark) throws(YAMLError) {
        guard let anchored = anchors[name] else {
            throw YAMLError("unknown alias '\(name)'", at: mark)
        }
        guard anchored.height <= limits.maxDepth - stack.count else {
            throw depthError(at: mark)
        }
        guard anchored.nodeCount <= limits.maxAliasNodes - aliasNodes else {
            throw YAMLError(
                "alias expansion exceeds \(limits.maxAliasNodes) nodes (possible \"billion laughs\")",
                at: mark
            )
        }
        aliasNodes += anchored.nodeCount
        var node = anchored.node
        node.mark = mark
        try add(node, nodeCount: anchored.nodeCount, height: anchored.height, anchor: nil)
    }

    /// Records a finished node's anchor and hands the node to the innermost open collection (or makes it the root).
    private mutating func add(_ node: Node, nodeCount: Int, height: Int, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, nodeCount: nodeCount, height: height)
        }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        let (sum, overflow) = stack[top].nodeCount.addingReportingOverflow(nodeCount)
        stack[top].nodeCount = overflow ? Int.max : sum
        if height >= stack[top].height {
            stack[top].height = height + 1
        }
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey.take() {
            stack[top].entries.append(MappingEntry(key: key, value: node))
        } else {
            try checkNewKey(node, inFrame: top)
            stack[top].pendingKey = node
        }
    }

    /// Throws when a scalar key repeats one already in the mapping: linear for small mappings, a set for large ones.
    private mutating func checkNewKey(_ key: Node, inFrame top: Int) throws(YAMLError) {
        guard case .scalar(let scalar) = key.content else { return }
        let text = scalar.text
        let isDuplicate: Bool
        if stack[top].keyTexts != nil {
            isDuplicate = !stack[top].keyTexts!.insert(text).inserted
        } else if stack[top].entries.count < Self.linearKeyLimit {
            isDuplicate = stack[top].entries.contains { entry in
                if case .scalar(let other) = entry.key.content { other.text == text } else { false }
            }
        } else {
            var texts = Set<String>(minimumCapacity: stack[top].entries.count * 2)
            for entry in stack[top].entries {
                if case .scalar(let other) = entry.key.content {
                    texts.insert(other.text)
                }
            }
            isDuplicate = !texts.insert(text).inserted
            stack[top].keyTexts = texts
        }
        if isDuplicate {
            throw YAMLError("duplicate key '\(text)'", at: key.mark)
        }
    }

    /// The error for nesting past `limits.maxDepth`.
    private func depthError(at mark: Mark) -> YAMLError {
        YAMLError("nesting is deeper than \(limits.maxDepth) levels", at: mark)
    }
}
