import Foundation

/// RFC 3339 / ISO 8601 date-times read and written by hand: no formatter, no locale, no calendar, and
/// nil (never a trap) for anything out of range.
@_spi(Generated) public enum RFC3339 {
    /// Reads `2024-05-06T07:08:09Z`, with or without fractional seconds (any number of digits), with `Z`,
    /// `z`, `+hh:mm`, `-hh:mm` or `+hhmm`, a `T`, `t` or space between date and time; a bare date
    /// (`2024-05-06`) is midnight UTC. Nil for anything else.
    public static func date(from text: String) -> Date? {
        var scanner = ByteScanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip(0x2D), let month = scanner.digits(2), scanner.skip(0x2D),
            let day = scanner.digits(2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        let days = daysFromEpoch(year: year, month: month, day: day)
        if scanner.isAtEnd { return Date(timeIntervalSince1970: Double(days * 86_400)) }
        guard scanner.skip(0x54) || scanner.skip(0x74) || scanner.skip(0x20), let hour = scanner.digits(2),
            scanner.skip(0x3A), let minute = scanner.digits(2), scanner.skip(0x3A), let second = scanner.digits(2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(0x2E) {
            guard let digits = scanner.fractionDigits() else { return nil }
            fraction = digits
        }
        guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Writes `2024-05-06T07:08:09Z` in UTC, with a fraction (up to microseconds, trailing zeros dropped) only
    /// when it is not zero; nil for a date outside the years 0000…9999 or not finite.
    public static func string(from date: Date) -> String? {
        let interval = date.timeIntervalSince1970
        // Years 0000…9999, the range the four-digit year can hold.
        guard interval.isFinite, interval >= -62_167_219_200, interval < 253_402_300_800 else { return nil }
        let total = Int64((interval * 1_000_000).rounded())
        // Floor division, so times before 1970 count back from the right day.
        let (seconds, micros) = floorDivision(total, 1_000_000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: Int(days))
        var text =
            pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(Int(secondOfDay / 3_600), 2) + ":"
            + pad(Int(secondOfDay / 60 % 60), 2) + ":" + pad(Int(secondOfDay % 60), 2)
        if micros > 0 {
            var fraction = pad(Int(micros), 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count from 1970-01-01 (the inverse of `daysFromEpoch`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Reads ASCII fields from the bytes of a date-time.
private struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard bytes.count - position >= count else { return nil }
        var value = 0
        for byte in bytes[position..<(position + count)] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += count
        return value
    }

    /// One or more digits after a `.`, as a fraction of a second (digits past the ninth are read and ignored).
    mutating func fractionDigits() -> Double? {
        var value = 0
        var scale = 1
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            if position - start < 9 {
                value = value * 10 + Int(bytes[position] - 0x30)
                scale *= 10
            }
            position += 1
        }
        return position > start ? Double(value) / Double(scale) : nil
    }

    /// `Z`/`z` as 0, or `±hh:mm` / `±hhmm` as seconds east of UTC; nil when absent or malformed.
    mutating func offset() -> Int? {
        if skip(0x5A) || skip(0x7A) { return 0 }
        let sign: Int
        if skip(0x2B) {
            sign = 1
        } else if skip(0x2D) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2) else { return nil }
        _ = skip(0x3A)
        guard let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
