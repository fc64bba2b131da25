/// Open string enums: known cases plus `unknown(String)`, so new server values never break decoding.
extension Translator {
    mutating func enumDeclaration(name: String, values: EnumSchema, schema: Schema, pointer: String) -> TypeDeclaration
    {
        var cases: [(name: String, value: String)] = []
        var seen: [String: String] = [:]
        for (index, value) in values.values.enumerated() {
            let caseName =
                values.varnames.map { SwiftNames.escaped($0[index]) } ?? SwiftNames.caseName(value, enumType: name)
            let bare = SwiftNames.bare(caseName)
            let mark = index < values.valueMarks.count ? values.valueMarks[index] : schema.mark
            if let other = seen[bare] {
                diagnostics.error(
                    "enum values '\(other)' and '\(value)' both become the Swift case '\(bare)'; "
                        + "name them with x-enum-varnames", at: mark)
                continue
            }
            if ["unknown", "rawValue", "knownCases", "description"].contains(bare) {
                diagnostics.error(
                    "enum value '\(value)' becomes the Swift case '\(bare)', which the generated enum uses itself; "
                        + "name it with x-enum-varnames", at: mark)
                continue
            }
            seen[bare] = value
            cases.append((caseName, value))
        }
        var members: [Declaration] = cases.map {
            .enumCase(EnumCaseDeclaration(doc: Doc(["`\($0.value)`"]), name: $0.name))
        }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    doc: Doc(["A value this version of the spec does not list, kept as sent."]), name: "unknown",
                    associatedType: .string)))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["The values the spec lists, in spec order."]), modifiers: "public static", keyword: "let",
                    name: "knownCases", type: .array(.named(name)),
                    initializer: Code(stringLiteral: "[" + cases.map { "." + $0.name }.joined(separator: ", ") + "]"))))
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Creates a value from its wire string; values the spec does not list become `unknown`."]),
                    name: "init", parameters: [FunctionParameter(name: "rawValue", type: .string)],
                    body: [
                        .switchBlock(
                            "rawValue",
                            cases.map { (label: "case \(literal: $0.value)", body: [.line("self = .\($0.name)")]) }
                                + [(label: "default", body: [.line("self = .unknown(rawValue)")])])
                    ])))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["The wire string."]), name: "rawValue", type: .string,
                    getter: [
                        .switchBlock(
                            "self",
                            cases.map { (label: "case .\($0.name)", body: [.line("\(literal: $0.value)")]) }
                                + [(label: "case .unknown(let value)", body: [.line("value")])])
                    ])))
        return TypeDeclaration(
            "enum", name, doc: schemaDoc(schema, pointer: pointer), conformances: ["OpenStringEnum"], members: members)
    }
}
