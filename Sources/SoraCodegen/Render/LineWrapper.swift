/// Breaks code lines longer than the printer's limit at the arguments of their first call: each argument on a
/// line of its own, one level deeper, and the closing parenthesis back at the line's indentation.
///
/// It reads Swift only as far as it must: string literals (with interpolations, raw and multi-line ones) and
/// comments are never broken, and a comma counts only at the top level of the call, outside brackets, braces and
/// generic argument lists. A line it cannot shorten stays as it is.
enum LineWrapper {
    /// The text with every long code line wrapped (the same bytes when no line is longer than `limit`).
    static func wrap(_ bytes: [UInt8], limit: Int) -> [UInt8] {
        var output: [UInt8] = []
        return wrap(bytes, limit: limit, into: &output) ? output : bytes
    }

    /// Writes the wrapped text into `output` (emptied first, its capacity reused) and returns true; returns
    /// false and leaves `output` alone when no line is longer than `limit`.
    static func wrap(_ bytes: [UInt8], limit: Int, into output: inout [UInt8]) -> Bool {
        guard hasLongLine(bytes, limit: limit) else { return false }
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var insideMultiline = false
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = Array(bytes[start..<end])
            let toggles = multilineDelimiters(line) % 2 == 1
            if insideMultiline || toggles || columns(line) <= limit {
                output += line
            } else {
                output += wrapLine(line, limit: limit, depth: 0)
            }
            if toggles { insideMultiline.toggle() }
            if end < bytes.count { output.append(UInt8(ascii: "\n")) }
            start = end + 1
        }
        return true
    }

    private static func hasLongLine(_ bytes: [UInt8], limit: Int) -> Bool {
        var length = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                length = 0
            } else if byte & 0xC0 != 0x80 {
                length += 1
                if length > limit { return true }
            }
        }
        return false
    }

    /// Characters, not bytes (a continuation byte of UTF-8 starts no character).
    static func columns(_ line: [UInt8]) -> Int {
        line.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// How many `"""` the line holds outside comments (an odd count opens or closes a multi-line literal).
    private static func multilineDelimiters(_ line: [UInt8]) -> Int {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        if trimmed.starts(with: Array("//".utf8)) { return 0 }
        var count = 0
        var index = 0
        while index + 2 < line.count {
            if line[index] == UInt8(ascii: "\""), line[index + 1] == UInt8(ascii: "\""),
                line[index + 2] == UInt8(ascii: "\"")
            {
                count += 1
                index += 3
            } else {
                index += 1
            }
        }
        return count
    }

    private static func wrapLine(_ line: [UInt8], limit: Int, depth: Int) -> [UInt8] {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        guard depth < 4, !line[indent...].starts(with: Array("//".utf8)),
            let group = firstCallArguments(line, from: indent)
        else { return line }
        let inner = String(repeating: " ", count: indent + 4).utf8
        var result = Array(line[...group.open])
        var argumentStart = group.open + 1
        for (index, comma) in (group.commas + [group.close]).enumerated() {
            let argument = trim(Array(line[argumentStart..<comma]))
            var argumentLine = Array(inner) + argument
            if index < group.commas.count { argumentLine.append(UInt8(ascii: ",")) }
            if columns(argumentLine) > limit { argumentLine = wrapLine(argumentLine, limit: limit, depth: depth + 1) }
            result.append(UInt8(ascii: "\n"))
            result += argumentLine
            argumentStart = comma + 1
        }
        result.append(UInt8(ascii: "\n"))
        result += Array(repeating: UInt8(ascii: " "), count: indent)
        result += line[group.close...]
        return result
    }

    private static func trim(_ bytes: [UInt8]) -> [UInt8] {
        Array(bytes.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed())
    }

    /// The group to break: the first `(…)` or `[…]` at the top level of the line, closed on the same line, that
    /// holds a comma directly inside it; else the first non-empty `(…)`.
    private static func firstCallArguments(_ line: [UInt8], from start: Int) -> (open: Int, close: Int, commas: [Int])?
    {
        var scanner = Scanner(line: line, index: start)
        var open: Int?
        var commas: [Int] = []
        var nesting = 0
        var fallback: (open: Int, close: Int, commas: [Int])?
        while let (index, byte, inCode) = scanner.next() {
            guard inCode else { continue }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                if open == nil, byte != UInt8(ascii: "{") {
                    open = index
                    commas = []
                } else if open != nil {
                    nesting += 1
                }
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let opened = open else { continue }
                if nesting == 0 {
                    let matches = (line[opened] == UInt8(ascii: "(")) == (byte == UInt8(ascii: ")"))
                    guard matches else { return fallback }
                    if !commas.isEmpty { return (opened, index, commas) }
                    if fallback == nil, byte == UInt8(ascii: ")"), !trim(Array(line[(opened + 1)..<index])).isEmpty {
                        fallback = (opened, index, [])
                    }
                    open = nil
                    continue
                }
                nesting -= 1
            case UInt8(ascii: "<"):
                if open != nil, scanner.opensGenericList(at: index) { nesting += 1 }
            case UInt8(ascii: ">"):
                if open != nil, scanner.closesGenericList(at: index) { nesting -= 1 }
            case UInt8(ascii: ","):
                if open != nil, nesting == 0 { commas.append(index) }
            case UInt8(ascii: "/"):
                if index + 1 < line.count, line[index + 1] == UInt8(ascii: "/") { return fallback }
            default: break
            }
        }
        return fallback
    }

    /// Walks a line byte by byte, saying for each byte whether it is code (not inside a string literal).
    private struct Scanner {
        let line: [UInt8]
        var index: Int
        /// Open string literals and interpolations, innermost last: a string's raw-hash count, or nil for an
        /// interpolation's code (with its parenthesis depth).
        var stack: [(hashes: Int?, parens: Int)] = []
        var genericDepth = 0

        init(line: [UInt8], index: Int) {
            self.line = line
            self.index = index
        }

        var inCode: Bool { stack.last.map { $0.hashes == nil } ?? true }

        mutating func next() -> (Int, UInt8, Bool)? {
            guard index < line.count else { return nil }
            let at = index
            let byte = line[at]
            index += 1
            if inCode {
                if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") {
                    var hashes = 0
                    var probe = at
                    while probe < line.count, line[probe] == UInt8(ascii: "#") {
                        hashes += 1
                        probe += 1
                    }
                    if probe < line.count, line[probe] == UInt8(ascii: "\"") {
                        stack.append((hashes, 0))
                        index = probe + 1
                        return (at, byte, false)
                    }
                    return (at, byte, true)
                }
                if !stack.isEmpty {
                    if byte == UInt8(ascii: "(") { stack[stack.count - 1].parens += 1 }
                    if byte == UInt8(ascii: ")") {
                        if stack[stack.count - 1].parens == 0 {
                            stack.removeLast()
                            return (at, byte, false)
                        }
                        stack[stack.count - 1].parens -= 1
                    }
                }
                return (at, byte, true)
            }
            let hashes = stack[stack.count - 1].hashes ?? 0
            if byte == UInt8(ascii: "\\") {
                var probe = at + 1
                var count = 0
                while probe < line.count, line[probe] == UInt8(ascii: "#"), count < hashes {
                    count += 1
                    probe += 1
                }
                if count == hashes, probe < line.count {
                    if line[probe] == UInt8(ascii: "(") {
                        stack.append((nil, 0))
                        index = probe + 1
                    } else {
                        index = probe + 1
                    }
                }
                return (at, byte, false)
            }
            if byte == UInt8(ascii: "\"") {
                var probe = at + 1
                var count = 0
                while probe < line.count, line[probe] == UInt8(ascii: "#"), count < hashes {
                    count += 1
                    probe += 1
                }
                if count == hashes {
                    stack.removeLast()
                    index = probe
                }
            }
            return (at, byte, false)
        }

        /// `Name<` with a type after it: `Array<Int>`, `ResponseWithHeaders<Video, Headers>`.
        mutating func opensGenericList(at position: Int) -> Bool {
            guard position > 0, position + 1 < line.count else { return false }
            let before = line[position - 1]
            let after = line[position + 1]
            let isName = before.isLetterOrDigit
            let opens = isName && (after.isUppercase || after == UInt8(ascii: "[") || after == UInt8(ascii: "("))
            if opens { genericDepth += 1 }
            return opens
        }

        mutating func closesGenericList(at position: Int) -> Bool {
            guard genericDepth > 0, position > 0, line[position - 1] != UInt8(ascii: "-") else { return false }
            genericDepth -= 1
            return true
        }
    }
}

extension UInt8 {
    fileprivate var isLetterOrDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "?") || self == UInt8(ascii: "!")
    }

    fileprivate var isUppercase: Bool { self >= 0x41 && self <= 0x5A }
}
