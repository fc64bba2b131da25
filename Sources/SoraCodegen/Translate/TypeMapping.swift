/// How a schema becomes a Swift type name, declaring nested types for inline objects and enums.
extension Translator {
    /// The non-optional Swift type for `schema`; inline objects and enums are added to `nested` as `nestedName`
    /// (the name and pointer are worked out only for them).
    mutating func swiftType(
        _ schema: Schema, nestedName: @autoclosure () -> String, pointer: @autoclosure () -> String,
        isMultipart: Bool, nested: inout [Declaration]
    ) -> SwiftType {
        switch schema.kind {
        case .reference(let name): return .named(table.swiftName(name))
        case .string(let format): return format == "date-time" ? .date : .string
        case .constant: return .string
        case .binary: return isMultipart ? .fileUpload : .string
        case .integer: return .int
        case .number: return .double
        case .boolean: return .bool
        case .any: return .jsonValue
        case .enumeration(let values):
            let name = Self.uniqueNestedName(nestedName(), besides: nested)
            nested.append(.type(enumDeclaration(name: name, values: values, schema: schema, pointer: pointer())))
            return .named(name)
        case .integerEnumeration(let values):
            let name = Self.uniqueNestedName(nestedName(), besides: nested)
            nested.append(.type(integerEnumDeclaration(name: name, values: values, schema: schema, pointer: pointer())))
            return .named(name)
        case .union(let union):
            let name = Self.uniqueNestedName(nestedName(), besides: nested)
            nested += unionDeclarations(
                name: name, union: union, schema: schema, pointer: pointer(), isMultipart: isMultipart)
            return .named(name)
        case .object(let object):
            let name = Self.uniqueNestedName(nestedName(), besides: nested)
            nested += objectDeclarations(
                name: name, schema: schema, object: object, specName: nil, pointer: pointer(), isMultipart: false)
            return .named(name)
        case .array(let items):
            let element = swiftType(
                items, nestedName: nestedName() + "Item", pointer: pointer() + "/items", isMultipart: isMultipart,
                nested: &nested)
            return .array(isNullable(items) ? element.optional : element)
        case .map(let values):
            guard let values else { return .dictionary(.jsonValue) }
            let element = swiftType(
                values, nestedName: nestedName() + "Value", pointer: pointer() + "/additionalProperties",
                isMultipart: false, nested: &nested)
            return .dictionary(isNullable(values) ? element.optional : element)
        }
    }

    /// `name`, or `name2`, `name3`, … when a type in `nested` (the other nested types of the same parent) has it
    /// already, or when it is `CodingKeys`, which the generated coders declare.
    static func uniqueNestedName(_ name: String, besides nested: [Declaration]) -> String {
        func isTaken(_ candidate: String) -> Bool {
            candidate == "CodingKeys"
                || nested.contains { declaration in
                    switch declaration {
                    case .type(let type): type.name == candidate
                    case .typeAlias(_, _, let name, _): name == candidate
                    default: false
                    }
                }
        }
        return isTaken(name) ? SwiftNames.numbered(name, isTaken: isTaken) : name
    }

    /// True when a value may be `null`: the schema says so, or the named schema it refers to does (a nullable
    /// named schema's typealias holds the plain type; each use adds the `?`).
    func isNullable(_ schema: Schema) -> Bool {
        table.isNullable(schema)
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
        if schema.flags.contains(.deprecated) {
            if !lines.isEmpty { lines.append("") }
            lines.append("Deprecated in the spec.")
        }
        if let example = schema.example {
            if !lines.isEmpty { lines.append("") }
            lines.append("Example: `\(example.text)`")
        }
        if !lines.isEmpty { lines.append("") }
        lines.append("Spec: `\(pointer)`")
        return Doc(lines)
    }

    /// A Swift expression for a spec default value, for a parameter of type `type`.
    func defaultExpression(_ value: SpecValue, type: SwiftType) -> Code? {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return type == .bool ? Code(stringLiteral: String(flag)) : nil
        case .string(let text):
            return type == .bool || type == .int || type == .double || type == .date ? nil : "\(literal: text)"
        case .number(let number):
            if type == .int, let integer = number.integer { return Code(stringLiteral: String(integer)) }
            if type == .double, number.double.isFinite { return Code(stringLiteral: String(number.double)) }
            return nil
        }
    }
}
