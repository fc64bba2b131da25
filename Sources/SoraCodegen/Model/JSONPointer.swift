/// A local reference (`#/a/b~1c`) split into unescaped JSON-pointer segments.
struct JSONPointer: Hashable {
    /// The decoded segments.
    let segments: [String]

    /// Parses `#/…`; nil for a reference that is not local.
    init?(reference: String) {
        guard reference.hasPrefix("#") else { return nil }
        let fragment = reference.dropFirst()
        if fragment.isEmpty {
            segments = []
            return
        }
        guard fragment.hasPrefix("/"), let decoded = JSONPointer.percentDecode(String(fragment.dropFirst())) else {
            return nil
        }
        segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map(JSONPointer.unescape)
    }

    /// The NAME of `#/components/KIND/NAME` read straight from the bytes, when NAME needs no unescaping:
    /// the common case, without splitting or decoding.
    static func plainComponentName(_ reference: String, kind: String) -> String? {
        let prefix: String
        switch kind {
        case "schemas": prefix = "#/components/schemas/"
        case "parameters": prefix = "#/components/parameters/"
        case "responses": prefix = "#/components/responses/"
        default: prefix = "#/components/" + kind + "/"
        }
        guard reference.utf8.count > prefix.utf8.count, reference.utf8.starts(with: prefix.utf8) else { return nil }
        let name = reference.utf8.dropFirst(prefix.utf8.count)
        guard !name.isEmpty,
            !name.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") })
        else { return nil }
        return String(Substring(name))
    }

    /// When the pointer names `components/KIND/NAME`, the name.
    func componentName(_ kind: String) -> String? {
        segments.count == 3 && segments[0] == "components" && segments[1] == kind ? segments[2] : nil
    }

    /// Turns `~1` into `/` and `~0` into `~`, in one pass as RFC 6901 says.
    private static func unescape(_ segment: Substring) -> String {
        guard segment.utf8.contains(UInt8(ascii: "~")) else { return String(segment) }
        var result = ""
        var pendingTilde = false
        for character in segment {
            if pendingTilde {
                switch character {
                case "1": result.append("/")
                case "0": result.append("~")
                default: result += "~\(character)"
                }
                pendingTilde = false
            } else if character == "~" {
                pendingTilde = true
            } else {
                result.append(character)
            }
        }
        if pendingTilde { result.append("~") }
        return result
    }

    /// Decodes `%XX` escapes of a URI fragment; nil when an escape is malformed or not UTF-8.
    private static func percentDecode(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
