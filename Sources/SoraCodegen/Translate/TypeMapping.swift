/// How a schema becomes a Swift type name, declaring nested types for inline objects and enums.
extension Translator {
    /// The non-optional Swift type for `schema`; inline objects and enums are added to `nested` as `nestedName`
    /// (the name and pointer are worked out only for them).
    mutating func swiftType(
        _ schema: Schema, nestedName: @autoclosure () -> String, pointer: @autoclosure () -> String,
        isMultipart: Bool, nested: inout [Declaration]
    ) -> String {
        switch schema.kind {
        case .reference(let name): return table.swiftName(name)
        case .string, .constant: return "String"
        case .binary: return isMultipart ? "FileUpload" : "String"
        case .integer: return "Int"
        case .number: return "Double"
        case .boolean: return "Bool"
        case .any: return "JSONValue"
        case .enumeration(let values):
            let name = nestedName()
            nested.append(.type(enumDeclaration(name: name, values: values, schema: schema, pointer: pointer())))
            return name
        case .object(let object):
            let name = nestedName()
            nested += objectDeclarations(
                name: name, schema: schema, object: object, specName: nil, pointer: pointer(), isMultipart: false)
            return name
        case .array(let items):
            let element = swiftType(
                items, nestedName: nestedName() + "Item", pointer: pointer() + "/items", isMultipart: isMultipart,
                nested: &nested)
            return "[" + element + (items.isNullable ? "?" : "") + "]"
        case .map(let values):
            guard let values else { return "[String: JSONValue]" }
            let element = swiftType(
                values, nestedName: nestedName() + "Value", pointer: pointer() + "/additionalProperties",
                isMultipart: false, nested: &nested)
            return "[String: " + element + (values.isNullable ? "?" : "") + "]"
        }
    }

    /// Doc lines for a schema: title, description, and where it came from.
    func schemaDoc(_ schema: Schema, pointer: String, fallback: String? = nil) -> Doc {
        var lines: [String] = []
        if let title = schema.title { lines.append(title) }
        if let description = schema.description {
            if !lines.isEmpty { lines.append("") }
            lines.append(description)
        }
        if lines.isEmpty, let fallback { lines.append(fallback) }
        if !lines.isEmpty { lines.append("") }
        lines.append("Spec: `\(pointer)`")
        return Doc(lines)
    }

    /// A Swift expression for a spec default value, for a parameter of type `type`.
    func defaultExpression(_ value: SpecValue, type: String) -> Code? {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return type == "Bool" ? Code(stringLiteral: String(flag)) : nil
        case .string(let text): return type == "Bool" || type == "Int" || type == "Double" ? nil : "\(literal: text)"
        case .number(let number):
            if type == "Int", let integer = number.integer { return Code(stringLiteral: String(integer)) }
            if type == "Double", number.double.isFinite { return Code(stringLiteral: String(number.double)) }
            return nil
        }
    }
}
