/// An entry of a filter that matches no operation, with what the document has instead.
public struct SelectionProblem: Sendable, Hashable, CustomStringConvertible {
    /// Which list the entry is in.
    public enum List: String, Sendable, Hashable {
        /// `--tag` / `filter.tags`.
        case tag
        /// `--operation` / `filter.operations`.
        case operation
        /// `--path` / `filter.paths`.
        case path
    }

    /// The list, or nil when the problem is the filter as a whole.
    public var list: List?
    /// The entry as given.
    public var value: String
    /// What is wrong and what exists.
    public var message: String

    /// The message.
    public var description: String { message }
}

extension SpecDocument {
    /// The document reduced to the operations the filter selects and the schemas they reach; an entry that
    /// selects nothing is a problem (a misspelt tag would otherwise drop operations without a word).
    public func selecting(_ filter: OperationFilter) -> Result<SpecDocument, SelectionFailure> {
        guard !filter.isEmpty else { return .success(self) }
        var problems: [SelectionProblem] = []
        for tag in filter.tags where !operations.contains(where: { OperationFilter(tags: [tag]).selects($0) }) {
            problems.append(SelectionProblem(list: .tag, value: tag, message: tagProblem(tag)))
        }
        for id in filter.operations where !operations.contains(where: { $0.operationID == id }) {
            problems.append(
                SelectionProblem(
                    list: .operation, value: id,
                    message: "operationId '\(id)' is not in the document"
                        + Self.suggestion(for: id, among: operations.map(\.operationID), noun: "operationIds")))
        }
        for path in filter.paths
        where !operations.contains(where: { OperationFilter.matches(pattern: path, path: $0.path) }) {
            problems.append(
                SelectionProblem(
                    list: .path, value: path,
                    message: "path '\(path)' matches no operation"
                        + Self.suggestion(for: path, among: uniquePaths, noun: "paths")))
        }
        let selected = operations.filter(filter.selects)
        if selected.isEmpty && problems.isEmpty {
            problems.append(
                SelectionProblem(list: nil, value: "", message: "the filter selects no operation; " + tagSummary))
        }
        guard problems.isEmpty else { return .failure(SelectionFailure(problems: problems)) }
        var reduced = self
        reduced.operations = selected
        let reached = SchemaReach.names(from: selected, in: schemas)
        reduced.schemas = schemas.filter { reached.contains($0.name) }
        // The document's own `security` stays as written, so the schemes it names stay too.
        let usedSchemes = Set((security + selected.flatMap { $0.security ?? [] }).flatMap { $0 })
        reduced.securitySchemes = securitySchemes.filter { usedSchemes.contains($0.name) }
        return .success(reduced)
    }

    private var uniquePaths: [String] {
        var seen = Set<String>()
        return operations.map(\.path).filter { seen.insert($0).inserted }
    }

    private func tagProblem(_ tag: String) -> String {
        "tag '\(tag)' is on no operation; " + tagSummary
    }

    /// `the document's tags: Audio (3), Videos (10); 2 operations have no tag`.
    private var tagSummary: String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var untagged = 0
        for operation in operations {
            if operation.tags.isEmpty { untagged += 1 }
            for tag in operation.tags {
                if counts[tag] == nil { order.append(tag) }
                counts[tag, default: 0] += 1
            }
        }
        var text =
            order.isEmpty
            ? "the document's operations have no tags"
            : "the document's tags: " + order.sorted().map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
        if untagged > 0 && !order.isEmpty {
            text += "; \(untagged) operation\(untagged == 1 ? " has" : "s have") no tag"
        }
        return text
    }

    /// `; did you mean 'GetVideo', 'ListVideos'? (250 operationIds in all)`: the closest few by edit distance.
    static func suggestion(for value: String, among candidates: [String], noun: String) -> String {
        let lowered = value.lowercased()
        let ranked =
            candidates
            .map { (candidate: $0, distance: EditDistance.between(lowered, $0.lowercased())) }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(3)
            .map { "'\($0.candidate)'" }
        guard !ranked.isEmpty else { return "; the document has no \(noun)" }
        return "; the closest: \(ranked.joined(separator: ", ")) (\(candidates.count) \(noun) in all)"
    }
}

/// Why a filter was refused: every entry that selects nothing.
public struct SelectionFailure: Error, Sendable {
    /// One per entry that selects nothing (or one for the filter as a whole).
    public var problems: [SelectionProblem]
}

/// Levenshtein distance over characters, for suggestions.
enum EditDistance {
    static func between(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        var previous = Array(0...right.count)
        var current = previous
        for (row, character) in left.enumerated() {
            current[0] = row + 1
            for column in right.indices {
                let substitution = previous[column] + (character == right[column] ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
