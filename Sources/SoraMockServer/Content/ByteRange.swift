/// A single `Range: bytes=…` request resolved against a body length (multi-range requests are answered whole).
struct ByteRange: Sendable, Equatable {
    let lower: Int
    let upper: Int

    /// The outcome of reading a `Range` header.
    enum Outcome: Sendable, Equatable {
        case whole
        case partial(ByteRange)
        case unsatisfiable
    }

    /// Resolves `header` for a body of `length` bytes.
    static func resolve(_ header: String?, length: Int) -> Outcome {
        guard let header = header?.trimmingSpaces(), header.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst(6).trimmingSpaces()
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = String(spec[..<dash]).trimmingSpaces()
        let last = String(spec[spec.index(after: dash)...]).trimmingSpaces()
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0 else { return .unsatisfiable }
            return length == 0 ? .unsatisfiable : .partial(ByteRange(lower: max(0, length - suffix), upper: length - 1))
        }
        guard let lower = Int(first), lower >= 0 else { return .whole }
        guard lower < length else { return .unsatisfiable }
        if last.isEmpty { return .partial(ByteRange(lower: lower, upper: length - 1)) }
        guard let upper = Int(last), upper >= lower else { return .whole }
        return .partial(ByteRange(lower: lower, upper: min(upper, length - 1)))
    }
}
