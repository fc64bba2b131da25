/// One node of a parsed YAML document, with the place it starts in the source.
public struct Node: Sendable {
    /// The node's content: a scalar, a sequence or a mapping.
    public enum Content: Sendable {
        /// A scalar value with its text and style.
        case scalar(Scalar)
        /// A sequence, in document order.
        case sequence([Node])
        /// A mapping, in document order (keys are unique).
        case mapping([MappingEntry])
    }

    /// Where the node starts (for an alias: where the alias `*name` appears).
    public var mark: Mark
    /// What the node holds.
    public var content: Content

    /// Creates a node.
    public init(mark: Mark, content: Content) {
        self.mark = mark
        self.content = content
    }
}

/// One key/value pair of a mapping.
public struct MappingEntry: Sendable {
    /// The key node (a scalar in every OpenAPI document).
    public var key: Node
    /// The value node.
    public var value: Node

    /// Creates an entry.
    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
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
