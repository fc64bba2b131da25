/// Checked conversions for numbers that come from outside (form fields, query, headers, flags):
/// extreme values become a clean rejection or a clamp, never an arithmetic trap.
enum CheckedNumber {
    /// A string of ASCII digits read as a non-negative integer.
    enum Digits: Sendable, Equatable {
        /// The value fits in `Int`.
        case value(Int)
        /// Only digits, but more than `Int.max`.
        case tooLarge
    }

    /// Reads `text` when it is one or more ASCII digits (no sign, no spaces, no exponent); nil otherwise.
    static func digits<Text: StringProtocol>(_ text: Text) -> Digits? {
        guard !text.isEmpty else { return nil }
        var value = 0
        var overflowed = false
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            if overflowed { continue }
            let (times, timesOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = times.addingReportingOverflow(Int(byte - 0x30))
            if timesOverflow || sumOverflow { overflowed = true } else { value = sum }
        }
        return overflowed ? .tooLarge : .value(value)
    }

    /// The digits of `text` as an `Int` within `range`, or nil (not digits, too large, or outside `range`).
    static func integer<Text: StringProtocol>(_ text: Text, in range: ClosedRange<Int>) -> Int? {
        guard case .value(let value)? = digits(text), range.contains(value) else { return nil }
        return value
    }

    /// `value` rounded toward zero and clamped into `range`; NaN gives `range.lowerBound`.
    static func clamped(_ value: Double, to range: ClosedRange<Int> = Int.min...Int.max) -> Int {
        guard !value.isNaN else { return range.lowerBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        // `Double(Int.max)` rounds up to 2^63, so compare with `>=` before converting.
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value.rounded(.towardZero))
    }

    /// At most `limit` characters of `text` for an error message, marked when cut.
    static func excerpt(_ text: String, limit: Int = 64) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
