@_spi(Generated) import SoraRuntime
import Testing

/// Each check kind of `Validator`, with the exact issue it reports.
@Suite struct ValidatorTests {
    // MARK: Strings

    @Test func eachNamesListItemsByIndexAndMapValuesByKeyInKeyOrder() {
        var validator = Validator("Thing")
        validator.each(["ab", "abcd"], field: "tags") { validator, item, field in
            validator.check(item, field: field, maxLength: 3)
        }
        validator.each(["z": 12, "a": -1, "m": 5], field: "scores") { validator, item, field in
            validator.check(item, field: field, minimum: 0, maximum: 9)
        }
        validator.each(nil as [String]?, field: "none") { _, _, _ in Issue.record("called for an absent list") }
        #expect(issues(validator).map(\.field) == ["tags[1]", "scores.a", "scores.z"])
        #expect(issues(validator).first?.message == "must be at most 3 characters long, got 4")
    }

    @Test func validValuesReportNothing() throws {
        var validator = Validator("Thing")
        validator.check("abc", field: "name", minLength: 1, maxLength: 3, pattern: "^[a-z]+$", allowed: ["abc"])
        validator.check(5, field: "count", minimum: 5, maximum: 5)
        validator.check(0.5, field: "ratio", minimum: 0.5, maximum: 0.5)
        validator.checkRangeLength("1,2", field: "range", minimum: 1, maximum: 3)
        #expect(validator.isValid)
        try validator.finish()
    }

    @Test func absentValuesAreNotChecked() throws {
        var validator = Validator("Thing")
        validator.check(String?.none, field: "name", minLength: 1, pattern: "x", allowed: ["a"])
        validator.check(Int?.none, field: "count", minimum: 1)
        validator.check(Double?.none, field: "ratio", minimum: 1)
        validator.checkRangeLength(nil, field: "range", minimum: 1, maximum: 3)
        validator.nested(Positive?.none, field: "inner")
        validator.nested(each: [Positive]?.none, field: "items")
        #expect(validator.isValid)
        try validator.finish()
    }

    @Test(
        arguments: [
            ("", 1, nil, "minLength", "must be at least 1 characters long, got 0"),
            ("ab", 3, nil, "minLength", "must be at least 3 characters long, got 2"),
            ("abcd", nil, 3, "maxLength", "must be at most 3 characters long, got 4"),
            ("画面动起来", nil, 4, "maxLength", "must be at most 4 characters long, got 5"),
        ] as [(String, Int?, Int?, String, String)])
    func lengthBounds(value: String, minLength: Int?, maxLength: Int?, rule: String, message: String) {
        var validator = Validator("Thing")
        validator.check(value, field: "name", minLength: minLength, maxLength: maxLength)
        #expect(issues(validator) == [ValidationIssue(field: "name", rule: rule, message: message)])
    }

    @Test func lengthCountsCharactersNotBytes() {
        var validator = Validator("Thing")
        validator.check("画面", field: "name", minLength: 2, maxLength: 2)
        #expect(validator.isValid)
    }

    @Test func patternMismatchQuotesTheValue() {
        var validator = Validator("Thing")
        validator.check("1.5", field: "seconds", pattern: "^[0-9]+$")
        #expect(
            issues(validator) == [
                ValidationIssue(field: "seconds", rule: "pattern", message: #"must match ^[0-9]+$, got "1.5""#)
            ])
    }

    @Test(arguments: [
        ("abc123", "[0-9]+", true),
        ("abc", "[0-9]+", false),
        ("8", "^[0-9]+$", true),
        ("8\n", "^[0-9]+$", false),
        ("\n8", "^[0-9]+$", false),
        ("٣", "^[0-9]+$", false),
        ("anything", "(", false),
    ])
    func patternIsAnUnanchoredSearchAndAnInvalidPatternMatchesNothing(text: String, pattern: String, matches: Bool) {
        var validator = Validator("Thing")
        validator.check(text, field: "f", pattern: pattern)
        #expect(validator.isValid == matches)
    }

    @Test func longValuesAreShortenedInMessages() {
        let value = String(repeating: "x", count: 61)
        var validator = Validator("Thing")
        validator.check(value, field: "f", pattern: "^y")
        let shown = String(repeating: "x", count: 57) + "..."
        #expect(issues(validator).map(\.message) == ["must match ^y, got \"\(shown)\""])
    }

    @Test func sixtyCharactersAreShownWhole() {
        let value = String(repeating: "x", count: 60)
        var validator = Validator("Thing")
        validator.check(value, field: "f", pattern: "^y")
        #expect(issues(validator).map(\.message) == ["must match ^y, got \"\(value)\""])
    }

