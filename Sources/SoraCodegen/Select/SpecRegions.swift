import YAML

/// Which part of the document each place belongs to: an operation, a path item, a component schema, or
/// anything else. A region runs from its key to the next key at the same or an outer level, in document order,
/// so a warning's line and column say whose it is without the loader tracking it.
struct SpecRegions: Sendable {
    enum Owner: Sendable, Hashable {
        case operation(path: String, method: String)
        case pathItem(String)
        case schema(String)
        case other
    }

    /// Region starts, sorted by place.
    let starts: [(mark: Mark, owner: Owner)]

    init(starts: [(mark: Mark, owner: Owner)]) {
        self.starts = starts
    }

    init(_ root: Node) {
        var starts: [(mark: Mark, owner: Owner)] = []
        for top in Self.entries(root) {
            starts.append((top.key.mark, .other))
            switch top.key.scalarText {
            case "paths":
                for item in Self.entries(top.value) {
                    guard let path = item.key.scalarText else { continue }
                    starts.append((item.key.mark, .pathItem(path)))
                    for entry in Self.entries(item.value) {
                        guard let key = entry.key.scalarText else { continue }
                        let isMethod = HTTPMethodName(rawValue: key.lowercased()) != nil
                        starts.append(
                            (
                                entry.key.mark,
                                isMethod ? .operation(path: path, method: key.lowercased()) : .pathItem(path)
                            ))
                    }
                }
            case "components":
                for kind in Self.entries(top.value) {
                    starts.append((kind.key.mark, .other))
                    guard kind.key.scalarText == "schemas" else { continue }
                    for entry in Self.entries(kind.value) {
                        guard let name = entry.key.scalarText else { continue }
                        starts.append((entry.key.mark, .schema(name)))
                    }
                }
            default: break
            }
        }
        self.starts = starts.sorted { $0.mark < $1.mark }
    }

    private static func entries(_ node: Node) -> [MappingEntry] {
        node.mapping.map(Array.init) ?? []
    }

    /// The owner of the region that holds `mark`.
    func owner(of mark: Mark) -> Owner {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].mark <= mark { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? .other : starts[low - 1].owner
    }

    /// A test for places in the parts a reduced document keeps: its operations, their path items, its schemas,
    /// and everything outside paths and schemas.
    func keeping(_ selected: SpecDocument) -> (Mark) -> Bool {
        let operations = Set(selected.operations.map { Owner.operation(path: $0.path, method: $0.method.rawValue) })
        let paths = Set(selected.operations.map(\.path))
        let schemas = Set(selected.schemas.map(\.name))
        return { mark in
            switch owner(of: mark) {
            case .other: true
            case .operation(let path, let method): operations.contains(.operation(path: path, method: method))
            case .pathItem(let path): paths.contains(path)
            case .schema(let name): schemas.contains(name)
            }
        }
    }
}
