import SoraCodegen
import Testing

/// Which types a declaration tree uses: what decides a file's imports.
@Suite struct DeclarationTypesTests {
    private func property(_ type: SwiftType, initializer: Code? = nil) -> Declaration {
        .property(PropertyDeclaration(name: "x", type: type, initializer: initializer))
    }

    private func function(parameters: [SwiftType] = [], returns: SwiftType? = nil, body: [Statement] = [])
        -> Declaration
    {
        .function(
            FunctionDeclaration(
                name: "f", parameters: parameters.enumerated().map { .init(name: "p\($0.offset)", type: $0.element) },
                returnType: returns, body: body))
    }

    @Test func everyPlaceATypeIsWrittenCounts() {
        #expect(property(.optional(.date)).mentions(.date))
        #expect(Declaration.enumCase(EnumCaseDeclaration(name: "at", associatedType: .array(.date))).mentions(.date))
        #expect(function(parameters: [.string, .inoutParameter(.dictionary(.date))]).mentions(.date))
        #expect(function(returns: .generic("PageSequence", [.date])).mentions(.date))
        #expect(Declaration.typeAlias(doc: Doc(), access: "public", name: "When", type: .date).mentions(.date))
    }

    @Test func membersCountAtAnyDepth() {
        let inner = TypeDeclaration("enum", "Inner", members: [property(.string), property(.optional(.date))])
        let middle = TypeDeclaration("struct", "Middle", members: [.type(inner)])
        let outer = Declaration.type(
            TypeDeclaration("extension", "Outer", access: "", members: [property(.int), .type(middle)]))
        #expect(outer.mentions(.date))
        #expect(outer.mentions(.string))
        #expect(!outer.mentions(.url))
    }

    /// Only declared types count: names, conformances, initial values and bodies are text the imports need not
    /// follow.
    @Test func namesConformancesInitializersAndBodiesDoNotCount() {
        #expect(
            !Declaration.type(TypeDeclaration("struct", "Date", conformances: ["Date"], members: [])).mentions(.date))
        #expect(!property(.string, initializer: "Date().description").mentions(.date))
        #expect(!function(body: [.line("let now = Date()"), .block("if Date() > x", [])]).mentions(.date))
        #expect(!Declaration.enumCase(EnumCaseDeclaration(name: "date")).mentions(.date))
        #expect(!function(parameters: [.named("DateRange")], returns: .named("Dates")).mentions(.date))
        #expect(!Declaration.typeAlias(doc: Doc(["A Date."]), access: "", name: "Date", type: .string).mentions(.date))
    }

    @Test func theAskedTypeIsComparedWhole() {
        #expect(property(.optional(.date)).mentions(.optional(.date)))
        #expect(!property(.date).mentions(.optional(.date)))
        #expect(property(.array(.optional(.fileUpload))).mentions(.optional(.fileUpload)))
    }
}
