import Foundation
import Hummingbird

/// A small JSON tree the server writes with stable key order.
enum MockJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([MockJSONValue])
    case object([String: MockJSONValue])

    /// Serialises with sorted keys, so equal values give equal bytes.
    func encoded() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// A JSON response with `Content-Type` and `Content-Length`.
    func response(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let buffer = ByteBuffer(string: encoded())
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }
}

/// A header field name (`HTTPField.Name`, reached through the `HTTPFields` that Hummingbird exports).
typealias FieldName = HTTPFields.Element.Name
