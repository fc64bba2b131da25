/// The translation stage: turns a slice of the spec model into declarations (`translate(_:)`), reporting naming
/// problems. One translator is made per run (its tables cover the whole document); each slice is translated by a
/// copy of it.
struct Translator: Sendable {
    let document: SpecDocument
    var diagnostics: DiagnosticBag
    let table: TypeTable
    let clientName: String
    /// Spec names of schemas used as multipart bodies (they get a multipart encoder).
    let multipartSchemas: Set<String>
    /// Spec names of the unions that multipart bodies send as properties (they get `appendParts(named:to:)`, as
    /// the inline unions of those bodies do).
    let partUnions: Set<String>
    /// Spec names of schemas used as `application/x-www-form-urlencoded` bodies (they get a form encoder).
    let formSchemas: Set<String>
    /// Multipart `encoding.<part>.contentType` by schema spec name, then part name (the first body's wins).
    let partContentTypes: [String: [String: String]]
    /// True when the client holds one bearer token that every operation sends (no per-operation security).
    let usesSingleToken: Bool
    /// `Type.property` keys that are stored boxed to break value recursion.
    let boxed: Set<String>
    /// Each operation's Swift method name, in document order (collisions numbered once for the whole document).
    let methodNames: [String]
    /// Models for the inline parameters, bodies and responses of the operation being translated.
    var inlineModels: [SwiftFile] = []

    init(document: SpecDocument, file: String) {
        self.document = document
        var diagnostics = DiagnosticBag(file: file)
        clientName = document.clientName ?? "APIClient"
        let table = TypeTable(document, clientName: clientName, diagnostics: &diagnostics)
        self.table = table
        var multipart = Set<String>()
        var unions = Set<String>()
        var form = Set<String>()
        var partTypes: [String: [String: String]] = [:]
        for operation in document.operations {
            for content in operation.requestBody?.contents ?? [] {
                if content.encoding == .multipart, case .object(let object)? = table.resolved(content.schema)?.kind {
                    for property in object.properties {
                        if let union = table.unionName(property.schema) { unions.insert(union) }
                    }
                }
                guard case .reference(let name) = content.schema.kind else { continue }
                if content.encoding == .multipart { multipart.insert(name) }
                if content.encoding == .form { form.insert(name) }
                for (part, type) in content.partContentTypes where partTypes[name]?[part] == nil {
                    partTypes[name, default: [:]][part] = type
                }
            }
        }
        partContentTypes = partTypes
        multipartSchemas = multipart
        partUnions = unions
        formSchemas = form
        usesSingleToken = Self.usesSingleToken(document)
        boxed = RecursionBreaker.boxedProperties(document, table: table)
        methodNames = Self.methodNames(document.operations, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
    }

    /// The declarations of one slice: the support files (exports and the client), the methods and inline models of
    /// a range of operations, or the model files of a range of schemas. Its diagnostics are the slice's own.
    mutating func translate(_ slice: Pipeline.Slice) -> Translation {
        diagnostics = DiagnosticBag(file: diagnostics.file)
        var translation = Translation()
        switch slice {
        case .support:
            translation.files = [exportsFile(), clientFile()]
        case .operations(let range):
            translateOperations(range, into: &translation)
        case .schemas(let range):
            for named in document.schemas[range] {
                let name = table.swiftName(named.name)
                let declarations = modelDeclarations(
                    name: name, schema: named.schema, specName: named.name,
                    pointer: "#/components/schemas/" + Pointer.escape(named.name),
                    isMultipart: multipartSchemas.contains(named.name), isForm: formSchemas.contains(named.name),
                    writesParts: partUnions.contains(named.name))
                translation.files.append(modelFile("Models/\(name).swift", declarations: declarations))
            }
        }
        translation.diagnostics = diagnostics
        return translation
    }

    /// A model file; it imports Foundation too when its declarations use `Date`.
    func modelFile(_ path: String, declarations: [Declaration]) -> SwiftFile {
        let usesDate = declarations.contains { $0.mentions(.date) }
        return SwiftFile(
            path: path, imports: usesDate ? ["Foundation", SwiftFile.runtimeImport] : [SwiftFile.runtimeImport],
            declarations: declarations)
    }

    private func exportsFile() -> SwiftFile {
        SwiftFile(path: "Exports.swift", imports: ["@_exported import SoraRuntime"], declarations: [])
    }
}

/// JSON-pointer escaping for the "Spec:" provenance lines.
enum Pointer {
    static func escape(_ segment: String) -> String {
        segment.replacingTilde()
    }
}

extension String {
    fileprivate func replacingTilde() -> String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return self }
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every byte is a character, so replace bytes.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 8)
            for byte in utf8 {
                guard byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") else {
                    bytes.append(byte)
                    continue
                }
                bytes.append(UInt8(ascii: "~"))
                bytes.append(byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1"))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        for character in self {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
