import Testing

@_spi(Generated) @testable import SoraRuntime

/// `FieldCondition` follows JSON Schema: a value condition on an absent field holds unless the field is required.
@Suite struct FieldConditionTests {
    @Test(
        arguments: [
            // absent
            (nil, ["a"], false, true),
            (nil, ["a"], true, false),
            (nil, [], false, true),
            (nil, [], true, false),
            // present, value listed or not
            ("a", ["a", "b"], false, true),
            ("b", ["a", "b"], true, true),
            ("c", ["a", "b"], false, false),
            ("c", ["a", "b"], true, false),
            ("", ["a"], true, false),
            ("A", ["a"], true, false),
            // present, only presence matters
            ("anything", [], true, true),
            ("", [], false, true),
        ] as [(String?, [String], Bool, Bool)])
    func holds(value: String?, allowed: [String], required: Bool, holds: Bool) {
        #expect(FieldCondition("f", value, in: allowed, required: required).holds == holds)
    }

    @Test(arguments: [
        (["sora-2-pro"], "size is sora-2-pro", "sora-2-pro"),
        (["1024x1792", "1792x1024"], "size is 1024x1792 or 1792x1024", "one of 1024x1792, 1792x1024"),
        ([], "size is given", "given"),
    ])
    func phraseAndExpectation(allowed: [String], phrase: String, expectation: String) {
        let condition = FieldCondition("size", "x", in: allowed, required: true)
        #expect(condition.phrase == phrase)
        #expect(condition.expectation == expectation)
    }

    @Test func initializerKeepsEveryPart() {
        let condition = FieldCondition("model", "sora-2", in: ["sora-2-pro"], required: true)
        #expect(condition.field == "model")
        #expect(condition.value == "sora-2")
        #expect(condition.allowed == ["sora-2-pro"])
        #expect(condition.required)
    }
}
