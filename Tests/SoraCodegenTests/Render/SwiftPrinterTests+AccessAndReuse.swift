import Testing

@testable import SoraCodegen

/// Internal access, line wrapping with hostile literals, and a printer reused from file to file.
extension SwiftPrinterTests {
    // MARK: - Internal access

    @Test(arguments: [
        ("public", "public ", ""), ("public static", "public static ", "static "), ("", "", ""),
        (Modifiers.generatedOnly, "@_spi(Generated) public ", ""),
        ("@_spi(Generated) public static", "@_spi(Generated) public static ", "static "),
        ("public private(set)", "public private(set) ", "private(set) "), ("private", "private ", "private "),
        ("internal", "internal ", "internal "), ("fileprivate static", "fileprivate static ", "fileprivate static "),
        ("public mutating", "public mutating ", "mutating "),
    ])
    func modifiersWithAndWithoutPublicAccess(_ modifiers: String, _ whenPublic: String, _ whenInternal: String) {
        let declaration = Declaration.property(PropertyDeclaration(modifiers: modifiers, name: "x", type: .int))
        #expect(body([declaration]) == whenPublic + "var x: Int\n")
        #expect(body([declaration], publicAccess: false) == whenInternal + "var x: Int\n")
    }

    @Test func internalAccessOnlyChangesModifiersNeverNamesDocsOrCode() {
        let members: [Declaration] = [
            property("publicKey", .string, doc: ["The public key, for public use."]),
            .function(
                FunctionDeclaration(
                    modifiers: Modifiers.generatedOnly, name: "encodeParts",
                    parameters: [.init(name: "public_", type: .string)],
                    body: [.line("print(\(literal: "public "), public_)")])),
            .typeAlias(doc: Doc(), access: "public", name: "PublicName", type: .string),
            .type(TypeDeclaration("enum", "Nested", members: [enumCase("publicCase")])),
        ]
        let declarations: [Declaration] = [
            .type(TypeDeclaration("struct", "PublicThing", conformances: ["Sendable"], members: members)),
            .type(TypeDeclaration("extension", "PublicThing", access: "", members: [])),
        ]
        #expect(
            body(declarations, publicAccess: false) == """
                struct PublicThing: Sendable {
                    /// The public key, for public use.
                    var publicKey: String

                    func encodeParts(public_: String) {
                        print("public ", public_)
                    }

                    typealias PublicName = String

                    enum Nested {
                        case publicCase
                    }
                }

                extension PublicThing {
                }

                """)
    }

    // MARK: - Line wrapping and literals

    @Test func longCodeLinesWrapAtTheirFirstCallButDocCommentsNeverDo() {
        let longDoc = "See " + Array(repeating: "f(a, b)", count: 20).joined(separator: ", ")
        let servers = ["https://api.example.com/v1", "https://eu.api.example.com/v1", "https://staging.example.com/v1"]
        let members: [Declaration] = [
            .property(
                PropertyDeclaration(
                    doc: Doc([longDoc]), modifiers: "public static", keyword: "let", name: "servers",
                    type: .array(.string), initializer: "\(literals: servers)")),
            .property(
                PropertyDeclaration(
                    modifiers: "public static", keyword: "let", name: "short", type: .array(.string),
                    initializer: "\(literals: ["a", "b"])")),
        ]
        #expect(
            body([.type(TypeDeclaration("enum", "Servers", members: members))]) == """
                public enum Servers {
                    /// \(longDoc)
                    public static let servers: [String] = [
                        "https://api.example.com/v1",
                        "https://eu.api.example.com/v1",
                        "https://staging.example.com/v1"
                    ]

                    public static let short: [String] = ["a", "b"]
                }

                """)
    }

    /// Spec text in a wrapped line stays inside its literal: commas, parentheses, quotes, `\(` and `#` in the
    /// values are not places to break.
    @Test func hostileLiteralsSurviveWrappingIntact() {
        let values = ["a, b", "(", ")", "say \"x, (y)\"", #"\(exit(0)), "#, ##"#"raw, "#"##, "\"\"\"", "视频, ok"]
        let call: Code = "try check(\(literals: values), count: \(String(values.count)), label: \(literal: "end, )"))"
        let function = FunctionDeclaration(name: "verify", effects: "throws", body: [.line(call)])
        #expect(
            body([.function(function)]) == #"""
                public func verify() throws {
                    try check(
                        ["a, b", "(", ")", "say \"x, (y)\"", "\\(exit(0)), ", "#\"raw, \"#", "\"\"\"", "视频, ok"],
                        count: 8,
                        label: "end, )"
                    )
                }

                """#)
    }

    // MARK: - Determinism and reuse

    func sampleFiles() -> [SwiftFile] {
        let longCall: Code =
            "let result = makeSomething(\(literal: String(repeating: "x", count: 70)), second: 2, third: 3)"
        let wrapped = SwiftFile(
            path: "Operations/A.swift", imports: ["Foundation", SwiftFile.runtimeImport],
            declarations: [
                .type(
                    TypeDeclaration(
                        "struct", "A", doc: Doc(["A."]),
                        members: [
                            property("a", doc: ["Line\nbreak"]),
                            .function(FunctionDeclaration(name: "run", body: [.line(longCall)])),
                        ]))
            ])
        let plain = SwiftFile(
            path: "Models/B.swift", imports: ["@_exported import SoraRuntime"],
            declarations: [.type(TypeDeclaration("enum", "B", members: [enumCase("one"), enumCase("two")]))])
        let empty = SwiftFile(path: "Empty.swift", declarations: [])
        return [wrapped, plain, empty, wrapped]
    }

    @Test func printingTheSameTreeTwiceGivesIdenticalText() {
        for file in sampleFiles() {
            #expect(
                SwiftPrinter.render(file, specPath: "spec.yaml") == SwiftPrinter.render(file, specPath: "spec.yaml"))
        }
    }

    @Test func aReusedPrinterPrintsWhatFreshPrintersPrint() {
        let specPaths = ["spec.yaml", "other/spec.yaml", "spec.yaml", "spec\n.yaml"]
        for publicAccess in [true, false] {
            var printer = SwiftPrinter()
            printer.publicAccess = publicAccess
            for (file, specPath) in zip(sampleFiles(), specPaths) {
                let fresh = SwiftPrinter.render(file, specPath: specPath, publicAccess: publicAccess)
                #expect(printer.render(file, specPath: specPath) == fresh, "\(file.path) from \(specPath)")
            }
        }
    }

    /// A file over the buffer size a printer keeps (1 MiB) is printed whole, and the next files are unaffected.
    @Test func aReusedPrinterHandlesAFileLargerThanItsKeptBuffer() {
        let padding = String(repeating: "Padding text. ", count: 5)
        var members: [Declaration] = (0..<9000).map { property("property\($0)", doc: ["Property \($0). \(padding)"]) }
        let longCall: Code = "call(\(literal: String(repeating: "y", count: 100)), \(literal: "z"))"
        members.append(.function(FunctionDeclaration(name: "f", body: [.line(longCall)])))
        let large = SwiftFile(
            path: "Large.swift", declarations: [.type(TypeDeclaration("struct", "Large", members: members))])
        let small = sampleFiles()[1]
        var printer = SwiftPrinter()
        let first = printer.render(large, specPath: "spec.yaml")
        #expect(first.utf8.count > 1 << 20)
        #expect(
            first.hasSuffix(
                "    public func f() {\n        call(\n            \"\(String(repeating: "y", count: 100))\",\n            \"z\"\n        )\n    }\n}\n"
            ))
        #expect(first.contains("\n    /// Property 8999. \(padding.dropLast())\n    public var property8999: Int\n"))
        #expect(printer.render(small, specPath: "spec.yaml") == SwiftPrinter.render(small, specPath: "spec.yaml"))
        #expect(printer.render(large, specPath: "spec.yaml") == first)
    }
}
