/// Escaping of spec text for the two places it lands: string literals and doc comments.
public enum SwiftLiteral {
    /// A double-quoted Swift string literal whose value is exactly `value`.
    ///
    /// Backslashes and quotes are escaped, and every control, line-separator and bidirectional
    /// formatting character is written as `\u{…}`, so `"`, `\(`, `"""` and newlines stay data.
    public static func string(_ value: String) -> String {
        var result = ""
        appendString(value, to: &result)
        return result
    }

    /// Appends `string(value)` to `result` without building it separately.
    static func appendString(_ value: String, to result: inout String) {
        if isPlainASCII(value) {
            result += "\""
            result += value
            result += "\""
            return
        }
        result.reserveCapacity(result.utf8.count + value.utf8.count + 2)
        result += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if needsEscape(scalar) {
                    result += "\\u{"
                    result += String(scalar.value, radix: 16, uppercase: true)
                    result += "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
    }

    /// Doc-comment lines for a paragraph of spec text: split at every line break, with control and
    /// bidirectional characters shown as `\u{…}` so a reviewer sees exactly what the spec says.
    public static func docLines(_ text: String) -> [String] {
        var lines: [String] = []
        forEachDocLine(text) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Hands the UTF-8 bytes of each of `docLines(text)` to `body`, in one pass and without a string per line.
    ///
    /// Trailing spaces are dropped; a tab becomes four spaces.
    static func forEachDocLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let isPlain = text.withUTF8 { bytes in
            guard let hasLineBreak = plainDocText(bytes) else { return false }
            guard hasLineBreak else {
                body(UnsafeBufferPointer(rebasing: bytes[..<trimmedEnd(bytes, from: 0, to: bytes.count)]))
                return true
            }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                body(UnsafeBufferPointer(rebasing: bytes[start..<trimmedEnd(bytes, from: start, to: index)]))
                start = index + 1
            }
            return true
        }
        if isPlain { return }
        var line: [UInt8] = []
        func finishLine() {
            if line.last == UInt8(ascii: " ") {
                // By characters, as a reader sees them: a space that joins the character before it stays.
                var trimmed = String(decoding: line, as: UTF8.self)
                while trimmed.last == " " { trimmed.removeLast() }
                line = Array(trimmed.utf8)
            }
            line.withUnsafeBufferPointer(body)
            line.removeAll(keepingCapacity: true)
        }
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
                || scalar == "\u{85}" || scalar == "\u{0B}" || scalar == "\u{0C}"
            {
                finishLine()
            } else if scalar == "\t" {
                line.append(contentsOf: "    ".utf8)
            } else if needsEscape(scalar) {
                line.append(contentsOf: "\\u{".utf8)
                line.append(contentsOf: String(scalar.value, radix: 16, uppercase: true).utf8)
                line.append(UInt8(ascii: "}"))
            } else {
                line.append(contentsOf: scalar.utf8)
            }
        }
        finishLine()
    }

    /// For doc text that is only printable ASCII and `\n` (nothing to escape or to split elsewhere), whether it
    /// has a line break; nil for any other text. Checks eight bytes at a time: this runs over every doc comment.
    private static func plainDocText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var hasLineBreak = false
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // With no byte ≥ 0x80, `(x - n·ones) & ~x & highBits` is non-zero exactly when some byte of x is < n.
            if word & highBits != 0 { return nil }
            let delete = word ^ (ones &* 0x7F)
            if (delete &- ones) & ~delete & highBits != 0 { return nil }
            if (word &- ones &* 0x20) & ~word & highBits != 0 {
                for offset in index..<index + 8 where bytes[offset] < 0x20 {
                    guard bytes[offset] == UInt8(ascii: "\n") else { return nil }
                    hasLineBreak = true
                }
            }
            index += 8
        }
        for offset in index..<bytes.count where bytes[offset] < 0x20 || bytes[offset] >= 0x7F {
            guard bytes[offset] == UInt8(ascii: "\n") else { return nil }
            hasLineBreak = true
        }
        return hasLineBreak
    }

    /// The end of `bytes[start..<end]` without trailing spaces.
    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var end = end
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    /// True when every byte is printable ASCII other than `"` and `\\`: nothing to escape.
    static func isPlainASCII(_ text: String) -> Bool {
        for byte in text.utf8
        where byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            return false
        }
        return true
    }

    /// Control characters, line/paragraph separators and bidirectional overrides (Trojan Source).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        case 0xFEFF: true
        default: false
        }
    }
}
