import YAML

/// A place in the spec (line and column), as the stages after loading name it: they see places, never nodes.
public typealias SpecLocation = Mark

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    /// The spec cannot be generated from.
    case error
    /// Generation goes on, but something deserves a look.
    case warning
}

/// One finding about the spec, tied to a line and column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// What is wrong and, where possible, what would be accepted.
    public var message: String
    /// Where in the spec it is.
    public var mark: Mark
    /// The spec path as the user named it (relative; never made absolute).
    public var file: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at mark: Mark, file: String) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.file = file
    }

    /// `FILE:LINE:COL: error: MESSAGE`.
    public var description: String { "\(file):\(mark.line):\(mark.column): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics in one run so that every mistake is reported at once.
struct DiagnosticBag {
    let file: String
    private(set) var items: [Diagnostic] = []
    /// Warnings that would repeat in many places (an unused extension, `example`), printed once each with their
    /// first place and how many more there are (every place is kept, so a selection can count only its own).
    /// Places, not reports: a node loaded again (through a YAML alias or an inline `$ref`) is still one place.
    private(set) var repeated: [String: Set<Mark>] = [:]

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.error, message, at: mark, file: file))
    }

    mutating func warning(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.warning, message, at: mark, file: file))
    }

    /// A warning reported once however often it happens: at its first place, with the count of the others.
    mutating func repeatedWarning(_ message: String, at mark: Mark) {
        repeated[message, default: []].insert(mark)
    }

    /// Adds another bag's diagnostics (`sorted` drops the duplicates two copies of a translator share).
    mutating func merge(_ other: DiagnosticBag) {
        items += other.items
        for (message, marks) in other.repeated { repeated[message, default: []].formUnion(marks) }
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by location, then message, with exact duplicates removed.
    var sorted: [Diagnostic] { sorted(keeping: { _ in true }) }

    /// The diagnostics at places `keep` accepts, sorted by location, then message, exact duplicates removed.
    func sorted(keeping keep: (Mark) -> Bool) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        var summaries: [Diagnostic] = []
        for (message, marks) in repeated {
            let places = marks.filter(keep)
            guard let first = places.min() else { continue }
            let others = places.count - 1
            let more = others > 0 ? " (here and in \(others) more place\(others == 1 ? "" : "s"))" : ""
            summaries.append(Diagnostic(.warning, message + more, at: first, file: file))
        }
        return (items.filter { keep($0.mark) } + summaries).sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }
            .filter { seen.insert($0).inserted }
    }
}
