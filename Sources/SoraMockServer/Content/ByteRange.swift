/// A single `Range: bytes=…` request resolved against a body length (multi-range requests are answered whole).
///
/// Positions are digit strings of any length: one beyond `Int.max` saturates (a first position that large is
/// unsatisfiable, a last position or suffix that large means "to the end"), so no header can trap.
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
            // A syntactically invalid range is ignored (RFC 9110 §14.2): the whole body.
            guard let suffix = position(last) else { return .whole }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .partial(ByteRange(lower: length - min(suffix, length), upper: length - 1))
        }
        guard let lower = position(first) else { return .whole }
        guard lower < length else { return .unsatisfiable }
        if last.isEmpty { return .partial(ByteRange(lower: lower, upper: length - 1)) }
        guard let upper = position(last), upper >= lower else { return .whole }
        return .partial(ByteRange(lower: lower, upper: min(upper, length - 1)))
    }

    /// A byte position: ASCII digits only, saturating at `Int.max`.
    private static func position(_ text: String) -> Int? {
        switch CheckedNumber.digits(text) {
        case .value(let value)?: value
        case .tooLarge?: Int.max
        case nil: nil
        }
    }
}
