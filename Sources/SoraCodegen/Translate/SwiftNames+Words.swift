/// Splitting spec names into words, on UTF-8 bytes: only ASCII letters and digits make words.
extension SwiftNames {
    /// Splits a spec name into words at separators, lower-to-upper case changes and acronym ends
    /// (`HTTPStatus` → `HTTP`, `Status`); digits stay with their word.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(name.utf8)
        for (index, byte) in bytes.enumerated() {
            guard isAlphanumeric(byte) else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                continue
            }
            if let last = current.last {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let lowerToUpper = isLower(last) && isUpper(byte)
                let acronymEnd = isUpper(last) && isUpper(byte) && isLower(next)
                if lowerToUpper || acronymEnd {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            current.append(byte)
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `word` with its first letter in upper case.
    static func capitalized(_ word: String) -> String {
        guard let first = word.utf8.first, isLower(first) else { return word }
        var bytes = Array(word.utf8)
        bytes[0] -= 32
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lowercases a leading run of capitals: `URL` → `url`, `Video` → `video`.
    static func lowercasedLead(_ word: String) -> String {
        var bytes = Array(word.utf8)
        if !bytes.contains(where: isLower) {
            return String(decoding: bytes.map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        if let first = bytes.first, isUpper(first) { bytes[0] = first + 32 }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isUpper(byte) || isLower(byte) || (byte >= 48 && byte <= 57)
    }
}
