/// The naming rules: how spec names become Swift identifiers. One place, tested as a table.
public enum SwiftNames {
    /// Words Swift reserves in declarations; such names are written in backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "consume", "copy", "discard", "borrowing", "consuming", "some", "any",
    ]

    /// Names that even backticks cannot make usable after a dot (`x.self`, `x.init`): they get a `_` suffix.
    static let memberReserved: Set<String> = [
        "self", "Self", "init", "deinit", "super", "subscript", "Type", "Protocol",
    ]

    /// Type names that would shadow the standard library, Foundation or the runtime inside the module.
    static let reservedTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Array", "Dictionary", "Set", "Optional",
        "Error", "Result", "Never", "Void", "Any", "Type", "Protocol", "Self", "Data", "URL", "Date", "UUID",
        "Codable", "Decodable", "Encodable", "Decoder", "Encoder", "Hashable", "Equatable", "Sendable", "Character",
        "JSONValue", "FileUpload", "Validator", "Validatable", "ValidationError", "ValidationIssue", "FieldCondition",
        "MultipartForm", "PixelSizeRule", "OpenStringEnum", "ParameterValue", "OperationRequest",
        "OperationResponse", "APIClientCore", "ClientConfiguration", "BinaryContent", "SoraError", "SoraAPIError",
        "Indirect", "CodingKeys", "ClientTransport", "HTTPBody", "ContentSniffer", "ClientMiddleware",
        "PercentEncoding", "RetryAfter", "Logger", "Duration", "OpenIntEnum", "OpenNumberEnum", "OpenBoolEnum",
        "OpenEnum", "UnionCoding", "AdditionalProperties", "ResponseWithHeaders", "SecurityScheme", "Credential",
        "URLEncodedForm", "DecodingFailure", "QueryStyle", "ErrorPayloadTypes", "JSONCoding", "RFC3339",
        "DownloadedFile", "PollingSequence", "PageSequence", "APIKeyLocation", "AnyCodingKey", "MultipartBody",
        "ImageHeader", "OpenEnumRawValue", "RetryPolicy", "TimeoutKind",
    ]

    /// `video_list` → `VideoList`; `APIError` stays; a leading digit gets a `_` prefix: `4k` → `_4k`; names Swift
    /// keeps for itself (`Type`, `Self`) get a `Value` suffix: `type` → `TypeValue`.
    public static func typeName(_ name: String) -> String {
        var result = joinedWords(name, camelCase: false)
        if result.isEmpty { result = fallback(name).uppercasedFirst }
        if startsWithDigit(result) { result = "_" + result }
        if reservedNestedTypeNames.contains(result) { result += "Value" }
        return result
    }

    /// Type names that cannot be declared (`Self`, `Any`) or nested (`Outer.Type` means the metatype).
    static let reservedNestedTypeNames: Set<String> = ["Type", "Protocol", "Self", "Any"]

    /// `created_at` → `createdAt`, `private` → `` `private` ``, `self` → `self_`, `URL` → `url`.
    public static func memberName(_ name: String) -> String {
        var result = joinedWords(name, camelCase: true)
        if result.isEmpty { result = fallback(name) }
        if startsWithDigit(result) { result = "_" + result }
        return escaped(result)
    }

    /// An enum case name for a raw value: camelCase, and for a leading digit a prefix from the type's last
    /// word (`VideoSize` + `1280x720` → `size1280x720`).
    public static func caseName(_ value: String, enumType: String) -> String {
        let base = memberName(value)
        let bare = base.hasPrefix("`") ? String(base.dropFirst().dropLast()) : base
        guard bare.hasPrefix("_"), bare.dropFirst().first?.isNumber == true else {
            return value.isEmpty ? "empty" : base
        }
        let prefix = words(enumType).last.map(lowercasedLead) ?? "value"
        return prefix + bare.dropFirst()
    }

    /// True for `4k`: a name that needs a `_` prefix (names here start with an ASCII letter or digit).
    private static func startsWithDigit(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
    }

    /// `base2`, `base3`, …: the first that `isTaken` does not claim (for a `base` already taken).
    static func numbered(_ base: String, isTaken: (String) -> Bool) -> String {
        var suffix = 2
        while isTaken("\(base)\(suffix)") { suffix += 1 }
        return "\(base)\(suffix)"
    }

    /// Backticks for keywords, `_` suffix for names unusable after a dot.
    static func escaped(_ identifier: String) -> String {
        escapes[identifier] ?? identifier
    }

    /// `escaped` for every name it changes, so that a plain name costs one lookup.
    private static let escapes: [String: String] = {
        var escapes: [String: String] = [:]
        for keyword in keywords { escapes[keyword] = "`\(keyword)`" }
        for reserved in memberReserved { escapes[reserved] = reserved + "_" }
        return escapes
    }()

    /// The identifier without backticks, for collision checks and derived names.
    static func bare(_ identifier: String) -> String {
        identifier.hasPrefix("`") ? String(identifier.dropFirst().dropLast()) : identifier
    }

    /// True when `name` is an ASCII Swift identifier that needs no escaping.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !keywords.contains(name)
    }

    /// An operationId for an operation that has none: `get` + `/videos/{video_id}` → `getVideosVideoId`.
    static func derivedOperationID(method: String, path: String) -> String {
        memberName(method + " " + path)
    }

    /// A name for text with no ASCII letters or digits: its scalars in hex, e.g. `名字` → `u540D5B57`.
    private static func fallback(_ name: String) -> String {
        guard !name.isEmpty else { return "empty" }
        return "u" + name.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined()
    }
}

extension String {
    var uppercasedFirst: String { SwiftNames.capitalized(self) }
}
