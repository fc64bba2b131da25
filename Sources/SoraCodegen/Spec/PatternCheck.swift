/// Checks that a `pattern` compiles, so a typo is a spec error rather than a runtime surprise.
enum PatternCheck {
    /// Whether Swift `Regex` (the engine the generated validators use) accepts `pattern`.
    static func isValid(_ pattern: String) -> Bool {
        (try? Regex(pattern)) != nil
    }
}

extension SpecLoader {
    /// Whether `pattern` compiles, compiling each distinct pattern once: specs repeat the same few patterns.
    mutating func isValidPattern(_ pattern: String) -> Bool {
        if let known = checkedPatterns[pattern] { return known }
        let valid = PatternCheck.isValid(pattern)
        checkedPatterns[pattern] = valid
        return valid
    }
}
