/// Parses header values of the form `token; key=value; key="quoted value"` (Content-Type, Content-Disposition).
struct HeaderParameters: Sendable {
    /// The leading token, lowercased (`multipart/form-data`, `form-data`).
    let token: String
    /// Parameters by lowercased key, unquoted.
    let parameters: [String: String]

    init(_ value: String) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        token = pieces[0].trimmingSpaces().lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingSpaces().lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingSpaces()
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = String(raw.dropFirst().dropLast())
            }
            if !key.isEmpty && parameters[key] == nil { parameters[key] = raw }
        }
        self.parameters = parameters
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
