/// Shadows the state machine of MultipartKit 4.7.1's `MultipartParser`, byte for byte, to refuse input that
/// would trap it: a byte >= 0x80 where it reads a part header name indexes past its 128-entry table
/// (`isAllowedHeaderFieldNameCharacter`, MultipartParser.swift:316: "Index out of range"), which killed the
/// whole server. Found by `Fuzz/` (fuzz-multipart).
///
/// Where the real parser would throw a syntax error, the shadow may drift, which is harmless: the parser
/// throws at that byte and is never fed again.
struct HeaderNameGuard: Sendable {
    private enum State: Sendable {
        case preamble(match: Int)
        case preHeaders(expectingLF: Bool)
        case headerName(isEmpty: Bool)
        case headerValue
        case postHeaderValue
        case postHeaders
        case body
        case boundary(match: Int)
        case epilogue
    }

    /// `\r\n--BOUNDARY`, as the parser matches it.
    private let delimiter: [UInt8]
    private var state = State.preamble(match: 0)

    /// A guard for a body whose boundary is `boundary`.
    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Advances over `bytes`; false if one of them would trap the parser (the body must then be refused).
    mutating func admit<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        for byte in bytes {
            switch state {
            case .preamble(let match):
                var next = 0
                if match == 0 && byte == delimiter[2] {
                    next = 3
                } else if byte == delimiter[match] {
                    next = match + 1
                } else if match > 0 && byte == delimiter[0] {
                    next = 1
                }
                state = next >= delimiter.count ? .preHeaders(expectingLF: false) : .preamble(match: next)
            case .preHeaders(let expectingLF):
                state = expectingLF ? .headerName(isEmpty: true) : .preHeaders(expectingLF: true)
            case .headerName(let isEmpty):
                if byte >= 0x80 { return false }
                if byte == UInt8(ascii: ":") && !isEmpty {
                    state = .headerValue
                } else if byte == UInt8(ascii: "\r") && isEmpty {
                    state = .postHeaders
                } else {
                    state = .headerName(isEmpty: false)
                }
            case .headerValue:
                if byte == UInt8(ascii: "\r") { state = .postHeaderValue }
            case .postHeaderValue:
                state = .headerName(isEmpty: true)
            case .postHeaders:
                state = .body
            case .body:
                if byte == delimiter[0] { state = .boundary(match: 1) }
            case .boundary(let match):
                if match >= delimiter.count {
                    // `\r` starts the next part's headers (its `\n` comes next); `-` the epilogue.
                    state = byte == UInt8(ascii: "-") ? .epilogue : .preHeaders(expectingLF: true)
                } else if byte == delimiter[match] {
                    state = .boundary(match: match + 1)
                } else {
                    state = byte == delimiter[0] ? .boundary(match: 1) : .body
                }
            case .epilogue:
                return true
            }
        }
        return true
    }
}
