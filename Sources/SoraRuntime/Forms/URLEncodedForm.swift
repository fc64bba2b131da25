import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order.
///
/// Encoding follows the WHATWG URL standard: names and values are UTF-8, ASCII letters, digits and `*-._`
/// stay, a space becomes `+`, everything else is `%XX`; fields are joined by `&`. Arrays repeat the name
/// (`tag=a&tag=b`). Objects are spread as `name[key]=value` (nested: `name[key][sub]=v`, arrays inside by
/// index `name[key][0]=v`), the convention of Rails, PHP, Stripe and `qs`; `appendJSON` sends one as JSON text.
@_spi(Generated) public struct URLEncodedForm: Sendable, Hashable {
    /// One `name=value` pair, not yet encoded.
    public struct Field: Sendable, Hashable {
        /// The field name, e.g. `grant_type` or `address[city]`.
        public var name: String
        /// The value as text.
        public var value: String
    }

    /// The fields in order.
    public private(set) var fields: [Field] = []
    /// Errors met while encoding (e.g. a value that cannot be written as JSON).
    public private(set) var failures: [String] = []

    /// Creates an empty form.
    public init() {}

    /// Appends a field; nil is left out.
    public mutating func append(_ name: String, _ value: (some ParameterValue)?) {
        if let value { fields.append(Field(name: name, value: value.parameterText)) }
    }

    /// Appends one field per element, all with the same name.
    public mutating func append(_ name: String, _ values: [some ParameterValue]?) {
        for value in values ?? [] { fields.append(Field(name: name, value: value.parameterText)) }
    }

    /// Appends an object (any `Encodable`: a model or a dictionary) as `name[key]=value` fields in key order;
    /// nil and null members are left out. A value that is not an object is appended like a single value or
    /// an array.
    public mutating func appendObject(_ name: String, _ value: (some Encodable & Sendable)?) {
        guard let value else { return }
        do {
            let json = try FlatJSON(encoding: value)
            if case .array(let elements) = json {
                append(name, elements.compactMap(\.text))
            } else {
                fields += json.deepPairs(name).map { Field(name: $0.name, value: $0.value) }
            }
        } catch {
            failures.append("\(name): \(error)")
        }
    }

    /// Appends a field holding the compact JSON text of a value (OpenAPI `encoding: contentType:
    /// application/json`); nil is left out.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable & Sendable)?) {
        guard let value else { return }
        do {
            fields.append(
                Field(name: name, value: String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)))
        } catch {
            failures.append("\(name): \(error)")
        }
    }

    /// The body text, e.g. `grant_type=client_credentials&scope=read+write`.
    public var encoded: String {
        fields.map { PercentEncoding.formComponent($0.name) + "=" + PercentEncoding.formComponent($0.value) }
            .joined(separator: "&")
    }
}
