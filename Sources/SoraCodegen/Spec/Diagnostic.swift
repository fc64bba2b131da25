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
    /// Warnings that would repeat in many places (an unused extension, `example`), kept once each with their
    /// first place and how many more there are.
    private(set) var repeated: [String: (mark: Mark, count: Int)] = [:]

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.error, message, at: mark, file: file))
    }

    mutating func warning(_ message: String, at mark: Mark) {
        items.append(Diagnostic(.warning, message, at: mark, file: file))
    }

    /// A warning reported once however often it happens: at its first place, with the count of the others.
    mutating func repeatedWarning(_ message: String, at mark: Mark) {
        if let seen = repeated[message] {
            repeated[message] = (min(seen.mark, mark), seen.count + 1)
        } else {
            repeated[message] = (mark, 1)
        }
    }

    /// Adds another bag's diagnostics (`sorted` drops the duplicates two copies of a translator share).
    mutating func merge(_ other: DiagnosticBag) {
        items += other.items
        for (message, use) in other.repeated {
            if let seen = repeated[message] {
                repeated[message] = (min(seen.mark, use.mark), seen.count + use.count)
            } else {
                repeated[message] = use
            }
        }
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by location, then message, with exact duplicates removed.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let summaries = repeated.map { message, use in
            let more = use.count > 1 ? " (here and in \(use.count - 1) more place\(use.count == 2 ? "" : "s"))" : ""
            return Diagnostic(.warning, message + more, at: use.mark, file: file)
        }
        return (items + summaries).sorted { ($0.mark, $0.message) < ($1.mark, $1.message) }.filter {
            seen.insert($0).inserted
        }
    }
}
