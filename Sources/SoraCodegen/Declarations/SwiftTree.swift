/// A generated Swift file: a path below the output folder and its declarations.
public struct SwiftFile: Sendable {
    /// Relative path, e.g. `Models/Video.swift`.
    public var path: String
    /// Modules to import.
    public var imports: [String]
    /// Top-level declarations.
    public var declarations: [Declaration]

    /// The runtime, with the declarations only generated code calls (`@_spi(Generated)`: the request builder, the
    /// validator, the coding helpers); an app that imports the client sees the runtime's public API alone.
    public static let runtimeImport = "@_spi(Generated) import SoraRuntime"

    /// Creates a file.
    public init(path: String, imports: [String] = [], declarations: [Declaration]) {
        self.path = path
        self.imports = imports
        self.declarations = declarations
    }
}

/// A documentation comment: plain text lines that the printer sanitises.
public struct Doc: Sendable, Hashable {
    /// Paragraph lines (may contain newlines; the printer splits them).
    public var lines: [String]

    /// Creates a doc comment from lines; empty lines separate paragraphs.
    public init(_ lines: [String] = []) { self.lines = lines }

    /// True when there is nothing to print.
    public var isEmpty: Bool { lines.isEmpty }
}

/// One declaration of the small tree that `Translate/` builds and `Render/` prints.
public enum Declaration: Sendable {
    /// `struct`, `enum`, `extension` or `final class` with members.
    case type(TypeDeclaration)
    /// A stored or computed property.
    case property(PropertyDeclaration)
    /// An enum case.
    case enumCase(EnumCaseDeclaration)
    /// A function or initialiser.
    case function(FunctionDeclaration)
    /// `typealias Name = Type`.
    case typeAlias(doc: Doc, access: String, name: String, type: SwiftType)
}

/// A type or extension declaration.
public struct TypeDeclaration: Sendable {
    /// `struct`, `enum`, `extension`, `final class`.
    public var keyword: String
    /// Doc comment.
    public var doc: Doc
    /// `public`, `internal`, or "" (extensions).
    public var access: String
    /// The type name.
    public var name: String
    /// Conformances.
    public var conformances: [String]
    /// Members in order.
    public var members: [Declaration]
    /// Attributes on their own lines, e.g. `@available(*, deprecated)`.
    public var attributes: [String] = []

    /// Creates a type declaration.
    public init(
        _ keyword: String, _ name: String, doc: Doc = Doc(), access: String = "public", conformances: [String] = [],
        members: [Declaration]
    ) {
        self.keyword = keyword
        self.doc = doc
        self.access = access
        self.name = name
        self.conformances = conformances
        self.members = members
    }
}

/// A property declaration.
public struct PropertyDeclaration: Sendable {
    /// Doc comment.
    public var doc: Doc
    /// Access and other modifiers, e.g. `public`, `public static`, `private`.
    public var modifiers: String
    /// `var` or `let`.
    public var keyword: String
    /// The (already escaped) identifier.
    public var name: String
    /// The type.
    public var type: SwiftType
    /// `= value`, if any.
    public var initializer: Code?
    /// A computed property's getter body; nil for stored properties.
    public var getter: [Statement]?
    /// A computed property's setter body (uses `newValue`).
    public var setter: [Statement]?
    /// Attributes on their own lines, e.g. `@available(*, deprecated)`.
    public var attributes: [String] = []

    /// Creates a property.
    public init(
        doc: Doc = Doc(), modifiers: String = "public", keyword: String = "var", name: String, type: SwiftType,
        initializer: Code? = nil, getter: [Statement]? = nil, setter: [Statement]? = nil
    ) {
        self.doc = doc
        self.modifiers = modifiers
        self.keyword = keyword
        self.name = name
        self.type = type
        self.initializer = initializer
        self.getter = getter
        self.setter = setter
    }
}

/// An enum case.
public struct EnumCaseDeclaration: Sendable {
    /// Doc comment.
    public var doc: Doc
    /// The (already escaped) case name.
    public var name: String
    /// An associated value type, e.g. `String`.
    public var associatedType: SwiftType?

    /// Creates an enum case.
    public init(doc: Doc = Doc(), name: String, associatedType: SwiftType? = nil) {
        self.doc = doc
        self.name = name
        self.associatedType = associatedType
    }
}

/// A function parameter.
public struct FunctionParameter: Sendable {
    /// The argument label (`_` for none); nil when it equals the name.
    public var label: String?
    /// The parameter name.
    public var name: String
    /// The type.
    public var type: SwiftType
    /// The default value, if any.
    public var defaultValue: Code?

    /// Creates a parameter.
    public init(label: String? = nil, name: String, type: SwiftType, defaultValue: Code? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// A function or initialiser.
public struct FunctionDeclaration: Sendable {
    /// Doc comment.
    public var doc: Doc
    /// Modifiers, e.g. `public`, `public static`, `public mutating`.
    public var modifiers: String
    /// The name, or `init`.
    public var name: String
    /// Parameters.
    public var parameters: [FunctionParameter]
    /// Effects written after the parameters, e.g. `async throws`.
    public var effects: String
    /// The return type, if any.
    public var returnType: SwiftType?
    /// The body.
    public var body: [Statement]
    /// Attributes on their own lines, e.g. `@available(*, deprecated)`.
    public var attributes: [String] = []

    /// Creates a function.
    public init(
        doc: Doc = Doc(), modifiers: String = "public", name: String, parameters: [FunctionParameter] = [],
        effects: String = "", returnType: SwiftType? = nil, body: [Statement]
    ) {
        self.doc = doc
        self.modifiers = modifiers
        self.name = name
        self.parameters = parameters
        self.effects = effects
        self.returnType = returnType
        self.body = body
    }
}

/// A statement of a function body.
public enum Statement: Sendable {
    /// One line.
    case line(Code)
    /// `HEADER {` body `}`.
    case block(Code, [Statement])
    /// `switch SUBJECT {` with `case …:` clauses at the switch's indentation.
    case switchBlock(Code, [(label: Code, body: [Statement])])
}

/// Modifier strings the translators share.
public enum Modifiers {
    /// A member only generated code calls (the form encoders): public to the runtime's `Generated` SPI alone, so
    /// an app importing the client does not see it; plain internal when the client is generated `internal`.
    public static let generatedOnly = "@_spi(Generated) public"
}
