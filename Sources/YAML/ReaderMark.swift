/// Turns the byte offset of a libyaml reader error into a line and column.
///
/// libyaml reports reader errors (bad UTF-8, control characters) by byte offset only, so the mark is recomputed
/// from the input the way libyaml counts: line breaks are LF, CRLF, CR, NEL, LS and PS; columns count scalars.
enum ReaderMark {
    /// The 1-based mark of the byte at `offset` in `bytes`.
    static func mark(atOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3  // libyaml skips a UTF-8 byte order mark without counting it
        }
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                    line += 1
                    column = 1
                }
            } else if isWideBreak(bytes, at: index, end: end) {
                line += 1
                column = 1  // the break's continuation bytes are skipped as continuation bytes
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    /// True where NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9) starts and ends before `end`.
    private static func isWideBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        switch bytes[index] {
        case 0xC2:
            return index + 1 < end && bytes[index + 1] == 0x85
        case 0xE2:
            return index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default:
            return false
        }
    }
}
