/// `oneOf`/`anyOf` unions: an enum with one case per alternative (decoded by discriminator, or by trying each in
/// a documented order), or, for an `anyOf` whose alternatives can match the same value, a struct that keeps every
/// alternative that matched.
extension Translator {
    /// One alternative as it is generated.
    struct UnionCase {
        var name: String
        var type: SwiftType
        var shape: JSONShape
        var schema: Schema
    }

    /// What JSON an alternative accepts, to order decoding and to tell whether alternatives overlap.
    enum JSONShape: Int, Comparable {
        case boolean, integer, number, string, array, object, anything

        static func < (lhs: JSONShape, rhs: JSONShape) -> Bool { lhs.rawValue < rhs.rawValue }

        func overlaps(_ other: JSONShape) -> Bool {
            if self == .anything || other == .anything || self == other { return true }
            return Set([self, other]) == [.integer, .number]
        }
    }

    /// The declarations of a union type named `name`. A union of a multipart body (`isMultipart`) maps binary
    /// alternatives to files; it and a named union such a body sends (`writesParts`) get `appendParts(named:to:)`.
    mutating func unionDeclarations(
        name: String, union: UnionSchema, schema: Schema, pointer: String, isMultipart: Bool = false,
        writesParts: Bool = false
    ) -> [Declaration] {
        var nested: [Declaration] = []
        let keyword = union.isAnyOf ? "anyOf" : "oneOf"
        var cases: [UnionCase] = []
        var taken: Set<String> = ["undocumented"]
        for (index, alternative) in union.alternatives.enumerated() {
            let seed = caseSeed(alternative, index: index)
            let type = swiftType(
                alternative, nestedName: SwiftNames.typeName(seed), pointer: pointer + "/\(keyword)/\(index)",
                isMultipart: isMultipart, nested: &nested)
            var caseName = SwiftNames.bare(SwiftNames.memberName(seed))
            if taken.contains(caseName) { caseName += String(index + 1) }
            taken.insert(caseName)
            cases.append(
                UnionCase(
                    name: SwiftNames.escaped(caseName), type: isNullable(alternative) ? type.optional : type,
                    shape: shape(alternative), schema: alternative))
        }
        let overlapping = cases.indices.contains { first in
            cases.indices.contains { second in first < second && cases[first].shape.overlaps(cases[second].shape) }
        }
        let doc = schemaDoc(schema, pointer: pointer)
        if cases.contains(where: { $0.type.contains(.fileUpload) }) {
            // Files are not JSON: such a union is only ever written as multipart parts.
            return [.type(multipartUnion(name: name, cases: cases, doc: doc, nested: nested))]
        }
        var declaration: TypeDeclaration
        if union.isAnyOf && overlapping && discriminator(union, cases) == nil {
            declaration = anyOfStruct(name: name, cases: cases, doc: doc, nested: nested)
        } else {
            declaration = oneOfEnum(name: name, union: union, cases: cases, doc: doc, nested: nested)
        }
        if isMultipart || writesParts {
            declaration.members.insert(.function(partsFunction(cases, isEnum: declaration.keyword != "struct")), at: 0)
        }
        return [.type(declaration)]
    }

    /// A name for an alternative: its component's name, its title, or what it is.
    private func caseSeed(_ schema: Schema, index: Int) -> String {
        if case .reference(let name) = schema.kind { return table.swiftName(name) }
        if let title = schema.title, !SwiftNames.typeName(title).isEmpty { return title }
        switch schema.kind {
        case .string, .constant, .binary: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .array: return "array"
        case .map: return "dictionary"
        case .enumeration, .integerEnumeration: return "case\(index + 1)"
        default: return "variant\(index + 1)"
        }
    }

    private func shape(_ schema: Schema) -> JSONShape {
        switch table.resolved(schema)?.kind {
        case .boolean?: .boolean
        case .integer?, .integerEnumeration?: .integer
        case .number?: .number
        case .string?, .binary?, .enumeration?, .constant?: .string
        case .array?: .array
        case .object?, .map?: .object
        default: .anything
        }
    }

