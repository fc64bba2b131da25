/// Builds a `Document` from libyaml events with an explicit stack of open collections (no recursion).
///
/// Children of open collections wait on one shared scratch stack and move to the document's child array, exactly
/// sized, when their collection ends; so a collection costs no allocation of its own.
struct TreeBuilder {
    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        var line: UInt32
        var column: UInt32
        var kind: Node.Kind
        var anchor: String?
        /// Where this collection's children start on the scratch stack.
        var scratchStart: Int
        /// The UTF-8 bytes of the scalar keys, kept once the mapping is too large for a linear duplicate check (keys
        /// are compared as bytes at every size, as look-ups do; `String` equality would merge canonically
        /// equivalent spellings).
        var keyTexts: Set<[UInt8]>?
        /// Nodes in this subtree so far, counting the collection itself and everything aliases copied in.
        var nodeCount = 1
        /// Levels of collections in this subtree so far, the collection itself being one.
        var height = 1
    }

    /// An anchored node, with the numbers the limits need when an alias copies it.
    private struct Anchored {
        var index: UInt32
        var nodeCount: Int
        var height: Int
    }

    /// Mappings with fewer entries than this look for duplicate keys by a linear scan.
    private static let linearKeyLimit = 16

    private let limits: YAMLLimits
    private var records: [Document.Record] = []
    private var children: [UInt32] = []
    private var text: [UInt8] = []
    private var scratch: [UInt32] = []
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasNodes = 0
    private var hasRoot = false
    private var sawDocument = false

    /// Creates a builder that enforces `limits`, with room for a typical document of `inputSize` bytes.
    init(limits: YAMLLimits, inputSize: Int) {
        self.limits = limits
        // Typical OpenAPI YAML has a node per ~13 bytes and half its bytes in scalars; capped so that a huge input
        // of comments does not reserve gigabytes up front (the arrays still grow as needed).
        let nodes = min(inputSize / 10, 1 << 22) + 16
        records.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        text.reserveCapacity(min(inputSize / 2, 1 << 27) + 16)
        scratch.reserveCapacity(256)
    }

    /// Consumes every event of a parser on this thread and returns the single document's root, or nil for a stream
    /// without documents.
    mutating func build(from events: EventParser) throws(YAMLError) -> Node? {
        while true {
            let (event, scalar, anchor) = try events.nextEvent()
            if case .finished(let root) = try handle(event, scalar: scalar, anchor: anchor) { return root }
        }
    }

    /// What the builder needs after an event.
    enum Step {
        /// More events.
        case more
        /// The stream ended; the document's root, or nil when the stream held no document.
        case finished(Node?)
    }

    /// Applies one event; `scalar` is the text of a scalar event, `anchor` the name of its `&anchor` or `*alias`.
    mutating func handle(_ event: ParsedEvent, scalar: UnsafeBufferPointer<UInt8>, anchor: String?)
        throws(YAMLError) -> Step
    {
        let position = (line: event.line, column: event.column)
        switch event.kind {
        case .streamStart, .documentEnd:
            break
        case .streamEnd:
            guard hasRoot else { return .finished(nil) }
            return .finished(Document(records: records, children: children, text: text).root)
        case .documentStart:
            if sawDocument {
                throw YAMLError("expected a single YAML document, found a second one", at: mark(position))
            }
            sawDocument = true
        case .scalar:
            guard text.count <= Int(UInt32.max) - scalar.count else { throw tooLarge(at: position) }
            let start = UInt32(text.count)
            text.append(contentsOf: scalar)
            let record = Document.Record(
                line: event.line, column: event.column, start: start, count: UInt32(scalar.count),
                kind: .scalar, style: event.style, isExplicitString: event.isExplicitString)
            try add(record, nodeCount: 1, height: 0, anchor: anchor)
        case .alias:
            try addAlias(anchor ?? "", at: position)
        case .sequenceStart, .mappingStart:
            guard stack.count < limits.maxDepth else { throw depthError(at: mark(position)) }
            stack.append(
                Frame(
                    line: event.line, column: event.column,
                    kind: event.kind == .mappingStart ? .mapping : .sequence,
                    anchor: anchor, scratchStart: scratch.count))
        case .sequenceEnd, .mappingEnd:
            let frame = stack.removeLast()
            let count = scratch.count - frame.scratchStart
            guard children.count <= Int(UInt32.max) - count else { throw tooLarge(at: position) }
            let start = UInt32(children.count)
            children.append(contentsOf: scratch[frame.scratchStart...])
            scratch.removeLast(count)
            let record = Document.Record(
                line: frame.line, column: frame.column, start: start, count: UInt32(count), kind: frame.kind,
                style: .plain, isExplicitString: false)
            try add(record, nodeCount: frame.nodeCount, height: frame.height, anchor: frame.anchor)
        }
        return .more
    }

    /// Adds a node that shares the anchored node's content, charging its node count to the alias budget.
    private mutating func addAlias(_ name: String, at position: (line: UInt32, column: UInt32)) throws(YAMLError) {
        guard let anchored = anchors[name] else {
            throw YAMLError("unknown alias '\(name)'", at: mark(position))
        }
        guard anchored.height <= limits.maxDepth - stack.count else {
            throw depthError(at: mark(position))
        }
        guard anchored.nodeCount <= limits.maxAliasNodes - aliasNodes else {
            throw YAMLError(
                "alias expansion exceeds \(limits.maxAliasNodes) nodes (possible \"billion laughs\")",
                at: mark(position)
            )
        }
        aliasNodes += anchored.nodeCount
        var record = records[Int(anchored.index)]
        record.line = position.line
        record.column = position.column
        try add(record, nodeCount: anchored.nodeCount, height: anchored.height, anchor: nil)
    }

    /// Stores a finished node, records its anchor and hands it to the innermost open collection (or makes it the
    /// root).
    private mutating func add(_ record: Document.Record, nodeCount: Int, height: Int, anchor: String?)
        throws(YAMLError)
    {
        guard records.count < Int(UInt32.max) else { throw tooLarge(at: (record.line, record.column)) }
        let index = UInt32(records.count)
        records.append(record)
        if let anchor {
            anchors[anchor] = Anchored(index: index, nodeCount: nodeCount, height: height)
        }
        guard !stack.isEmpty else {
            hasRoot = true
            return
        }
        let top = stack.count - 1
        let (sum, overflow) = stack[top].nodeCount.addingReportingOverflow(nodeCount)
        stack[top].nodeCount = overflow ? Int.max : sum
        if height >= stack[top].height {
            stack[top].height = height + 1
        }
        if stack[top].kind == .mapping, (scratch.count - stack[top].scratchStart) % 2 == 0 {
            try checkNewKey(record, inFrame: top)
        }
        scratch.append(index)
    }

    /// Throws when a scalar key repeats one already in the mapping: linear for small mappings, a set for large ones.
    private mutating func checkNewKey(_ key: Document.Record, inFrame top: Int) throws(YAMLError) {
        guard key.kind == .scalar else { return }
        let start = stack[top].scratchStart
        let entries = (scratch.count - start) / 2
        let isDuplicate: Bool
        if stack[top].keyTexts != nil {
            // Made before `stack` is mutated, so that `self` is not copied to read `text` during the mutation.
            let keyText = key.bytes(in: text)
            isDuplicate = !stack[top].keyTexts!.insert(keyText).inserted
        } else if entries < Self.linearKeyLimit {
            // A plain loop: a closure here would capture (copy) the whole builder on every key.
            var found = false
            var slot = start
            while slot < scratch.count, !found {
                found = Self.sameScalarText(records[Int(scratch[slot])], key, in: text)
                slot += 2
            }
            isDuplicate = found
        } else {
            var texts = Set<[UInt8]>(minimumCapacity: entries * 2)
            for slot in stride(from: start, to: scratch.count, by: 2) {
                let other = records[Int(scratch[slot])]
                if other.kind == .scalar { texts.insert(other.bytes(in: text)) }
            }
            isDuplicate = !texts.insert(key.bytes(in: text)).inserted
            stack[top].keyTexts = texts
        }
        if isDuplicate {
            throw YAMLError(
                "duplicate key '\(key.string(in: text))'", at: Mark(line: Int(key.line), column: Int(key.column)))
        }
    }

    /// True when both records are scalars with the same text bytes.
    private static func sameScalarText(_ lhs: Document.Record, _ rhs: Document.Record, in text: [UInt8]) -> Bool {
        guard lhs.kind == .scalar, lhs.count == rhs.count else { return false }
        if lhs.start == rhs.start { return true }
        var left = Int(lhs.start)
        var right = Int(rhs.start)
        let end = left + Int(lhs.count)
        while left < end {
            if text[left] != text[right] { return false }
            left += 1
            right += 1
        }
        return true
    }

    private func mark(_ position: (line: UInt32, column: UInt32)) -> Mark {
        Mark(line: Int(position.line), column: Int(position.column))
    }

    /// The error for nesting past `limits.maxDepth`.
    private func depthError(at mark: Mark) -> YAMLError {
        YAMLError("nesting is deeper than \(limits.maxDepth) levels", at: mark)
    }

    /// The error for a document whose text or node count does not fit 32-bit offsets.
    private func tooLarge(at position: (line: UInt32, column: UInt32)) -> YAMLError {
        YAMLError("the document is too large: more than 4 GiB of text or 4 billion nodes", at: mark(position))
    }
}
