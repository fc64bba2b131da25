import Testing

/// `pattern`s are compiled in the background while the spec loads; every use of a bad one is still reported.
@Suite struct PatternCheckTests {
    @Test func everyUseOfABadPatternIsAWarningAndItIsNotChecked() {
        let result = SpecText.generate(
            SpecText.minimal(
                schemas: """
                        Codes:
                          type: object
                          properties:
                            a: {type: string, pattern: '^[a-z]+$'}
                            b: {type: string, pattern: '([unclosed'}
                            c: {type: string, pattern: '([unclosed'}
                            d: {type: string, pattern: '^[a-z]+$'}
                    """))
        let tail =
            " warning: 'pattern' is not a valid regular expression: ([unclosed (Swift's Regex cannot compile it); "
        #expect(
            SpecText.messages(result) == [
                "spec.yaml:31:36:" + tail + "it is not checked",
                "spec.yaml:32:36:" + tail + "it is not checked",
            ])
        let file = SpecText.file(result, "Models/Codes.swift")
        #expect(file.contains("validator.check(a, field: \"a\", pattern: \"^[a-z]+$\")"))
        #expect(!file.contains("unclosed"))
    }

    @Test func aSpecWithOnlyGoodPatternsGenerates() {
        let result = SpecText.generate(
            SpecText.minimal(
                schemas: """
                        Codes:
                          type: object
                          properties:
                            a: {type: string, pattern: '^[0-9]+(\\\\.[0-9]+)?,[0-9]+(\\\\.[0-9]+)?$'}
                    """))
        #expect(!result.hasErrors)
        #expect(SpecText.file(result, "Models/Codes.swift").contains("pattern"))
    }
}
