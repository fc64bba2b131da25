/// Objects with both `properties` and `additionalProperties` keep the unnamed keys in an `additionalProperties`
/// dictionary, through their own `init(from:)` and `encode(to:)`. (An optional untyped property keeps an explicit
/// `null` through the runtime's `decodeIfPresent(_: JSONValue.Type, forKey:)`, with the synthesised coders.)
extension Translator {
    /// The dictionary property itself.
    func additionalPropertiesProperty(_ valueType: SwiftType) -> Declaration {
        .property(
            PropertyDeclaration(
                doc: Doc(["The keys the spec does not name, with their values (`additionalProperties`)."]),
                name: "additionalProperties", type: .dictionary(valueType)))
    }

    /// The known keys, the coder pair and the coding keys of such an object.
    func customCoding(members: [Member], extraType valueType: SwiftType) -> [Declaration] {
        let known = members.map(\.property.name)
        var decode: [Statement] = []
        var encode = encodeStatements(members)
        if !members.isEmpty {
            decode.append(.line("let container = try decoder.container(keyedBy: CodingKeys.self)"))
        }
        for member in members {
            let key = member.isBoxed ? member.storageName : member.name
            let type = member.isBoxed ? SwiftType.generic("Indirect", [member.type]) : member.type
            let decodeMethod = member.isOptional ? "decodeIfPresent" : "decode"
            decode.append(.line("self.\(key) = try container.\(decodeMethod)(\(type).self, forKey: .\(key))"))
        }
        decode.append(
            .line(
                "self.additionalProperties = try AdditionalProperties.decode(\(valueType).self, from: decoder, excluding: Self.knownKeys)"
            ))
        encode.append(
            .line("try AdditionalProperties.encode(additionalProperties, to: encoder, excluding: Self.knownKeys)"))
        var declarations: [Declaration] = [
            .property(
                PropertyDeclaration(
                    doc: Doc(["The keys the spec names; `additionalProperties` never holds these."]),
                    modifiers: "static", keyword: "let", name: "knownKeys", type: .generic("Set", [.string]),
                    initializer: "\(literals: known)")),
            .function(
                FunctionDeclaration(
                    doc: Doc(["Decodes the named properties, then every other key into `additionalProperties`."]),
                    name: "init",
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential("Decoder"))],
                    effects: "throws", body: decode)),
            .function(
                FunctionDeclaration(
                    doc: Doc(["Encodes the named properties and `additionalProperties` into one JSON object."]),
                    name: "encode",
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential("Encoder"))],
                    effects: "throws", body: encode)),
        ]
        if !members.isEmpty { declarations.append(codingKeys(members)) }
        return declarations
    }
}
