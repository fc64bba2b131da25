/// The named schemas and the Swift names they get, with collisions reported once.
struct TypeTable {
    /// Named schemas by spec name.
    private(set) var schemas: [String: NamedSchema] = [:]
    /// Swift type names by spec name.
    private(set) var swiftNames: [String: String] = [:]

    init(_ document: SpecDocument, clientName: String, diagnostics: inout DiagnosticBag) {
        // Swift name → spec name of the schema that took it (the client type's name is taken from the start).
        var owners: [String: String] = [:]
        owners.reserveCapacity(document.schemas.count)
        schemas.reserveCapacity(document.schemas.count)
        swiftNames.reserveCapacity(document.schemas.count)
        for named in document.schemas {
            schemas[named.name] = named
            var swiftName = SwiftNames.typeName(named.name)
            if SwiftNames.reservedTypeNames.contains(swiftName) {
                diagnostics.warning(
                    "schema '\(named.name)' is generated as '\(swiftName)Model' so it does not shadow Swift's or the "
                        + "runtime's '\(swiftName)'", at: named.mark)
                swiftName += "Model"
            }
            swiftNames[named.name] = swiftName
            let owner =
                swiftName == clientName
                ? "the client type (info.x-client-name)" : owners[swiftName].map { "schema '\($0)'" }
            if let owner {
                diagnostics.error(
                    "schema '\(named.name)' becomes the Swift type '\(swiftName)', which \(owner) already has",
                    at: named.mark)
            } else {
                owners[swiftName] = named.name
            }
        }
    }

    /// The Swift name of a named schema.
    func swiftName(_ name: String) -> String {
        swiftNames[name] ?? SwiftNames.typeName(name)
    }

    /// Follows `$ref` aliases to the schema that defines a value (nil for a loop).
    func resolved(_ schema: Schema) -> Schema? {
        guard case .reference = schema.kind else { return schema }
        var current = schema
        var seen = LoopGuard()
        while case .reference(let name) = current.kind {
            guard seen.insert(name), let target = schemas[name] else { return nil }
            current = target.schema
        }
        return current
    }

    /// True when the schema or any alias on the way to its target allows `null` (`Maybe: {anyOf: [$ref Base,
    /// null]}` makes every use of `Maybe` optional, though it resolves to `Base`).
    func isNullable(_ schema: Schema) -> Bool {
        var current = schema
        var seen = LoopGuard()
        while true {
            if current.isNullable { return true }
            guard case .reference(let name) = current.kind, seen.insert(name), let target = schemas[name] else {
                return false
            }
            current = target.schema
        }
    }

    /// The named object schema a reference ends in, if any.
    func objectName(_ schema: Schema) -> String? {
        guard let (name, target) = lastNamed(schema), case .object = target.kind else { return nil }
        return name
    }

    /// The named union schema a reference ends in, if any.
    func unionName(_ schema: Schema) -> String? {
        guard let (name, target) = lastNamed(schema), case .union = target.kind else { return nil }
        return name
    }

    /// The last named schema a reference chain passes and the schema it defines (nil for no reference or a loop).
    private func lastNamed(_ schema: Schema) -> (name: String, schema: Schema)? {
        guard case .reference = schema.kind else { return nil }
        var current = schema
        var last: String?
        var seen = LoopGuard()
        while case .reference(let name) = current.kind {
            guard seen.insert(name), let target = schemas[name] else { return nil }
            last = name
            current = target.schema
        }
        return last.map { ($0, current) }
    }

    /// The names a `$ref` chain has passed; short chains (nearly all) are checked without allocating a set.
    private struct LoopGuard {
        private var first: String?
        private var second: String?
        private var rest: Set<String> = []

        /// False when `name` was seen before.
        mutating func insert(_ name: String) -> Bool {
            guard let first else {
                first = name
                return true
            }
            if name == first { return false }
            guard let second else {
                second = name
                return true
            }
            if name == second { return false }
            return rest.insert(name).inserted
        }
    }
}

/// The properties that must be stored out of line because a struct would otherwise contain itself.
enum RecursionBreaker {
    /// `TypeName.propertyName` keys (spec names) of properties to box, found by a depth-first walk in spec order.
    static func boxedProperties(_ document: SpecDocument, table: TypeTable) -> Set<String> {
        var edges: [String: [(property: String, target: String)]] = [:]
        edges.reserveCapacity(document.schemas.count)
        for named in document.schemas {
            guard case .object(let object) = named.schema.kind else { continue }
            // A property holds its named struct, or the named structs inside the inline struct it declares.
            let targets = object.properties.flatMap { property in
                heldStructs(property.schema, table: table).map { (property: property.name, target: $0) }
            }
            // A struct that holds no other struct cannot be part of a cycle.
            if !targets.isEmpty { edges[named.name] = targets }
        }
        var boxed = Set<String>()
        var finished = Set<String>()
        for named in document.schemas where edges[named.name] != nil && !finished.contains(named.name) {
            var stack: [(node: String, next: Int)] = [(named.name, 0)]
            var onStack: Set<String> = [named.name]
            while let top = stack.last {
                let outgoing = edges[top.node] ?? []
                if top.next >= outgoing.count {
                    stack.removeLast()
                    onStack.remove(top.node)
                    finished.insert(top.node)
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.next]
                if onStack.contains(edge.target) {
                    boxed.insert("\(top.node).\(edge.property)")
                } else if !finished.contains(edge.target) {
                    stack.append((edge.target, 0))
                    onStack.insert(edge.target)
                }
            }
        }
        return boxed
    }

    /// The named structs a value of `schema` holds inline: itself when it names one, else those its inline
    /// object's properties hold (arrays, maps and unions store out of line already).
    private static func heldStructs(_ schema: Schema, table: TypeTable) -> [String] {
        if let name = table.objectName(schema) { return [name] }
        guard case .object(let object) = schema.kind else { return [] }
        return object.properties.flatMap { heldStructs($0.schema, table: table) }
    }
}