    @Test func allowedValuesBreakConst() {
        var validator = Validator("Thing")
        validator.check("list", field: "object", allowed: ["video"])
        validator.check("c", field: "letter", allowed: ["a", "b"])
        #expect(
            issues(validator) == [
                ValidationIssue(field: "object", rule: "const", message: #"must be video, got "list""#),
                ValidationIssue(field: "letter", rule: "const", message: #"must be one of a, b, got "c""#),
            ])
    }

    @Test func everyBrokenStringRuleIsReported() {
        var validator = Validator("Thing")
        validator.check("abcd", field: "f", maxLength: 2, pattern: "^[0-9]", allowed: ["z"])
        #expect(issues(validator).map(\.rule) == ["maxLength", "pattern", "const"])
    }

    @Test func parameterValuesAreCheckedAsTheirWireText() {
        var validator = Validator("Thing")
        validator.check(true, field: "flag", allowed: ["false"])
        validator.check(12, field: "n", maxLength: 1)
        #expect(
            issues(validator) == [
                ValidationIssue(field: "flag", rule: "const", message: #"must be false, got "true""#),
                ValidationIssue(field: "n", rule: "maxLength", message: "must be at most 1 characters long, got 2"),
            ])
    }

    // MARK: Numbers

    @Test(arguments: [
        (0, "minimum", "must be at least 1, got 0"),
        (-7, "minimum", "must be at least 1, got -7"),
        (101, "maximum", "must be at most 100, got 101"),
    ])
    func integerBounds(value: Int, rule: String, message: String) {
        var validator = Validator("listVideos")
        validator.check(value, field: "limit", minimum: 1, maximum: 100)
        #expect(issues(validator) == [ValidationIssue(field: "limit", rule: rule, message: message)])
    }

    @Test(arguments: [1, 50, 100])
    func integersWithinBoundsPass(value: Int) {
        var validator = Validator("listVideos")
        validator.check(value, field: "limit", minimum: 1, maximum: 100)
        #expect(validator.isValid)
    }

    @Test(arguments: [
        (0.25, "minimum", "must be at least 0.5, got 0.25"),
        (2.5, "maximum", "must be at most 2.0, got 2.5"),
    ])
    func doubleBounds(value: Double, rule: String, message: String) {
        var validator = Validator("Thing")
        validator.check(value, field: "ratio", minimum: 0.5, maximum: 2)
        #expect(issues(validator) == [ValidationIssue(field: "ratio", rule: rule, message: message)])
    }

    @Test func notANumberBreaksBothBounds() {
        var validator = Validator("Thing")
        validator.check(Double.nan, field: "ratio", minimum: 0, maximum: 1)
        #expect(issues(validator).map(\.rule) == ["minimum", "maximum"])
    }

    // MARK: x-range-length

    @Test(arguments: ["1,2", "0.5,3.5", "0,1", "2,5", " 1 , 2 ", "0.1,1.1", "0.3,3.3"])
    func rangeWithinBoundsPasses(value: String) {
        var validator = Validator("Thing")
        validator.checkRangeLength(value, field: "range", minimum: 1, maximum: 3)
        #expect(validator.isValid)
    }

    @Test(arguments: [
        ("1,1.5", "0.5"),
        ("0,3.5", "3.5"),
        ("3,1", "-2"),
        ("1,1.75", "0.75"),
    ])
    func rangeOutsideBoundsReportsTheSpan(value: String, span: String) {
        var validator = Validator("Thing")
        validator.checkRangeLength(value, field: "range", minimum: 1, maximum: 3)
        #expect(
            issues(validator) == [
                ValidationIssue(
                    field: "range", rule: "x-range-length",
                    message: "END − START must be within 1…3 seconds, got \(span) (\(value))")
            ])
    }

    @Test func fractionalBoundsAreShownAsDecimals() {
        var validator = Validator("Thing")
        validator.checkRangeLength("0,3", field: "range", minimum: 0.5, maximum: 2.5)
        #expect(issues(validator).map(\.message) == ["END − START must be within 0.5…2.5 seconds, got 3 (0,3)"])
    }

