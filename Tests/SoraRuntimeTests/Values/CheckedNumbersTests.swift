import Testing

@_spi(Generated) @testable import SoraRuntime

/// Numbers from outside never trap: extreme values clamp or are refused.
@Suite struct CheckedNumbersTests {
    @Test(arguments: [
        (1.5, Duration.milliseconds(1500)),
        (0, .zero),
        (-1, .zero),
        (-.infinity, .zero),
        (.nan, .zero),
        (1e300, CheckedNumbers.longestDuration),
        (.infinity, CheckedNumbers.longestDuration),
        (9.3e18, CheckedNumbers.longestDuration),
    ])
    func durationsClamp(seconds: Double, expected: Duration) {
        #expect(CheckedNumbers.duration(seconds: seconds) == expected)
    }

    @Test func durationsRespectTheirLimit() {
        #expect(CheckedNumbers.duration(seconds: 1e17, upTo: .seconds(60)) == .seconds(60))
        #expect(CheckedNumbers.duration(seconds: 5, upTo: .seconds(-3)) == .zero)
        #expect(CheckedNumbers.clamp(.seconds(Int64.max)) == CheckedNumbers.longestDuration)
    }

    @Test(arguments: [
        ("0", Int64(0)),
        ("1048576", 1_048_576),
        (" 42 ", 42),
        ("9223372036854775807", Int64.max),
    ])
    func integersParse(text: String, expected: Int64) {
        #expect(CheckedNumbers.nonNegativeInteger(text) == expected)
    }

    @Test(arguments: [
        "-1", "+1", "", " ", "1e3", "0x10", "12 34", "9223372036854775808", "99999999999999999999",
        "١٢", "1.0", "NaN",
    ])
    func badIntegersAreNil(text: String) {
        #expect(CheckedNumbers.nonNegativeInteger(text) == nil)
    }
}
