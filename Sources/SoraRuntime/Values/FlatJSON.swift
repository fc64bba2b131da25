import Foundation

/// A JSON value whose numbers keep their digits (an `Int64` id stays exact), used to spread an `Encodable`
/// object over query items or form fields.
enum FlatJSON: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([FlatJSON])
    case object([String: FlatJSON])

    /// Encodes `value` with the runtime's JSON coder and reads it back.
    init(encoding value: some Encodable) throws {
        self = try JSONCoding.decoder().decode(FlatJSON.self, from: JSONCoding.encoder().encode(value))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FlatJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: FlatJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The text of a scalar (`5`, `0.5`, `true`, the string itself); nested values as compact JSON; nil for null.
    var text: String? {
        switch self {
        case .null: return nil
        case .bool(let value): return value.parameterText
        case .integer(let value): return String(value)
        case .number(let value): return value.parameterText
        case .string(let value): return value
        case .array, .object:
            let data = (try? JSONCoding.encoder().encode(self)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `name[key][0]=value` pairs down to every scalar, keys sorted; nulls are left out.
    func deepPairs(_ name: String) -> [(name: String, value: String)] {
        switch self {
        case .object(let members):
            return members.keys.sorted().flatMap { members[$0]!.deepPairs("\(name)[\($0)]") }
        case .array(let elements):
            return elements.enumerated().flatMap { $1.deepPairs("\(name)[\($0)]") }
        default:
            return text.map { [(name, $0)] } ?? []
        }
    }

    /// An object's members as `(key, text)` in key order (nested values as JSON text, nulls left out);
    /// nil when this is not an object.
    var members: [(key: String, value: String)]? {
        guard case .object(let members) = self else { return nil }
        return members.keys.sorted().compactMap { key in members[key]!.text.map { (key, $0) } }
    }
}