    /// The discriminator property and which case each of its values selects: the spec's, or one inferred from a
    /// property that every alternative requires with one fixed string value (`type: {const: message}`).
    private func discriminator(_ union: UnionSchema, _ cases: [UnionCase]) -> (String, [(String, Int)])? {
        if let given = union.discriminator {
            var pairs: [(String, Int)] = []
            for (value, component) in given.mapping {
                if let index = cases.firstIndex(where: { isReference($0.schema, to: component) }) {
                    pairs.append((value, index))
                }
            }
            for (index, unionCase) in cases.enumerated() where !pairs.contains(where: { $0.1 == index }) {
                if case .reference(let component) = unionCase.schema.kind {
                    pairs.append((component, index))
                }
                // An inline alternative (or one the mapping leaves out) names itself with a fixed value.
                if let value = fixedValue(given.propertyName, in: unionCase.schema),
                    !pairs.contains(where: { $0.0 == value })
                {
                    pairs.append((value, index))
                }
            }
            return (given.propertyName, pairs)
        }
        var candidates: [String]?
        var values: [[String: String]] = []
        for unionCase in cases {
            guard case .object(let object)? = table.resolved(unionCase.schema)?.kind else { return nil }
            var fixed: [String: String] = [:]
            for property in object.properties where property.isRequired {
                switch table.resolved(property.schema)?.kind {
                case .constant(let value)?: fixed[property.name] = value
                case .enumeration(let values)? where values.values.count == 1: fixed[property.name] = values.values[0]
                default: break
                }
            }
            candidates = (candidates ?? object.properties.map(\.name)).filter { fixed[$0] != nil }
            values.append(fixed)
        }
        for candidate in candidates ?? [] {
            let chosen = values.map { $0[candidate]! }
            if Set(chosen).count == chosen.count {
                return (candidate, chosen.enumerated().map { ($0.element, $0.offset) })
            }
        }
        return nil
    }

    /// The one value an object alternative allows for `property` (`const`, or an enum of one value).
    private func fixedValue(_ property: String, in schema: Schema) -> String? {
        guard case .object(let object)? = table.resolved(schema)?.kind,
            let found = object.properties.first(where: { $0.name == property })
        else { return nil }
        switch table.resolved(found.schema)?.kind {
        case .constant(let value)?: return value
        case .enumeration(let values)? where values.values.count == 1: return values.values[0]
        default: return nil
        }
    }

    private func isReference(_ schema: Schema, to component: String) -> Bool {
        if case .reference(let name) = schema.kind { return name == component }
        return false
    }

