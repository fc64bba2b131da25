/// Percent-encoding for path segments, query components, form fields and cookie values.
@_spi(Generated) public enum PercentEncoding {
    /// Encodes a value as exactly one path segment: only unreserved characters stay, and `.`/`..` are
    /// encoded too, so an id like `../x` can never change the path.
    public static func pathSegment(_ value: String) -> String {
        if value == "." || value == ".." { return value.replacingDots() }
        return encode(value)
    }

    /// Encodes a query name or value (`application/x-www-form-urlencoded` style, space as `%20`).
    public static func queryComponent(_ value: String) -> String {
        encode(value)
    }

    /// Encodes a name or value of an `application/x-www-form-urlencoded` body by the WHATWG rules: ASCII
    /// letters, digits and `*-._` stay, a space becomes `+`, every other UTF-8 byte is `%XX`.
    public static func formComponent(_ value: String) -> String {
        encode(value) { byte in
            if byte == 0x20 { return "+" }
            return isAlphanumeric(byte) || byte == 0x2A || byte == 0x2D || byte == 0x2E || byte == 0x5F ? "" : nil
        }
    }

    /// Encodes a cookie value: the bytes RFC 6265 allows in a cookie-octet stay (so base64 keys arrive as they
    /// are), `%` and every other byte (space, `"`, `,`, `;`, backslash, controls, non-ASCII) become `%XX`.
    public static func cookieValue(_ value: String) -> String {
        encode(value) { byte in
            switch byte {
            case 0x21, 0x23...0x24, 0x26...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: ""
            default: nil
            }
        }
    }

    private static func encode(_ value: String) -> String {
        encode(value) { isUnreserved($0) ? "" : nil }
    }

    /// `rule` says how a byte is written: "" keeps it, another string replaces it, nil percent-encodes it.
    private static func encode(_ value: String, _ rule: (UInt8) -> String?) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch rule(byte) {
            case ""?: result.unicodeScalars.append(Unicode.Scalar(byte))
            case let replacement?: result += replacement
            case nil: result += "%" + hex(byte >> 4) + hex(byte & 0xF)
            }
        }
        return result
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(repeating: "%2E", count: count)
    }
}
