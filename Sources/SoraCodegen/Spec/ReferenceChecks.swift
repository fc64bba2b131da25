/// Checks over the loaded spec that need every schema at once.
extension SpecLoader {
    /// Reports `$ref` chains that come back to where they started without an object or array in between.
    mutating func checkReferenceLoops(_ schemas: [NamedSchema]) {
        var aliasTarget: [String: String] = [:]
        for named in schemas {
            if case .reference(let target) = named.schema.kind { aliasTarget[named.name] = target }
        }
        var reported = Set<String>()
        for named in schemas where aliasTarget[named.name] != nil && !reported.contains(named.name) {
            var chain = [named.name]
            var current = named.name
            while let next = aliasTarget[current] {
                if let start = chain.firstIndex(of: next) {
                    let loop = chain[start...] + [next]
                    if start == 0 {
                        diagnostics.error(
                            "$ref loop with no object in between: \(loop.joined(separator: " → "))", at: named.mark)
                    }
                    reported.formUnion(loop)
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }
}
