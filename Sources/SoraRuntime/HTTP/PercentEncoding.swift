/// RFC 3986 percent-encoding for path segments and query components.
public enum PercentEncoding {
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

    private static func encode(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hex(byte >> 4) + hex(byte & 0xF)
            }
        }
        return result
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
