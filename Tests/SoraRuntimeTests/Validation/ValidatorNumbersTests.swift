@_spi(Generated) import SoraRuntime
import Testing

/// Number and list rules of `Validator`: exclusive bounds, `multipleOf`, `minItems`, `maxItems`, `uniqueItems`.
@Suite struct ValidatorNumbersTests {
    private func issues(_ validator: Validator) -> [ValidationIssue] {
        do {
            try validator.finish()
            return []
        } catch {
            return error.issues
        }
    }

    @Test(
        arguments: [
            (0.0, "exclusiveMinimum", "must be greater than 0.0, got 0.0"),
            (1.0, "exclusiveMaximum", "must be less than 1.0, got 1.0"),
            (Double.nan, "exclusiveMinimum", "must be greater than 0.0, got nan"),
        ] as [(Double, String, String)])
    func exclusiveBoundsExcludeTheBound(value: Double, rule: String, message: String) {
        var validator = Validator("Thing")
        validator.check(value, field: "p", exclusiveMinimum: 0, exclusiveMaximum: 1)
        #expect(issues(validator).first == ValidationIssue(field: "p", rule: rule, message: message))
    }

    @Test func valuesInsideExclusiveBoundsPass() {
        var validator = Validator("Thing")
        validator.check(0.5, field: "p", exclusiveMinimum: 0, exclusiveMaximum: 1)
        validator.check(Double?.none, field: "q", exclusiveMinimum: 0)
        #expect(validator.isValid)
    }

    @Test(arguments: [
        (0.3, 0.1, true), (0.35, 0.1, false), (1e300, 1e-300, false), (-4.5, 1.5, true), (0, 0.7, true),
        (5_000_000.005, 0.01, false), (1_500_000_000.5, 1, false), (1, 1e10, false), (19.99, 0.01, true),
    ])
    func numberMultiplesAllowForBinaryRounding(value: Double, divisor: Double, holds: Bool) {
        var validator = Validator("Thing")
        validator.check(value, field: "n", multipleOf: divisor)
        #expect(validator.isValid == holds)
    }

    @Test func integerMultiples() {
        var validator = Validator("Thing")
        validator.check(6, field: "a", multipleOf: 3)
        validator.check(Int.min, field: "b", multipleOf: 2)
        #expect(validator.isValid)
        validator.check(7, field: "c", multipleOf: 3)
        #expect(
            issues(validator) == [
                ValidationIssue(field: "c", rule: "multipleOf", message: "must be a multiple of 3, got 7")
            ])
    }

    @Test func listLengths() {
        var validator = Validator("Thing")
        validator.checkItems([String](), field: "tags", minItems: 1)
        validator.checkItems([1, 2, 3], field: "ids", maxItems: 2)
        validator.checkItems([Int]?.none, field: "none", minItems: 1)
        #expect(
            issues(validator) == [
                ValidationIssue(field: "tags", rule: "minItems", message: "must have at least 1 item, got 0"),
                ValidationIssue(field: "ids", rule: "maxItems", message: "must have at most 2 items, got 3"),
            ])
    }

    @Test func repeatedItemsNameTheFirstRepeat() {
        var validator = Validator("Thing")
        validator.checkItems(["a", "b", "a", "b"], field: "tags", unique: true)
        validator.checkItems(["a", "b"], field: "fine", unique: true)
        #expect(
            issues(validator) == [
                ValidationIssue(
                    field: "tags", rule: "uniqueItems", message: "must not repeat items; item 2 repeats item 0")
            ])
    }

    @Test func enumsOfNumbersAndBooleans() {
        var validator = Validator("Thing")
        validator.check(2, field: "level", allowed: [1, 3])
        validator.check(0.7, field: "ratio", allowed: [0.5, 1.5])
        validator.check(false, field: "agreed", allowed: [true])
        validator.check(3, field: "fine", allowed: [1, 3])
        validator.check(Bool?.none, field: "absent", allowed: [true])
        #expect(
            issues(validator) == [
                ValidationIssue(field: "level", rule: "enum", message: "must be one of 1, 3, got 2"),
                ValidationIssue(field: "ratio", rule: "enum", message: "must be one of 0.5, 1.5, got 0.7"),
                ValidationIssue(field: "agreed", rule: "enum", message: "must be true, got false"),
            ])
    }
}
