/// Open enums: known cases plus `unknown(String)` (or `unknown(Int)`), so new server values never break decoding.
extension Translator {
    mutating func enumDeclaration(name: String, values: EnumSchema, schema: Schema, pointer: String) -> TypeDeclaration
    {
        openEnum(
            name: name, values: values.values.map { ($0, $0, "\(literal: $0)") }, varnames: values.varnames,
            valueAt: { values.valueMarks.indices.contains($0) ? values.valueMarks[$0] : schema.mark },
            rawType: SwiftType.string, conformance: "OpenStringEnum", schema: schema, pointer: pointer)
    }

    mutating func integerEnumDeclaration(
        name: String, values: IntegerEnumSchema, schema: Schema, pointer: String
    ) -> TypeDeclaration {
        openEnum(
            name: name,
            values: values.values.map { value in
                let text = String(value)
                return (value < 0 ? "minus_" + text.dropFirst() : text, text, Code(stringLiteral: text))
            },
            varnames: values.varnames,
            valueAt: { values.valueMarks.indices.contains($0) ? values.valueMarks[$0] : schema.mark },
            rawType: SwiftType.int, conformance: "OpenIntEnum", schema: schema, pointer: pointer)
    }

    /// An open enum over `values` (a name seed, the text for people and the Swift literal of each raw value).
    /// The Swift case of each value of an open enum, in order, and the name a clash moved it from: the one rule
    /// for the enum's declaration and for code that names its cases (the polling helper).
    static func caseNames(enumName: String, seeds: [String], varnames: [String]?) -> [(
        name: String, renamedFrom: String?
    )] {
        var seen: Set<String> = []
        // A value listed again is the case of its first listing (`openEnum` leaves the repeat out).
        var firstListing: [String: Int] = [:]
        var names: [(name: String, renamedFrom: String?)] = []
        names.reserveCapacity(seeds.count)
        for (index, seed) in seeds.enumerated() {
            if let first = firstListing[seed] {
                names.append((names[first].name, nil))
                continue
            }
            firstListing[seed] = index
            var caseName =
                varnames.map { SwiftNames.escaped($0[index]) } ?? SwiftNames.caseName(seed, enumType: enumName)
            var renamedFrom: String?
            if seen.contains(SwiftNames.bare(caseName))
                || ["unknown", "rawValue", "knownCases", "description"].contains(SwiftNames.bare(caseName))
            {
                let taken = SwiftNames.bare(caseName)
                caseName = SwiftNames.numbered(taken) { seen.contains($0) }
                renamedFrom = taken
            }
            seen.insert(SwiftNames.bare(caseName))
            names.append((caseName, renamedFrom))
        }
        return names
    }

    private mutating func openEnum(
        name: String, values: [(seed: String, display: String, literal: Code)], varnames: [String]?,
        valueAt place: (Int) -> SpecLocation, rawType: SwiftType,
        conformance: String, schema: Schema, pointer: String
    ) -> TypeDeclaration {
        let wire = rawType == .string ? "string" : "number"
        var cases: [(name: String, display: String, value: Code)] = []
        let names = Self.caseNames(enumName: name, seeds: values.map(\.seed), varnames: varnames)
        var listed: Set<String> = []
        for (index, (_, value, literal)) in values.enumerated() {
            guard listed.insert(value).inserted else {
                diagnostics.warning(
                    "enum value '\(value)' is listed more than once; only its first listing is generated",
                    at: place(index))
                continue
            }
            let caseName = names[index].name
            if let taken = names[index].renamedFrom {
                let owner = values.indices.first { names[$0].name == taken || SwiftNames.bare(names[$0].name) == taken }
                diagnostics.warning(
                    "enum value '\(value)' would become the Swift case '\(taken)', which "
                        + (owner.map { "'\(values[$0].display)' already has" } ?? "the generated enum uses itself")
                        + "; it is '\(caseName)' (name it with x-enum-varnames)", at: place(index))
            }
            cases.append((caseName, value, literal))
        }
        var members: [Declaration] = cases.map {
            .enumCase(EnumCaseDeclaration(doc: Doc(["`\($0.display)`"]), name: $0.name))
        }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    doc: Doc(["A value this version of the spec does not list, kept as sent."]), name: "unknown",
                    associatedType: rawType)))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["The values the spec lists, in spec order."]), modifiers: "public static", keyword: "let",
                    name: "knownCases", type: .array(.named(name)),
                    initializer: Code(stringLiteral: "[" + cases.map { "." + $0.name }.joined(separator: ", ") + "]"))))
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Doc(["Creates a value from its wire \(wire); values the spec does not list become `unknown`."]
                    ),
                    name: "init", parameters: [FunctionParameter(name: "rawValue", type: rawType)],
                    body: [
                        .switchBlock(
                            "rawValue",
                            cases.map { (label: "case \($0.value)", body: [.line("self = .\($0.name)")]) }
                                + [(label: "default", body: [.line("self = .unknown(rawValue)")])])
                    ])))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Doc(["The wire \(wire)."]), name: "rawValue", type: rawType,
                    getter: [
                        .switchBlock(
                            "self",
                            cases.map { (label: "case .\($0.name)", body: [.line($0.value)]) }
                                + [(label: "case .unknown(let value)", body: [.line("value")])])
                    ])))
        return TypeDeclaration(
            "enum", name, doc: schemaDoc(schema, pointer: pointer), conformances: [conformance], members: members)
    }
}
