/// Object schemas become flat structs with a memberwise initialiser, coding keys, validation and,
/// for multipart bodies, a form encoder.
extension Translator {
    /// Names of the members generated models have besides their properties.
    static let generatedMemberNames: Set<String> = ["validate", "encodeParts", "encodeFields", "additionalProperties"]

    /// One translated property (a class: members are passed around a lot, and the spec property is large).
    final class Member {
        let property: Property
        let name: String
        let type: SwiftType
        let isOptional: Bool
        let isBoxed: Bool
        let pointer: String

        init(property: Property, name: String, type: SwiftType, isOptional: Bool, isBoxed: Bool, pointer: String) {
            self.property = property
            self.name = name
            self.type = type
            self.isOptional = isOptional
            self.isBoxed = isBoxed
            self.pointer = pointer
        }

        var declaredType: SwiftType { isOptional ? type.optional : type }
        var storageName: String { "_" + SwiftNames.bare(name) }

        /// The member in a generated body that declares `locals`: `self.name` when a local has its name.
        func reference(besides locals: Set<String>) -> String {
            locals.contains(SwiftNames.bare(name)) ? "self." + name : name
        }
    }

    /// Declarations for a named schema: a struct, an enum, or a typealias (with any nested types). `writesParts`:
    /// a union that a multipart body sends as a property (it gets `appendParts(named:to:)`).
    mutating func modelDeclarations(
        name: String, schema: Schema, specName: String?, pointer: String, isMultipart: Bool, isForm: Bool = false,
        writesParts: Bool = false
    ) -> [Declaration] {
        switch schema.kind {
        case .object(let object):
            return objectDeclarations(
                name: name, schema: schema, object: object, specName: specName, pointer: pointer,
                isMultipart: isMultipart, isForm: isForm,
                partTypes: specName.flatMap { partContentTypes[$0] } ?? [:])
        case .enumeration(let values):
            return [.type(enumDeclaration(name: name, values: values, schema: schema, pointer: pointer))]
        case .integerEnumeration(let values):
            return [.type(integerEnumDeclaration(name: name, values: values, schema: schema, pointer: pointer))]
        case .union(let union):
            return unionDeclarations(
                name: name, union: union, schema: schema, pointer: pointer, isMultipart: isMultipart,
                writesParts: writesParts)
        default:
            var nested: [Declaration] = []
            let type = swiftType(
                schema, nestedName: name + "Value", pointer: pointer, isMultipart: false, nested: &nested)
            return [
                .typeAlias(
                    doc: schemaDoc(schema, pointer: pointer), access: "public", name: name,
                    type: type)
            ]
                + nested
        }
    }

    mutating func objectDeclarations(
        name: String, schema: Schema, object: ObjectSchema, specName: String?, pointer: String, isMultipart: Bool,
        isForm: Bool = false, partTypes: [String: String] = [:]
    ) -> [Declaration] {
        // Kept small, like the helpers it calls on the way down: nested objects recurse through here.
        var nested: [Declaration] = []
        let members = objectMembers(
            object, specName: specName, pointer: pointer, isMultipart: isMultipart, nested: &nested)
        let hasFile = isMultipart && members.contains { $0.type.contains(.fileUpload) || holdsFile($0.property.schema) }
        var extraType: SwiftType?
        if isMultipart || isForm, let extra = object.additionalProperties {
            // Parts and fields are named by the spec; unnamed ones have no encoder.
            diagnostics.warning(
                "'additionalProperties' of a multipart or form body is not generated; only named fields are sent",
                at: extra.mark)
        } else if let extra = object.additionalProperties {
            extraType = swiftType(
                extra, nestedName: "AdditionalProperty", pointer: pointer + "/additionalProperties",
                isMultipart: false, nested: &nested)
        }
        return objectType(
            name: name, schema: schema, object: object, pointer: pointer, members: members, extraType: extraType,
            hasFile: hasFile, isMultipart: isMultipart, isForm: isForm, partTypes: partTypes, nested: nested)
    }

