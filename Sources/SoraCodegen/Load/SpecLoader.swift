import YAML

/// Turns the YAML node tree of an OpenAPI document into a `SpecDocument`, collecting diagnostics.
struct SpecLoader {
    var diagnostics: DiagnosticBag
    let root: Node
    /// `components/schemas`, `components/parameters`, `components/responses` by name.
    var componentNodes: [String: [String: Node]] = [:]
    /// Inline `$ref` targets (any place but `components/schemas/NAME`) being loaded, to catch loops through them.
    var targetsInProgress: Set<JSONPointer> = []
    /// Inline `$ref` targets already loaded, by normalized pointer: each is loaded once however often it is used.
    var loadedTargets: [JSONPointer: LoadedTarget] = [:]
    /// Nesting depth and inline-`$ref` copies so far, bounded.
    var budget = SchemaBudget()
    /// `components/parameters` and `components/responses` entries already loaded, by name: a shared
    /// `Error` response is loaded once, not once per operation.
    var loadedParameters: [String: Parameter?] = [:]
    var loadedResponses: [String: LoadedResponse?] = [:]
    /// How many component `$ref`s `followComponent` is following at once (a chain is bounded).
    var followDepth = 0
    /// The schemas loaded as `allOf` parts, by place: their `required` lists may name other parts' properties.
    var allOfParts: Set<Mark> = []
    /// Every `pattern`, compiled in the background (shared with the paths thread of a large spec).
    let patterns: PatternCheck

    init(root: Node, file: String, patterns: PatternCheck = PatternCheck()) {
        self.root = root
        self.diagnostics = DiagnosticBag(file: file)
        self.patterns = patterns
    }

    static let rootKeys: [String] = [
        "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs",
        "jsonSchemaDialect",
    ]

    /// Loads the whole document.
    mutating func load() -> SpecDocument? {
        guard let entries = mapping(root, "the OpenAPI document") else { return nil }
        checkKeys(entries, allowed: Self.rootKeys, in: "the OpenAPI document")
        checkVersion(entries)
        indexComponents(entries["components"])
        var document = loadInfo(entries["info"])
        document.securitySchemes = loadSecuritySchemes()
        document.security = entries["security"].map { loadSecurity($0) } ?? []
        document.servers = entries["servers"].map { loadServers($0) } ?? []
        (document.schemas, document.operations) = loadSchemasAndPaths()
        promoteSharedServers(&document)
        if entries["paths"] == nil {
            diagnostics.error("the document has no 'paths'", at: root.mark)
        }
        // ECMA-262 allows what Swift's Regex may not (lookbehind); such a rule is left unchecked, not fatal.
        for use in patterns.invalidUses() {
            diagnostics.warning(
                "'pattern' is not a valid regular expression: \(use.pattern) (Swift's Regex cannot compile it); "
                    + "it is not checked", at: use.mark)
            document.uncheckedPatterns.insert(use.pattern)
        }
        return document
    }

    private mutating func checkVersion(_ entries: MappingEntries) {
        guard let node = entries["openapi"] else {
            diagnostics.error("missing 'openapi: 3.x.y' at the top of the document", at: root.mark)
            return
        }
        guard let version = string(node, "'openapi'") else { return }
        if !version.hasPrefix("3.0.") && !version.hasPrefix("3.1.") && version != "3.0" && version != "3.1" {
            diagnostics.error(
                "OpenAPI version '\(version)' is not supported; sora-codegen reads 3.0.x and 3.1.x "
                    + "(convert a Swagger 2.0 document first)", at: node.mark)
        }
    }

