/// Objects whose synthesised `Codable` would lose data get their own `init(from:)` and `encode(to:)`: those with
/// both `properties` and `additionalProperties` keep the unnamed keys in an `additionalProperties` dictionary, and
/// an optional untyped property keeps an explicit `null` (`.null`) apart from an absent key (nil).
extension Translator {
    /// True when a member is an untyped optional value, whose `null` the synthesised decoder would turn into nil.
    func keepsExplicitNull(_ member: Member) -> Bool {
        guard member.isOptional && !member.isBoxed, case .any? = table.resolved(member.property.schema)?.kind else {
            return false
        }
        return true
    }

    /// The dictionary property itself.
    func additionalPropertiesProperty(_ valueType: SwiftType) -> Declaration {
        .property(
            PropertyDeclaration(
                doc: Doc(["The keys the spec does not name, with their values (`additionalProperties`)."]),
                name: "additionalProperties", type: .dictionary(valueType)))
    }

    /// The known keys (with `additionalProperties`), the coder pair and the coding keys of such an object.
    func customCoding(members: [Member], extraType valueType: SwiftType?) -> [Declaration] {
        let known = members.map(\.property.name)
        var decode: [Statement] = []
        var encode = encodeStatements(members)
        if !members.isEmpty {
            decode.append(.line("let container = try decoder.container(keyedBy: CodingKeys.self)"))
        }
        for member in members {
            let key = member.isBoxed ? member.storageName : member.name
            let type = member.isBoxed ? SwiftType.generic("Indirect", [member.type]) : member.type
            if keepsExplicitNull(member) {
                decode.append(
                    .line(
                        "self.\(key) = try container.contains(.\(key)) ? container.decode(\(member.type).self, forKey: .\(key)) : nil"
                    ))
            } else {
                let decodeMethod = member.isOptional ? "decodeIfPresent" : "decode"
                decode.append(.line("self.\(key) = try container.\(decodeMethod)(\(type).self, forKey: .\(key))"))
            }
        }
        var declarations: [Declaration] = []
        if let valueType {
            decode.append(
                .line(
                    "self.additionalProperties = try AdditionalProperties.decode(\(valueType).self, from: decoder, excluding: Self.knownKeys)"
                ))
            encode.append(
                .line("try AdditionalProperties.encode(additionalProperties, to: encoder, excluding: Self.knownKeys)"))
            declarations.append(
                .property(
                    PropertyDeclaration(
                        doc: Doc(["The keys the spec names; `additionalProperties` never holds these."]),
                        modifiers: "static", keyword: "let", name: "knownKeys", type: .generic("Set", [.string]),
                        initializer: "\(literals: known)")))
        }
        declarations += [
            .function(
                FunctionDeclaration(
                    doc: Doc([
                        valueType == nil
                            ? "Decodes the properties; an untyped one sent as `null` is `.null`, an absent one nil."
                            : "Decodes the named properties, then every other key into `additionalProperties`."
                    ]),
                    name: "init",
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential("Decoder"))],
                    effects: "throws", body: decode)),
            .function(
                FunctionDeclaration(
                    doc: Doc([
                        valueType == nil
                            ? "Encodes the properties; nil ones are left out, `.null` is sent as `null`."
                            : "Encodes the named properties and `additionalProperties` into one JSON object."
                    ]),
                    name: "encode",
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential("Encoder"))],
                    effects: "throws", body: encode)),
        ]
        if !members.isEmpty { declarations.append(codingKeys(members)) }
        return declarations
    }
}
