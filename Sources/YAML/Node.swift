/// One node of a parsed YAML document, with the place it starts in the source.
///
/// A node is a small handle (the document and a position in it); copying one copies no content.
public struct Node: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable, Hashable {
        /// A scalar.
        case scalar
        /// A sequence.
        case sequence
        /// A mapping.
        case mapping
    }

    /// The node's content: a scalar, a sequence or a mapping.
    public enum Content: Sendable {
        /// A scalar value with its text and style.
        case scalar(Scalar)
        /// A sequence, in document order.
        case sequence(SequenceItems)
        /// A mapping, in document order (keys are unique).
        case mapping(MappingEntries)
    }

    let document: Document
    let index: UInt32

    init(document: Document, index: UInt32) {
        self.document = document
        self.index = index
    }

    var record: Document.Record { document.records[Int(index)] }

    /// Where the node starts (for an alias: where the alias `*name` appears).
    public var mark: Mark {
        let record = record
        return Mark(line: Int(record.line), column: Int(record.column))
    }

    /// Whether the node is a scalar, a sequence or a mapping.
    public var kind: Kind { record.kind }

    /// What the node holds.
    public var content: Content {
        switch kind {
        case .scalar: .scalar(scalar!)
        case .sequence: .sequence(sequence!)
        case .mapping: .mapping(mapping!)
        }
    }
}

/// How a scalar was written in the source.
public enum ScalarStyle: UInt8, Sendable, Hashable {
    /// Unquoted.
    case plain
    /// `'…'`.
    case singleQuoted
    /// `"…"`.
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded
}

/// A scalar's text as written (after YAML unescaping and folding) and its style.
public struct Scalar: Sendable, Hashable {
    /// The scalar's text after YAML processing (escapes resolved, blocks folded).
    public var text: String
    /// How the scalar was written.
    public var style: ScalarStyle
    /// True when the scalar carried an explicit non-specific or `!!str` tag that forces a string.
    public var isExplicitString: Bool

    /// Creates a scalar.
    public init(text: String, style: ScalarStyle, isExplicitString: Bool = false) {
        self.text = text
        self.style = style
        self.isExplicitString = isExplicitString
    }
}

/// A scalar resolved with the YAML 1.2 JSON-compatible core schema.
public enum ScalarValue: Sendable, Hashable {
    /// `null`, `Null`, `NULL`, `~` or empty, when plain.
    case null
    /// `true`/`false` in their core-schema spellings, when plain.
    case bool(Bool)
    /// An integer of any size, as canonical base-10 digits with an optional leading `-`
    /// (`0x1F` → `"31"`, `0o17` → `"15"`, `+5` → `"5"`, `-0` → `"0"`).
    case integer(String)
    /// A floating-point number (`1.5`, `1e3`, `.inf`, `-.inf`, `.nan`).
    case float(Double)
    /// Anything else, and every quoted or block scalar.
    case string(String)
}
