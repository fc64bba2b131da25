import Synchronization

/// Compiled `pattern` regular expressions, compiled once per pattern and shared.
final class PatternCache: Sendable {
    static let shared = PatternCache()
    private let compiled = Mutex<[String: CompiledPattern]>([:])

    /// Whether `text` matches `pattern` (JSON Schema patterns are unanchored searches).
    func matches(_ text: String, _ pattern: String) -> Bool {
        let entry = compiled.withLock { cache in
            if let entry = cache[pattern] { return entry }
            let entry = CompiledPattern(pattern)
            cache[pattern] = entry
            return entry
        }
        return entry.matches(text)
    }
}

/// A pattern and its compiled form; an invalid pattern matches nothing.
struct CompiledPattern: @unchecked Sendable {
    // Regex is immutable once built; sharing it between threads for matching is safe.
    private let regex: Regex<AnyRegexOutput>?

    init(_ pattern: String) { regex = try? Regex(pattern) }

    func matches(_ text: String) -> Bool {
        guard let regex else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
