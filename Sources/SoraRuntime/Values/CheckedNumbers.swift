/// Conversions of numbers that come from outside (headers, JSON, flags, configuration) that never trap:
/// NaN, infinities, negative and huge values are clamped or refused instead.
enum CheckedNumbers {
    /// The longest wait any limit of the client may hold: about 68 years, far below where `Duration`
    /// and the clocks' nanosecond arithmetic would overflow.
    static let longestDuration = Duration.seconds(Int64(Int32.max))

    /// `seconds` as a `Duration` within `0...limit`; NaN counts as 0, +∞ as `limit`.
    static func duration(seconds: Double, upTo limit: Duration = longestDuration) -> Duration {
        let cap = clamp(limit)
        guard seconds > 0 else { return .zero }  // also NaN
        guard seconds < cap.seconds else { return cap }
        // Below 2^31 seconds, so the nanoseconds fit an Int64.
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// `duration` within `0...longestDuration`.
    static func clamp(_ duration: Duration) -> Duration {
        min(max(duration, .zero), longestDuration)
    }

    /// A header value that must be a non-negative decimal integer (`Content-Length`, a byte position):
    /// nil for signs, spaces inside, garbage, or a value beyond `Int64.max`.
    static func nonNegativeInteger(_ text: some StringProtocol) -> Int64? {
        let trimmed = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        let digits = trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        var value: Int64 = 0
        for byte in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// A decimal integer with an optional `+`/`-` sign and spaces or tabs around it: nil for garbage,
    /// a fraction, or a value outside `Int64`.
    static func integer(_ text: some StringProtocol) -> Int64? {
        let trimmed = text.trimmingSpacesAndTabs()
        let negative = trimmed.hasPrefix("-")
        let digits = negative || trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        guard let magnitude = nonNegativeInteger(digits), digits == digits.trimmingSpacesAndTabs() else {
            // Int64.min has no positive twin: read it on its own.
            return negative && digits == "9223372036854775808" ? Int64.min : nil
        }
        return negative ? -magnitude : magnitude
    }

    /// A decimal number (`1`, `-0.5`, `1e3`) with spaces or tabs around it; nil for garbage, NaN or infinity.
    static func finiteNumber(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingSpacesAndTabs()
        guard let value = Double(trimmed), value.isFinite,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) })
        else { return nil }
        return value
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
