extension Node {
    /// The scalar, or nil unless this node is a scalar.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { scalar } else { nil }
    }

    /// The items, or nil unless this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { items } else { nil }
    }

    /// The entries in document order, or nil unless this node is a mapping.
    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { entries } else { nil }
    }

    /// The value of the first entry whose key is a scalar with text `key` (a linear scan); nil if none or not a mapping.
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        for entry in entries {
            if case .scalar(let scalar) = entry.key.content, scalar.text == key {
                return entry.value
            }
        }
        return nil
    }

    /// "a scalar", "a sequence" or "a mapping", for messages.
    public var kindName: String {
        switch content {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
