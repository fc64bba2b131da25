/// A Swift type as a value: what translation builds and compares, and what the printer writes.
///
/// Types are never compared as text: `.optional(.array(.fileUpload))` says what it is, and `contains` answers
/// questions such as "does this member hold a file?" at any depth.
public indirect enum SwiftType: Sendable, Hashable, CustomStringConvertible {
    /// A nominal type, possibly qualified: `String`, `Video`, `Pet.Kind`.
    case named(String)
    /// A generic type with its arguments: `PollingSequence<Video>`.
    case generic(String, [SwiftType])
    /// `T?`.
    case optional(SwiftType)
    /// `[T]`.
    case array(SwiftType)
    /// `[String: T]`.
    case dictionary(SwiftType)
    /// `any P`.
    case existential(String)
    /// `inout T` (parameters only).
    case inoutParameter(SwiftType)

    /// `String`.
    public static let string = SwiftType.named("String")
    /// `Int`.
    public static let int = SwiftType.named("Int")
    /// `Double`.
    public static let double = SwiftType.named("Double")
    /// `Bool`.
    public static let bool = SwiftType.named("Bool")
    /// `JSONValue`: any JSON, kept as sent.
    public static let jsonValue = SwiftType.named("JSONValue")
    /// `FileUpload`: a file streamed into a multipart body.
    public static let fileUpload = SwiftType.named("FileUpload")
    /// `BinaryContent`: a streamed binary answer.
    public static let binaryContent = SwiftType.named("BinaryContent")
    /// `URL`.
    public static let url = SwiftType.named("URL")
    /// `Date`.
    public static let date = SwiftType.named("Date")

    /// The type as Swift source.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends the Swift source to `text`.
    public func write(to text: inout String) {
        switch self {
        case .named(let name): text += name
        case .generic(let name, let arguments):
            text += name
            text += "<"
            for (index, argument) in arguments.enumerated() {
                if index > 0 { text += ", " }
                argument.write(to: &text)
            }
            text += ">"
        case .optional(let wrapped):
            wrapped.write(to: &text)
            text += "?"
        case .array(let element):
            text += "["
            element.write(to: &text)
            text += "]"
        case .dictionary(let value):
            text += "[String: "
            value.write(to: &text)
            text += "]"
        case .existential(let name): text += "any " + name
        case .inoutParameter(let type):
            text += "inout "
            type.write(to: &text)
        }
    }

    /// `T?`, unless it already is optional.
    public var optional: SwiftType {
        if case .optional = self { return self }
        return .optional(self)
    }

    /// The type without one level of `?`.
    public var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// True for `T?`.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// True when this type, or a type inside it (element, value, argument), satisfies `predicate`.
    public func contains(where predicate: (SwiftType) -> Bool) -> Bool {
        if predicate(self) { return true }
        switch self {
        case .named, .existential: return false
        case .generic(_, let arguments): return arguments.contains { $0.contains(where: predicate) }
        case .optional(let inner), .array(let inner), .dictionary(let inner), .inoutParameter(let inner):
            return inner.contains(where: predicate)
        }
    }

    /// True when `type` appears anywhere in this type.
    public func contains(_ type: SwiftType) -> Bool {
        contains { $0 == type }
    }
}

extension SwiftType: ExpressibleByStringLiteral {
    /// A nominal type written by the generator, e.g. `"Duration"`.
    public init(stringLiteral value: String) { self = .named(value) }
}
