extension Scalar {
    /// Resolves with the YAML 1.2 JSON-compatible core schema; only plain, untagged scalars resolve to non-strings.
    public var value: ScalarValue {
        guard style == .plain, !isExplicitString else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        var text = text
        let resolved = text.withUTF8 { CoreSchemaNumber.resolve($0) }
        return resolved ?? .string(text)
    }
}

/// The numeric rules of the core schema, applied to a scalar's UTF-8 bytes.
enum CoreSchemaNumber {
    private static let zero = UInt8(ascii: "0")
    private static let plus = UInt8(ascii: "+")
    private static let minus = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: ".")

    /// `.integer` or `.float` when the bytes spell a core-schema number, else nil.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarValue? {
        guard let first = bytes.first, first == plus || first == minus || first == dot || isDigit(first) else {
            return nil
        }
        if let integer = decimalInteger(bytes) ?? prefixedInteger(bytes) {
            return .integer(integer)
        }
        if isFloat(bytes), let double = Double(String(decoding: bytes, as: UTF8.self)) {
            return .float(double)
        }
        return nil
    }

    /// `[-+]?[0-9]+` in canonical form: no `+`, no leading zeros, `-0` as `0`.
    private static func decimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let isNegative = bytes[0] == minus
        let start = bytes[0] == plus || isNegative ? 1 : 0
        guard start < bytes.count, bytes[start...].allSatisfy(isDigit) else { return nil }
        guard let firstSignificant = bytes[start...].firstIndex(where: { $0 != zero }) else { return "0" }
        let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[firstSignificant...]), as: UTF8.self)
        return isNegative ? "-" + digits : digits
    }

    /// `0x[0-9a-fA-F]+` or `0o[0-7]+` as decimal digits of any size.
    private static func prefixedInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count > 2, bytes[0] == zero else { return nil }
        let radix: UInt64
        switch bytes[1] {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        default: return nil
        }
        var digits: [UInt64] = []
        digits.reserveCapacity(bytes.count - 2)
        for byte in bytes[2...] {
            guard let digit = digitValue(byte), digit < radix else { return nil }
            digits.append(digit)
        }
        return BigDecimal.convert(digits, radix: radix)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        func skipDigits() -> Int {
            let start = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < count, bytes[index] == plus || bytes[index] == minus { index += 1 }
        if index < count, bytes[index] == dot {
            index += 1
            guard skipDigits() > 0 else { return false }
        } else {
            guard skipDigits() > 0 else { return false }
            if index < count, bytes[index] == dot {
                index += 1
                _ = skipDigits()
            }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == plus || bytes[index] == minus { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == count
    }

    /// True for an ASCII decimal digit.
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- zero < 10
    }

    /// The value of an ASCII hexadecimal digit, or nil.
    private static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Base conversion of arbitrarily long digit strings to decimal, on limbs of nine decimal digits.
enum BigDecimal {
    private static let limbBase: UInt64 = 1_000_000_000

    /// The decimal digits of the number whose base-`radix` digits (most significant first) are `digits`.
    static func convert(_ digits: [UInt64], radix: UInt64) -> String {
        // Feed several digits per pass: radix^group stays below 2^28, so limb * multiplier + carry fits in UInt64.
        let group = radix == 16 ? 7 : 9
        var limbs: [UInt64] = [0]  // least significant first
        var index = 0
        while index < digits.count {
            let end = min(index + group, digits.count)
            var multiplier: UInt64 = 1
            var chunk: UInt64 = 0
            for digit in digits[index..<end] {
                multiplier *= radix
                chunk = chunk * radix + digit
            }
            var carry = chunk
            for limb in limbs.indices {
                let product = limbs[limb] * multiplier + carry
                limbs[limb] = product % limbBase
                carry = product / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
            index = end
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
