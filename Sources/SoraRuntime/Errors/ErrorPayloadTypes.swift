/// The types an operation's spec declares for its error answers, by status: generated code passes them to
/// `APIClientCore.send(_:errorTypes:)`, which decodes a non-2xx body into the matching type and keeps it
/// in `SoraAPIError` (`error.payload(as: NotFound.self)`).
///
/// ```swift
/// let errorTypes: ErrorPayloadTypes = [404: NotFound.self, .range(5): ServerError.self, .default: Problem.self]
/// ```
///
/// The most precise entry wins: the exact status, then its class (`4XX`), then `default`.
@_spi(Generated) public struct ErrorPayloadTypes: Sendable, ExpressibleByDictionaryLiteral {
    /// Which statuses an entry covers: a response key of the spec.
    public enum Status: Sendable, Hashable, ExpressibleByIntegerLiteral {
        /// One status, e.g. `404`.
        case code(Int)
        /// A class of statuses: `.range(4)` is the spec's `4XX`.
        case range(Int)
        /// The spec's `default` response.
        case `default`

        /// A single status from an integer literal.
        public init(integerLiteral value: Int) { self = .code(value) }
    }

    /// A type an error body decodes into.
    public typealias Payload = any (Decodable & Sendable).Type

    private var types: [Status: Payload] = [:]

    /// No types: error bodies are kept as JSON only.
    public init() {}

    /// Types by status key.
    public init(dictionaryLiteral elements: (Status, Payload)...) {
        for (status, type) in elements { types[status] = type }
    }

    /// The type for `status`: its own entry, else its class's, else the default; nil when none.
    public func type(for status: Int) -> Payload? {
        types[.code(status)] ?? types[.range(status / 100)] ?? types[.default]
    }

    /// True when no type is declared.
    public var isEmpty: Bool { types.isEmpty }
}