    private func oneOfEnum(name: String, union: UnionSchema, cases: [UnionCase], doc: Doc, nested: [Declaration])
        -> TypeDeclaration
    {
        var members: [Declaration] = cases.map { unionCase in
            .enumCase(
                EnumCaseDeclaration(
                    doc: Doc([unionCase.schema.description ?? "`\(unionCase.type)`"]), name: unionCase.name,
                    associatedType: unionCase.type))
        }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    doc: Doc(["A value that matches no alternative the spec lists, kept as sent."]),
                    name: "undocumented", associatedType: .jsonValue)))
        var decode: [Statement]
        var how: String
        if let (property, pairs) = discriminator(union, cases) {
            how = "by its `\(property)` property"
            var clauses: [(label: Code, body: [Statement])] = []
            for (index, unionCase) in cases.enumerated() {
                let labels = pairs.filter { $0.1 == index }.map { "\(literal: $0.0)" as Code }
                guard !labels.isEmpty else { continue }
                clauses.append(
                    (
                        "case \(Code.joined(labels, separator: ", "))",
                        [.line("self = .\(unionCase.name)(try \(unionCase.type.unwrapped)(from: decoder))")]
                    ))
            }
            clauses.append(("default", [.line("self = .undocumented(try JSONValue(from: decoder))")]))
            decode = [.switchBlock("UnionCoding.discriminator(\(literal: property), in: decoder)", clauses)]
        } else {
            how = "by trying each alternative in spec order (integers before numbers); the first that decodes wins"
            decode = cases.sorted { ($0.shape == .integer ? 0 : 1) < ($1.shape == .integer ? 0 : 1) }.map {
                unionCase in
                .block(
                    "if let value = UnionCoding.attempt(\(unionCase.type.unwrapped).self, from: decoder)",
                    [.line("self = .\(unionCase.name)(value)"), .line("return")])
            }
            decode.append(.line("self = .undocumented(try JSONValue(from: decoder))"))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Decodes the alternative \(how); anything else is kept as `undocumented`."]),
                    name: "init",
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential("Decoder"))],
                    effects: "throws", body: decode)))
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Encodes the value of the case, as it is."]), name: "encode",
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential("Encoder"))],
                    effects: "throws",
                    body: [
                        .switchBlock(
                            "self",
                            cases.map { ("case .\($0.name)(let value)", [.line("try value.encode(to: encoder)")]) }
                                + [("case .undocumented(let value)", [.line("try value.encode(to: encoder)")])])
                    ])))
        members.append(.function(validateFunction(cases, isEnum: true)))
        members += nested
        return TypeDeclaration(
            "indirect enum", name, doc: doc, conformances: ["Codable", "Hashable", "Sendable", "Validatable"],
            members: members)
    }

    private func anyOfStruct(name: String, cases: [UnionCase], doc: Doc, nested: [Declaration]) -> TypeDeclaration {
        var members: [Declaration] = cases.map { unionCase in
            .property(
                PropertyDeclaration(
                    doc: Doc([unionCase.schema.description ?? "The value as `\(unionCase.type)`, when it is one."]),
                    name: unionCase.name, type: unionCase.type.optional))
        }
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["The value as sent, when it matches no alternative."]), name: "undocumented",
                    type: .optional(.jsonValue))))
        let parameters =
            cases.map { FunctionParameter(name: $0.name, type: $0.type.optional, defaultValue: "nil") } + [
                FunctionParameter(name: "undocumented", type: .optional(.jsonValue), defaultValue: "nil")
            ]
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Creates a value from the alternatives it matches."]), name: "init",
                    parameters: parameters,
                    body: parameters.map { .line("self.\($0.name) = \($0.name)") })))
        let matched = Code.joined(cases.map { "\($0.name) == nil" }, separator: " && ")
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Decodes every alternative the value matches (`anyOf`: several may)."]), name: "init",
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential("Decoder"))],
                    effects: "throws",
                    body: cases.map {
                        .line("\($0.name) = UnionCoding.attempt(\($0.type.unwrapped).self, from: decoder)")
                    } + [
                        .line("undocumented = \(matched) ? try JSONValue(from: decoder) : nil")
                    ])))
        let allObjects = cases.allSatisfy { $0.shape == .object }
        let encode: [Statement] =
            allObjects
            ? cases.map { .line("try \($0.name)?.encode(to: encoder)") } + [
                .line("try undocumented?.encode(to: encoder)")
            ]
            : cases.map { .block("if let \($0.name)", [.line("try \($0.name).encode(to: encoder)"), .line("return")]) }
                + [.line("try undocumented?.encode(to: encoder)")]
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc([
                        allObjects
                            ? "Encodes every alternative that is set into one object."
                            : "Encodes the first alternative that is set."
                    ]), name: "encode",
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential("Encoder"))],
                    effects: "throws", body: encode)))
        members.append(.function(validateFunction(cases, isEnum: false)))
        members += nested
        return TypeDeclaration(
            "struct", name, doc: doc, conformances: ["Codable", "Hashable", "Sendable", "Validatable"], members: members
        )
    }

    /// `validate()`: the alternative held (each one held, for `anyOf`) checks its own rules; objects and unions
    /// have them, other alternatives are values the decoder already accepted.
    private func validateFunction(_ cases: [UnionCase], isEnum: Bool) -> FunctionDeclaration {
        let checked = cases.filter { unionCase in
            switch table.resolved(unionCase.schema)?.kind {
            case .object?, .union?: !holdsFile(unionCase.schema)
            default: false
            }
        }
        let body: [Statement]
        if isEnum {
            let clauses: [(label: Code, body: [Statement])] = checked.map { unionCase in
                let call = if case .optional = unionCase.type { "value?.validate()" } else { "value.validate()" }
                return ("case .\(unionCase.name)(let value)", [.line("try \(call)")])
            }
            body = clauses.isEmpty ? [] : [.switchBlock("self", clauses + [("default", [.line("break")])])]
        } else {
            body = checked.map { .line("try \($0.name)?.validate()") }
        }
        return FunctionDeclaration(
            doc: Doc(["Checks the rules of the alternative it holds (objects and unions have them)."]),
            name: "validate",
            effects: "throws(ValidationError)", body: body)
    }

    /// A union that holds a file: an enum written only as multipart parts.
    private func multipartUnion(name: String, cases: [UnionCase], doc: Doc, nested: [Declaration]) -> TypeDeclaration {
        var members: [Declaration] = cases.map { unionCase in
            .enumCase(
                EnumCaseDeclaration(
                    doc: Doc([unionCase.schema.description ?? "`\(unionCase.type)`"]), name: unionCase.name,
                    associatedType: unionCase.type))
        }
        members.append(.function(partsFunction(cases, isEnum: true, hasUndocumented: false)))
        members += nested
        return TypeDeclaration("enum", name, doc: doc, conformances: ["Hashable", "Sendable"], members: members)
    }

    /// `appendParts(named:to:)`: the value as multipart parts (files and text as they are, the rest as JSON).
    private func partsFunction(_ cases: [UnionCase], isEnum: Bool, hasUndocumented: Bool = true) -> FunctionDeclaration
    {
        func call(_ unionCase: UnionCase, _ value: String) -> Code {
            let isText =
                unionCase.type.contains(.fileUpload)
                || (travelsAsText(unionCase.schema) && unionCase.type != .jsonValue)
            return "form.\(isText ? "append" : "appendJSON")(name, \(value))"
        }
        var body: [Statement]
        if isEnum {
            body = [
                .switchBlock(
                    "self",
                    cases.map { ("case .\($0.name)(let value)", [.line(call($0, "value"))]) }
                        + (hasUndocumented
                            ? [("case .undocumented(let value)", [.line("form.appendJSON(name, value)")])] : []))
            ]
        } else {
            body = cases.map { .line(call($0, $0.name)) } + [.line("form.appendJSON(name, undocumented)")]
        }
        return FunctionDeclaration(
            doc: Doc([
                "Appends the value as multipart parts named `name`: files and text as they are, the rest as JSON."
            ]),
            modifiers: Modifiers.generatedOnly, name: "appendParts",
            parameters: [
                FunctionParameter(label: "named", name: "name", type: .string),
                FunctionParameter(label: "to", name: "form", type: .inoutParameter("MultipartForm")),
            ],
            body: body)
    }
}
