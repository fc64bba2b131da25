import Testing

@testable import SoraCodegen

/// Numbers the generated code could not write (past Double's range, infinity, NaN) are errors at the number.
@Suite struct NodeReadingTests {
    static let digits400 = "1" + String(repeating: "0", count: 399)

    /// Generates with one extra property of `Thing` and returns the messages.
    static func messages(_ property: String) -> [String] {
        SpecText.messages(SpecText.generate(SpecText.minimal() + "        extra: \(property)\n"))
    }

    @Test func aFourHundredDigitBoundIsAnError() {
        #expect(
            Self.messages("{type: number, maximum: \(Self.digits400)}") == [
                "spec.yaml:27:40: error: 'maximum' 10000000000000000000… (400 digits) is beyond the range of a Swift "
                    + "Double (about ±1.8e308), so no code can hold it"
            ])
        #expect(
            Self.messages("{type: integer, minimum: -\(Self.digits400)}") == [
                "spec.yaml:27:41: error: 'minimum' -10000000000000000000… (400 digits) is beyond the range of a "
                    + "Swift Double (about ±1.8e308), so no code can hold it"
            ])
        #expect(
            Self.messages("{type: string, x-range-length: {minimum: 1, maximum: \(Self.digits400)}}") == [
                "spec.yaml:27:69: error: 'x-range-length.maximum' 10000000000000000000… (400 digits) is beyond the "
                    + "range of a Swift Double (about ±1.8e308), so no code can hold it"
            ])
    }

    @Test func aDefaultSwiftCannotWriteIsIgnoredWithAWarning() {
        #expect(
            Self.messages("{type: number, default: .nan}") == [
                "spec.yaml:27:40: warning: 'default' is the number nan, which Swift cannot write; ignored"
            ])
        #expect(
            Self.messages("{type: integer, default: \(Self.digits400)}") == [
                "spec.yaml:27:41: warning: 'default' is the number \(Self.digits400), which Swift cannot write; ignored"
            ])
        #expect(
            Self.messages("{type: boolean, default: 'false'}") == [
                "spec.yaml:27:41: warning: 'default' is the string 'false', which does not fit the schema's type; ignored"
            ])
    }

    @Test func theLargestDoublesStillGenerate() {
        let result = SpecText.generate(
            SpecText.minimal() + "        extra: {type: number, minimum: -1.7976931348623157e308, maximum: 1"
                + String(repeating: "0", count: 308) + "}\n")
        #expect(SpecText.messages(result).isEmpty)
        #expect(
            SpecText.file(result, "Models/Thing.swift").contains(
                "validator.check(extra, field: \"extra\", minimum: -1.7976931348623157e+308, maximum: 1e+308)"))
    }
}