    /// One member per property, in spec order, with any nested types they need.
    private mutating func objectMembers(
        _ object: ObjectSchema, specName: String?, pointer: String, isMultipart: Bool, nested: inout [Declaration]
    ) -> [Member] {
        var members: [Member] = []
        var seen: [String: String] = [:]
        for property in object.properties {
            let (property, memberName) = memberNaming(property, seen: &seen)
            let propertyPointer = pointer + "/properties/" + Pointer.escape(property.name)
            let type = swiftType(
                property.schema, nestedName: SwiftNames.typeName(property.name), pointer: propertyPointer,
                isMultipart: isMultipart, nested: &nested)
            members.append(
                Member(
                    property: property, name: memberName, type: type,
                    isOptional: !property.isRequired || isNullable(property.schema),
                    isBoxed: !boxed.isEmpty && specName.map { boxed.contains("\($0).\(property.name)") } ?? false,
                    pointer: propertyPointer))
        }
        return members
    }

    /// The property as generated (a required read-only or write-only one is optional) and its unique Swift name.
    private mutating func memberNaming(_ property: Property, seen: inout [String: String]) -> (Property, String) {
        var property = property
        // A required read-only value is not sent, a required write-only one not answered: both are optional.
        if property.isRequired && !flags(property.schema).isDisjoint(with: [.readOnly, .writeOnly]) {
            property.isRequired = false
        }
        var memberName = SwiftNames.memberName(property.name)
        var bare = SwiftNames.bare(memberName)
        if seen[bare] != nil || Self.generatedMemberNames.contains(bare) {
            let taken = bare
            bare = SwiftNames.numbered(taken) { seen[$0] != nil }
            memberName = SwiftNames.escaped(bare)
            diagnostics.warning(
                "property '\(property.name)' would become the Swift property '\(taken)', which "
                    + (seen[taken].map { "'\($0)' already has" } ?? "the generated code uses")
                    + "; it is '\(bare)'",
                at: property.mark)
        }
        seen[bare] = property.name
        return (property, memberName)
    }

    /// The struct for translated members.
    private mutating func objectType(
        name: String, schema: Schema, object: ObjectSchema, pointer: String, members: [Member], extraType: SwiftType?,
        hasFile: Bool, isMultipart: Bool, isForm: Bool, partTypes: [String: String], nested: [Declaration]
    ) -> [Declaration] {
        var conformances = hasFile ? [] : ["Codable"]
        conformances += ["Hashable", "Sendable", "Validatable"]
        var body: [Declaration] = []
        body.reserveCapacity(members.count + 6 + nested.count)
        for member in members { appendPropertyDeclarations(member, to: &body) }
        if let extraType { body.append(additionalPropertiesProperty(extraType)) }
        body.append(.function(memberwiseInit(name: name, members: members, extraType: extraType)))
        if let validate = validateFunction(typeName: name, object: object, members: members) {
            body.append(.function(validate))
        }
        if isMultipart { body.append(.function(formEncoder(members, partTypes: partTypes))) }
        if isForm { body.append(.function(urlEncodedFormEncoder(members))) }
        if let extraType {
            body += customCoding(members: members, extraType: extraType)
        } else if !hasFile && !members.isEmpty {
            if members.contains(where: { $0.property.isRequired && $0.isOptional }) {
                body.append(.function(nullPreservingEncoder(members)))
            }
            body.append(codingKeys(members))
        }
        body += nested
        return [
            .type(
                TypeDeclaration(
                    "struct", name, doc: schemaDoc(schema, pointer: pointer), conformances: conformances, members: body)
            )
        ]
    }

