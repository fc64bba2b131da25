/// Escaping of spec text for the two places it lands: string literals and doc comments.
public enum SwiftLiteral {
    /// A double-quoted Swift string literal whose value is exactly `value`.
    ///
    /// Backslashes and quotes are escaped, and every control, line-separator and bidirectional
    /// formatting character is written as `\u{…}`, so `"`, `\(`, `"""` and newlines stay data.
    public static func string(_ value: String) -> String {
        if isPlainASCII(value, allowing: []) { return "\"" + value + "\"" }
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
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
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Doc-comment lines for a paragraph of spec text: split at every line break, with control and
    /// bidirectional characters shown as `\u{…}` so a reviewer sees exactly what the spec says.
    public static func docLines(_ text: String) -> [String] {
        if isPlainASCII(text, allowing: [UInt8(ascii: "\n"), UInt8(ascii: "\""), UInt8(ascii: "\\")]) {
            return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
                var end = line.endIndex
                while end > line.startIndex && line[line.index(before: end)] == UInt8(ascii: " ") {
                    end = line.index(before: end)
                }
                return String(Substring(line[line.startIndex..<end]))
            }
        }
        var lines: [String] = [""]
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
                lines.append("")
            } else if scalar == "\t" {
                lines[lines.count - 1] += "    "
            } else if needsEscape(scalar) {
                lines[lines.count - 1] += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                lines[lines.count - 1].unicodeScalars.append(scalar)
            }
        }
        return lines.map { line in
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed
        }
    }

    /// True when every byte is printable ASCII other than `"` and `\\`, or one of `extra`: nothing to escape.
    static func isPlainASCII(_ text: String, allowing extra: [UInt8]) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
            if !extra.contains(byte) { return false }
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