    private mutating func loadInfo(_ node: Node?) -> SpecDocument {
        var document = SpecDocument(
            title: "API", version: "", description: nil, clientName: nil, infoMark: node?.mark ?? root.mark,
            servers: [], schemas: [], operations: [])
        guard let node else {
            diagnostics.error("the document has no 'info'", at: root.mark)
            return document
        }
        guard let entries = mapping(node, "'info'") else { return document }
        checkKeys(
            entries,
            allowed: [
                "title", "version", "description", "summary", "termsOfService", "contact", "license", "x-client-name",
            ],
            in: "'info'")
        if let title = entries["title"].flatMap({ string($0, "'info.title'") }) { document.title = title }
        if let version = entries["version"].flatMap({ string($0, "'info.version'") }) { document.version = version }
        document.description = entries["description"].flatMap { string($0, "'info.description'") }
        if let nameNode = entries["x-client-name"], let name = string(nameNode, "'info.x-client-name'") {
            if SwiftNames.isPlainIdentifier(name) {
                document.clientName = name
            } else {
                diagnostics.error("'x-client-name' must be a Swift type name, found '\(name)'", at: nameNode.mark)
            }
        }
        return document
    }

    /// `servers`: URLs with their variables (each needs a `default`).
    mutating func loadServers(_ node: Node) -> [Server] {
        guard let items = sequence(node, "'servers'") else { return [] }
        var servers: [Server] = []
        for item in items {
            guard let entries = mapping(item, "a server") else { continue }
            checkKeys(entries, allowed: ["url", "description", "variables"], in: "a server")
            guard let urlNode = entries["url"] else {
                diagnostics.error("a server needs a 'url'", at: item.mark)
                continue
            }
            guard let url = string(urlNode, "a server's 'url'") else { continue }
            var server = Server(url: url, description: entries["description"].flatMap { $0.scalarText })
            for variable in entries["variables"].flatMap({ mapping($0, "'variables'") }).map(Array.init) ?? [] {
                guard let name = variable.key.scalarText, let fields = mapping(variable.value, "a server variable")
                else { continue }
                checkKeys(fields, allowed: ["default", "enum", "description"], in: "a server variable")
                guard let defaultValue = fields["default"].flatMap({ string($0, "'default'") }) else {
                    if fields["default"] == nil {
                        diagnostics.error("server variable '\(name)' needs a 'default'", at: variable.key.mark)
                    }
                    continue
                }
                server.variables.append(
                    ServerVariable(
                        name: name, defaultValue: defaultValue,
                        allowedValues: fields["enum"].map { strings($0, "'enum'") } ?? [],
                        description: fields["description"].flatMap { $0.scalarText }))
            }
            for name in PathTemplate.placeholders(in: url) where !server.variables.contains(where: { $0.name == name })
            {
                diagnostics.warning(
                    "server URL '\(url)' has '{\(name)}' but no variable '\(name)'; pass baseURL", at: urlNode.mark)
            }
            servers.append(server)
        }
        return servers
    }

    mutating func indexComponents(_ node: Node?) {
        guard let node, let entries = mapping(node, "'components'") else { return }
        checkKeys(
            entries,
            allowed: [
                "schemas", "parameters", "responses", "securitySchemes", "requestBodies", "headers", "pathItems",
            ],
            in: "'components'")
        for kind in ["schemas", "parameters", "responses", "requestBodies", "headers", "securitySchemes", "pathItems"] {
            guard let section = entries[kind], let items = mapping(section, "'components.\(kind)'") else { continue }
            var index: [String: Node] = [:]
            index.reserveCapacity(items.count)
            for item in items {
                if let name = item.key.scalarText { index[name] = item.value }
            }
            componentNodes[kind] = index
        }
    }

    /// A document that lists servers only on its paths or operations has the first such list as its own (the
    /// client's default); operations whose first server is that one need no server of their own, the others
    /// keep theirs (Twilio lists one server on every path).
    private func promoteSharedServers(_ document: inout SpecDocument) {
        guard document.servers.isEmpty, let first = document.operations.first(where: { !$0.servers.isEmpty })?.servers
        else { return }
        document.servers = first
        for index in document.operations.indices
        where document.operations[index].servers.first?.url == first[0].url {
            document.operations[index].servers = []
        }
    }

    mutating func loadSchemas() -> [NamedSchema] {
        guard let section = root["components"]?["schemas"]?.mapping else { return [] }
        var schemas: [NamedSchema] = []
        schemas.reserveCapacity(section.count)
        for entry in section {
            guard let name = entry.key.scalarText else { continue }
            schemas.append(NamedSchema(name: name, schema: loadSchema(entry.value), mark: entry.key.mark))
        }
        return schemas
    }
}