    @Test(arguments: ["1.5-3.5", "a,b", "1,2,3", "", ",", "1,", "inf,1", "nan,1", "1,infinity"])
    func malformedRange(value: String) {
        var validator = Validator("Thing")
        validator.checkRangeLength(value, field: "range", minimum: 1, maximum: 3)
        #expect(
            issues(validator) == [
                ValidationIssue(
                    field: "range", rule: "x-range-length",
                    message: "must be START,END in seconds (e.g. 1.5,3.5), got \"\(value)\"")
            ])
    }

    // MARK: dependentRequired

    @Test func dependentRequiredReportsEachMissingField() {
        var validator = Validator("Thing")
        validator.dependentRequired("a", isPresent: true, requires: [("b", false), ("c", true), ("d", false)])
        #expect(
            issues(validator) == [
                ValidationIssue(field: "b", rule: "dependentRequired", message: "is required when a is given"),
                ValidationIssue(field: "d", rule: "dependentRequired", message: "is required when a is given"),
            ])
    }

    @Test func dependentRequiredIgnoresAnAbsentField() {
        var validator = Validator("Thing")
        validator.dependentRequired("a", isPresent: false, requires: [("b", false)])
        #expect(validator.isValid)
    }

    // MARK: if/then

    @Test func ruleReportsEachBrokenConsequence() {
        var validator = Validator("CreateVideoRequest")
        validator.rule(
            when: [FieldCondition("size", "1792x1024", in: ["1024x1792", "1792x1024"], required: true)],
            then: [
                FieldCondition("model", "sora-2", in: ["sora-2-pro"], required: true),
                FieldCondition("seconds", nil, in: [], required: true),
                FieldCondition("tier", "free", in: ["pro", "team"], required: false),
            ],
            because: "HD sizes only with sora-2-pro")
        #expect(
            issues(validator) == [
                ValidationIssue(
                    field: "model", rule: "if/then",
                    message: #"must be sora-2-pro when size is 1024x1792 or 1792x1024, got "sora-2""#
                        + " (HD sizes only with sora-2-pro)"),
                ValidationIssue(
                    field: "seconds", rule: "if/then",
                    message: "must be given when size is 1024x1792 or 1792x1024 (HD sizes only with sora-2-pro)"),
                ValidationIssue(
                    field: "tier", rule: "if/then",
                    message: #"must be one of pro, team when size is 1024x1792 or 1792x1024, got "free""#
                        + " (HD sizes only with sora-2-pro)"),
            ])
    }

    @Test func ruleWithSeveralConditionsAndNoReason() {
        var validator = Validator("Thing")
        validator.rule(
            when: [
                FieldCondition("a", "x", in: ["x"], required: true), FieldCondition("b", "y", in: [], required: true),
            ],
            then: [FieldCondition("c", nil, in: ["z"], required: true)], because: nil)
        #expect(
            issues(validator) == [
                ValidationIssue(field: "c", rule: "if/then", message: "must be z when a is x and b is given")
            ])
    }

    @Test(arguments: [
        FieldCondition("size", "1280x720", in: ["1792x1024"], required: true),
        FieldCondition("size", nil, in: ["1792x1024"], required: true),
    ])
    func ruleDoesNothingWhenAConditionFails(condition: FieldCondition) {
        var validator = Validator("Thing")
        validator.rule(
            when: [condition], then: [FieldCondition("model", "sora-2", in: ["sora-2-pro"], required: true)],
            because: nil)
        #expect(validator.isValid)
    }

    @Test func ruleWhoseConditionHoldsForAnAbsentOptionalFieldApplies() {
        // JSON Schema: an `if` on an absent, not-required property is vacuously true.
        var validator = Validator("Thing")
        validator.rule(
            when: [FieldCondition("size", nil, in: ["1792x1024"], required: false)],
            then: [FieldCondition("model", "sora-2", in: ["sora-2-pro"], required: true)], because: nil)
        #expect(issues(validator).map(\.field) == ["model"])
    }

    // MARK: Nested values and the thrown error

    @Test func nestedIssuesArePrefixedWithTheField() {
        var validator = Validator("Outer")
        validator.nested(Positive(value: -1), field: "inner")
        validator.nested(Positive(value: 1), field: "fine")
        validator.nested(each: [Positive(value: 1), Positive(value: -2), Positive(value: -3)], field: "items")
        #expect(
            issues(validator) == [
                ValidationIssue(field: "inner.value", rule: "minimum", message: "must be at least 0, got -1"),
                ValidationIssue(field: "items[1].value", rule: "minimum", message: "must be at least 0, got -2"),
                ValidationIssue(field: "items[2].value", rule: "minimum", message: "must be at least 0, got -3"),
            ])
    }

    @Test func reportAddsAnIssueAndFinishThrowsAllInOrder() throws {
        var validator = Validator("Thing")
        validator.report("b", rule: "custom", "second")
        validator.report("a", rule: "custom", "first")
        #expect(!validator.isValid)
        let error = try #require(finishError(validator))
        #expect(error.typeName == "Thing")
        #expect(error.issues.map(\.field) == ["b", "a"])
    }

    @Test func descriptions() {
        let one = ValidationIssue(field: "prompt", rule: "minLength", message: "must not be empty")
        let two = ValidationIssue(field: "seconds", rule: "pattern", message: "must be digits")
        #expect(one.description == "prompt: must not be empty")
        #expect(
            ValidationError(typeName: "T", issues: [one]).description
                == "invalid T (1 problem): prompt: must not be empty")
        #expect(
            ValidationError(typeName: "T", issues: [one, two]).description
                == "invalid T (2 problems): prompt: must not be empty; seconds: must be digits")
    }

    @Test func typesWithoutRulesAreValid() throws {
        try NoRules().validate()
    }

    // MARK: Helpers

    private func issues(_ validator: Validator) -> [ValidationIssue] {
        finishError(validator)?.issues ?? []
    }

    private func finishError(_ validator: Validator) -> ValidationError? {
        do {
            try validator.finish()
            return nil
        } catch {
            return error
        }
    }
}

/// A value whose only rule is `value >= 0`.
private struct Positive: Validatable {
    var value: Int

    func validate() throws(ValidationError) {
        var validator = Validator("Positive")
        validator.check(value, field: "value", minimum: 0)
        try validator.finish()
    }
}

/// Uses the protocol's default `validate()`.
private struct NoRules: Validatable {}
