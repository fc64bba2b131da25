/// Checks that a `pattern` compiles, so a typo is a spec error rather than a runtime surprise.
enum PatternCheck {
    static func isValid(_ pattern: String) -> Bool {
        (try? Regex(pattern)) != nil
    }
}
