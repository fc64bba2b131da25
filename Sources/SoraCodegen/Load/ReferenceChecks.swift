/// Checks over the loaded spec that need every schema at once.
extension SpecLoader {
    /// Reports `$ref` chains that come back to where they started without an object or array in between.
    ///
    /// Each loop is reported once, at its member first in spec order, as the chain from there. Linear: every name is
    /// walked once (marked on the walk, then finished), however long the alias chains.
    mutating func checkReferenceLoops(_ schemas: [NamedSchema]) {
        var aliasTarget: [String: String] = [:]
        var position: [String: Int] = [:]
        for (index, named) in schemas.enumerated() {
            position[named.name] = index
            if case .reference(let target) = named.schema.kind { aliasTarget[named.name] = target }
        }
        var isFinished: [String: Bool] = [:]  // false while on the current walk
        for named in schemas where aliasTarget[named.name] != nil && isFinished[named.name] == nil {
            var walk: [String] = []
            var current = named.name
            while true {
                isFinished[current] = false
                walk.append(current)
                guard let next = aliasTarget[current] else { break }
                if isFinished[next] == false, let start = walk.lastIndex(of: next) {
                    reportLoop(Array(walk[start...]), schemas: schemas, position: position)
                    break
                }
                if isFinished[next] == true { break }
                current = next
            }
            for name in walk { isFinished[name] = true }
        }
    }

    private mutating func reportLoop(_ members: [String], schemas: [NamedSchema], position: [String: Int]) {
        let positions = members.map { position[$0] ?? Int.max }
        guard let firstIndex = positions.indices.min(by: { positions[$0] < positions[$1] }),
            positions[firstIndex] < schemas.count
        else { return }
        let loop = members[firstIndex...] + members[..<firstIndex] + [members[firstIndex]]
        diagnostics.error(
            "$ref loop with no object in between: \(loop.joined(separator: " → "))",
            at: schemas[positions[firstIndex]].mark)
    }
}
