/// Splitting spec names into words, on UTF-8 bytes: only ASCII letters and digits make words.
extension SwiftNames {
    /// Splits a spec name into words at separators, lower-to-upper case changes and acronym ends
    /// (`HTTPStatus` → `HTTP`, `Status`); digits stay with their word.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var name = name
        name.withUTF8 { bytes in
            forEachWord(bytes) { words.append(String(decoding: bytes[$0], as: UTF8.self)) }
        }
        return words
    }

    /// The words of `name` joined, each capitalized, and the first one with `lowercasedLead` when `camelCase`:
    /// `typeName` and `memberName` before their fallbacks, in one pass with no string per word.
    static func joinedWords(_ name: String, camelCase: Bool) -> String {
        var name = name
        return name.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var isFirst = true
                forEachWord(bytes) { word in
                    let lowerAll = camelCase && isFirst && !bytes[word].contains(where: isLower)
                    for index in word {
                        var byte = bytes[index]
                        if lowerAll {
                            if isUpper(byte) { byte += 32 }
                        } else if index == word.lowerBound {
                            if camelCase && isFirst {
                                if isUpper(byte) { byte += 32 }
                            } else if isLower(byte) {
                                byte -= 32
                            }
                        }
                        output[count] = byte
                        count += 1
                    }
                    isFirst = false
                }
                return count
            }
        }
    }

    /// Calls `body` with the byte range of each word of `bytes`, in order.
    private static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            guard isAlphanumeric(bytes[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && isAlphanumeric(bytes[end]) {
                let last = bytes[end - 1]
                let byte = bytes[end]
                let next = end + 1 < bytes.count ? bytes[end + 1] : 0
                let lowerToUpper = isLower(last) && isUpper(byte)
                let acronymEnd = isUpper(last) && isUpper(byte) && isLower(next)
                if lowerToUpper || acronymEnd { break }
                end += 1
            }
            body(index..<end)
            index = end
        }
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
