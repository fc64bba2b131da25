import Testing

@testable import SoraCodegen

/// `SpecNumber`: exact text for every integer, Int when it fits, Double always.
@Suite struct SpecNumberTests {
    @Test(
        arguments: [
            ("0", 0, 0.0),
            ("-12", -12, -12.0),
            ("9223372036854775807", Int.max, 9_223_372_036_854_775_807.0),
            ("-9223372036854775808", Int.min, -9_223_372_036_854_775_808.0),
            ("9223372036854775808", nil, 9_223_372_036_854_775_808.0),
            ("-9223372036854775809", nil, -9_223_372_036_854_775_809.0),
            ("18446744073709551616", nil, 18_446_744_073_709_551_616.0),
        ] as [(String, Int?, Double)])
    func integerDigits(_ digits: String, _ integer: Int?, _ double: Double) {
        let number = SpecNumber(integerDigits: digits)
        #expect(number.text == digits)
        #expect(number.description == digits)
        #expect(number.integer == integer)
        #expect(number.double == double)
        #expect(number.isInteger)
    }

    @Test func integersPastDoubleAreInfinite() {
        let huge = SpecNumber(integerDigits: "1" + String(repeating: "0", count: 400))
        #expect(huge.double == .infinity)
        #expect(huge.integer == nil)
        #expect(huge.text.count == 401)
        #expect(SpecNumber(integerDigits: "-1" + String(repeating: "0", count: 400)).double == -.infinity)
    }

    @Test(
        arguments: [
            (1.5, "1.5", nil, false),
            (-0.25, "-0.25", nil, false),
            (3.0, "3", 3, true),
            (-0.0, "0", 0, true),
            (1e20, "1e+20", nil, false),
            (1e300, "1e+300", nil, false),
            (0.1, "0.1", nil, false),
            (-7.0, "-7", -7, true),
        ] as [(Double, String, Int?, Bool)])
    func doubles(_ value: Double, _ text: String, _ integer: Int?, _ isInteger: Bool) {
        let number = SpecNumber(double: value)
        #expect(number.text == text)
        #expect(number.integer == integer)
        #expect(number.isInteger == isInteger)
        #expect(number.double == value)
    }

    @Test func nonFiniteDoublesAreNotIntegers() {
        #expect(SpecNumber(double: .infinity).integer == nil)
        #expect(SpecNumber(double: .infinity).text == "inf")
        #expect(!SpecNumber(double: .nan).isInteger)
    }

    @Test func equalityFollowsTheWrittenForm() {
        #expect(SpecNumber(integerDigits: "3") == SpecNumber(double: 3))
        #expect(SpecNumber(integerDigits: "3") != SpecNumber(double: 3.5))
        #expect(SpecNumber(integerDigits: "10").hashValue == SpecNumber(integerDigits: "10").hashValue)
    }
}
