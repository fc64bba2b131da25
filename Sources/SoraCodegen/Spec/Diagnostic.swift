import YAML

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

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.error, message, at: mark, file: file))
    }

    mutating func warning(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.warning, message, at: mark, file: file))
    }

    /// Adds another bag's diagnostics (`sorted` drops the duplicates two copies of a translator share).
    mutating func merge(_ other: DiagnosticBag) {
        items += other.items
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by location, then message, with exact duplicates removed.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }.filter { seen.insert($0).inserted }
    }
}