    private func appendPropertyDeclarations(_ member: Member, to body: inout [Declaration]) {
        let doc = propertyDoc(member)
        guard member.isBoxed else {
            body.append(.property(PropertyDeclaration(doc: doc, name: member.name, type: member.declaredType)))
            return
        }
        let indirect = SwiftType.generic("Indirect", [member.type])
        let storageType = member.isOptional ? indirect.optional : indirect
        let getter: Code = member.isOptional ? "\(member.storageName)?.value" : "\(member.storageName).value"
        let setter: Code =
            member.isOptional
            ? "\(member.storageName) = newValue.map(Indirect.init)" : "\(member.storageName) = Indirect(newValue)"
        body.append(
            .property(
                PropertyDeclaration(
                    doc: doc, name: member.name, type: member.declaredType, getter: [.line(getter)],
                    setter: [.line(setter)])))
        body.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["Out-of-line storage: `\(member.type)` contains itself through this property."]),
                    modifiers: "private", name: member.storageName, type: storageType)))
    }

    /// A property's flags, its own or those of the schema it refers to.
    private func flags(_ schema: Schema) -> SchemaFlags {
        guard case .reference = schema.kind else { return schema.flags }
        return schema.flags.union(table.resolved(schema)?.flags ?? [])
    }

    private func propertyDoc(_ member: Member) -> Doc {
        var lines: [String] = []
        // A property's `title` is its summary line; the description follows it.
        if let title = member.property.schema.title { lines.append(title) }
        if let description = member.property.schema.description {
            if !lines.isEmpty { lines.append("") }
            lines.append(description)
        }
        let flags = flags(member.property.schema)
        let notes = [
            flags.contains(.readOnly) ? "Read-only: the server sets it; requests leave it out when nil." : nil,
            flags.contains(.writeOnly) ? "Write-only: sent in requests; answers leave it out." : nil,
            flags.contains(.deprecated) ? "Deprecated in the spec." : nil,
        ]
        for case let note? in notes {
            if !lines.isEmpty { lines.append("") }
            lines.append(note)
        }
        if let value = member.property.schema.defaultValue {
            if !lines.isEmpty { lines.append("") }
            lines.append("Default: `\(value.text)`")
        }
        if let example = member.property.schema.example {
            if !lines.isEmpty { lines.append("") }
            lines.append("Example: `\(example.text)`")
        }
        if !lines.isEmpty { lines.append("") }
        lines.append("Spec: `\(member.pointer)`")
        return Doc(lines)
    }

    /// The one value a number or boolean schema allows (`const: 2`, `enum: [true]`), if it allows only one.
    private func onlyValue(_ schema: Schema) -> SpecValue? {
        guard let resolved = table.resolved(schema) else { return nil }
        switch resolved.kind {
        case .integer, .number, .boolean:
            guard let allowed = resolved.constraints.allowed, allowed.count == 1 else { return nil }
            return allowed[0]
        default: return nil
        }
    }

    /// A whole-number default of an integer enum, written as the literal its open enum accepts (`= 2`).
    private func integerEnumDefault(_ value: SpecValue, _ member: Member) -> Code? {
        guard case .number(let number) = value, let integer = number.integer,
            case .integerEnumeration? = table.resolved(member.property.schema)?.kind
        else { return nil }
        return Code(stringLiteral: String(integer))
    }

    private func memberwiseInit(name: String, members: [Member], extraType: SwiftType?) -> FunctionDeclaration {
        var parameters = members.map { member in
            var defaultValue: Code? = member.isOptional ? "nil" : nil
            if case .constant(let value) = member.property.schema.kind {
                defaultValue = "\(literal: value)"
            } else if !member.isOptional, let only = onlyValue(member.property.schema) {
                // A number's or a boolean's `const` (one allowed value): the only thing the field can hold.
                defaultValue = defaultExpression(only, type: member.type)
            } else if !member.isOptional, let value = member.property.schema.defaultValue {
                defaultValue = defaultExpression(value, type: member.type) ?? integerEnumDefault(value, member)
            }
            return FunctionParameter(name: member.name, type: member.declaredType, defaultValue: defaultValue)
        }
        var body: [Statement] = members.map { member in
            guard member.isBoxed else { return .line("self.\(member.name) = \(member.name)") }
            return member.isOptional
                ? .line("self.\(member.storageName) = \(member.name).map(Indirect.init)")
                : .line("self.\(member.storageName) = Indirect(\(member.name))")
        }
        if let extraType {
            parameters.append(
                FunctionParameter(
                    name: "additionalProperties", type: .dictionary(extraType), defaultValue: "[:]"))
            body.append(.line("self.additionalProperties = additionalProperties"))
        }
        let summary =
            parameters.contains { $0.defaultValue != nil }
            ? "Creates a value from its properties; those left out take their defaults (nil: the server's)."
            : "Creates a value from its properties."
        return FunctionDeclaration(doc: Doc([summary]), name: "init", parameters: parameters, body: body)
    }

    /// `partTypes`: the body's `encoding.<part>.contentType`, sent for value and JSON parts (a file part sends
    /// its `FileUpload`'s own type; a list of values, text).
    private func formEncoder(_ members: [Member], partTypes: [String: String]) -> FunctionDeclaration {
        let body: [Statement] = members.map { member in
            let value = member.reference(besides: ["form"])
            if let sizeField = member.property.schema.pixelSizeEquals, member.type.contains(.fileUpload),
                let size = members.first(where: { $0.property.name == sizeField })
            {
                return .line(
                    "form.append(\(literal: member.property.name), \(value), pixelSizeEquals: \(sizeText(size, besides: ["form"])), sizeField: \(literal: sizeField))"
                )
            }
            let schema = table.resolved(member.property.schema)
            if case .union? = schema?.kind {
                let optional = member.isOptional ? "?" : ""
                return .line(
                    "\(value)\(optional).appendParts(named: \(literal: member.property.name), to: &form)")
            }
            let isTextPart =
                member.type.contains(.fileUpload)
                || (travelsAsText(member.property.schema) && { if case .any? = schema?.kind { false } else { true } }())
            let method = isTextPart ? "append" : "appendJSON"
            if let type = partTypes[member.property.name], !holdsFile(member.property.schema),
                !(isTextPart && { if case .array = member.type { true } else { false } }())
            {
                return .line(
                    "form.\(method)(\(literal: member.property.name), \(value), contentType: \(literal: type))")
            }
            return .line("form.\(method)(\(literal: member.property.name), \(value))")
        }
        return FunctionDeclaration(
            doc: Doc(["Writes each field as a form part, in spec order; absent optional fields are left out."]),
            modifiers: Modifiers.generatedOnly, name: "encodeParts",
            parameters: [FunctionParameter(label: "into", name: "form", type: .inoutParameter("MultipartForm"))],
            body: body)
    }

    /// True when a multipart value holds a file: binary, a list of files, or a union with a file alternative.
    func holdsFile(_ schema: Schema) -> Bool {
        switch table.resolved(schema)?.kind {
        case .binary?: return true
        case .array(let items)?: return holdsFile(items)
        case .union(let union)?: return union.alternatives.contains { holdsFile($0) }
        default: return false
        }
    }

    private func urlEncodedFormEncoder(_ members: [Member]) -> FunctionDeclaration {
        let body: [Statement] = members.map { member in
            let method = isScalarField(member) ? "append" : "appendObject"
            return .line("form.\(method)(\(literal: member.property.name), \(member.reference(besides: ["form"])))")
        }
        return FunctionDeclaration(
            doc: Doc(["Writes each field as `name=value`, in spec order; absent optional fields are left out."]),
            modifiers: Modifiers.generatedOnly, name: "encodeFields",
            parameters: [FunctionParameter(label: "into", name: "form", type: .inoutParameter("URLEncodedForm"))],
            body: body)
    }

    /// True for a member that is a value or a list of values (text on the wire), not an object.
    private func isScalarField(_ member: Member) -> Bool {
        var schema = member.property.schema
        if case .array(let items) = schema.kind { schema = items }
        switch table.resolved(schema)?.kind {
        case .string?, .binary?, .integer?, .number?, .boolean?, .enumeration?, .integerEnumeration?, .constant?:
            return true
        default: return false
        }
    }

    /// JSON Schema's `required` with a nullable type means the key is always sent, as `null` when nil;
    /// the synthesised encoder would leave it out, so such structs get this one.
    private func nullPreservingEncoder(_ members: [Member]) -> FunctionDeclaration {
        FunctionDeclaration(
            doc: Doc(["Encodes required nullable fields as `null` instead of leaving them out."]), name: "encode",
            parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential("Encoder"))],
            effects: "throws",
            body: encodeStatements(members))
    }

    /// Encodes each member under its key: optional ones only when present, unless required (then `null`).
    func encodeStatements(_ members: [Member]) -> [Statement] {
        guard !members.isEmpty else { return [] }
        return [.line("var container = encoder.container(keyedBy: CodingKeys.self)")]
            + members.map { member in
                let key = member.isBoxed ? member.storageName : member.name
                let value = member.isBoxed ? key : member.reference(besides: ["encoder", "container"])
                let method = member.isOptional && !member.property.isRequired ? "encodeIfPresent" : "encode"
                return .line("try container.\(method)(\(value), forKey: .\(key))")
            }
    }

    func codingKeys(_ members: [Member]) -> Declaration {
        let cases: [Declaration] = members.map { member in
            let key = member.isBoxed ? member.storageName : member.name
            let wire = member.property.name
            let raw = SwiftNames.bare(key) == wire ? "" : " = " + SwiftLiteral.string(wire)
            return .enumCase(EnumCaseDeclaration(name: key + raw))
        }
        return .type(
            TypeDeclaration("enum", "CodingKeys", access: "", conformances: ["String", "CodingKey"], members: cases))
    }
}
