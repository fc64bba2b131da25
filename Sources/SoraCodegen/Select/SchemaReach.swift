/// The component schemas a set of operations reaches through `$ref`s, discriminator mappings included.
enum SchemaReach {
    static func names(from operations: [Operation], in schemas: [NamedSchema]) -> Set<String> {
        var byName: [String: Schema] = [:]
        for named in schemas { byName[named.name] = named.schema }
        var walk = Walk()
        for operation in operations {
            for parameter in operation.parameters { walk.visit(parameter.schema) }
            for content in operation.requestBody?.contents ?? [] { walk.visit(content.schema) }
            for response in operation.responses {
                if case .json(let schema, _) = response.content { walk.visit(schema) }
                for header in response.headers { walk.visit(header.schema) }
            }
        }
        while let name = walk.pending.popLast() {
            if let schema = byName[name] { walk.visit(schema) }
        }
        return walk.reached
    }

    private struct Walk {
        var reached: Set<String> = []
        var pending: [String] = []

        mutating func reach(_ name: String) {
            if reached.insert(name).inserted { pending.append(name) }
        }

        /// Iterative, so a deeply nested inline schema cannot exhaust the stack.
        mutating func visit(_ root: Schema) {
            var stack = [root]
            while let schema = stack.popLast() {
                switch schema.kind {
                case .reference(let name): reach(name)
                case .union(let union):
                    stack += union.alternatives
                    for entry in union.discriminator?.mapping ?? [] { reach(entry.schema) }
                case .array(let items): stack.append(items)
                case .object(let object):
                    stack += object.properties.map(\.schema)
                    if let extra = object.additionalProperties { stack.append(extra) }
                case .map(let values): if let values { stack.append(values) }
                case .string, .binary, .integer, .number, .boolean, .enumeration, .integerEnumeration, .constant,
                    .any:
                    break
                }
            }
        }
    }
}
