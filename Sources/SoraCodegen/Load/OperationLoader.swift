import YAML

/// Loading `paths`: operations, parameters, bodies and responses.
extension SpecLoader {
    static let operationKeys: [String] = [
        "operationId", "summary", "description", "tags", "parameters", "requestBody", "responses", "deprecated",
        "security", "servers", "x-polling", "x-pagination",
    ]

    mutating func loadPaths(_ node: Node) -> [Operation] {
        guard let paths = mapping(node, "'paths'") else { return [] }
        var operations: [Operation] = []
        for pathEntry in paths {
            // A path item may be a `$ref` (to `components/pathItems` or another path); its target is read instead.
            guard let path = string(pathEntry.key, "a path"),
                let (itemNode, _) = followComponent(pathEntry.value, kind: "pathItems"),
                let item = mapping(itemNode, "path '\(path)'")
            else { continue }
            if !path.hasPrefix("/") {
                diagnostics.error("path '\(path)' must start with '/'", at: pathEntry.key.mark)
            }
            let shared = item["parameters"].map { loadParameters($0) } ?? []
            let servers = item["servers"].map { loadServers($0) } ?? []
            for entry in item {
                guard let key = entry.key.scalarText else { continue }
                if let method = HTTPMethodName(rawValue: key) {
                    if var operation = loadOperation(entry.value, method: method, path: path, shared: shared) {
                        if operation.servers.isEmpty { operation.servers = servers }
                        operations.append(operation)
                    }
                } else if !["parameters", "summary", "description", "servers"].contains(key) {
                    ignoredKey(key, in: "a path item", at: entry.key.mark)
                }
            }
        }
        return operations
    }

    private mutating func loadOperation(
        _ node: Node, method: HTTPMethodName, path: String, shared: [Parameter]
    ) -> Operation? {
        guard let entries = mapping(node, "operation \(method.rawValue.uppercased()) \(path)") else { return nil }
        checkKeys(entries, allowed: Self.operationKeys, in: "an operation")
        var operationID = entries["operationId"].flatMap { string($0, "'operationId'") } ?? ""
        if operationID.isEmpty {
            operationID = SwiftNames.derivedOperationID(method: method.rawValue, path: path)
            diagnostics.warning("operation has no 'operationId'; using '\(operationID)'", at: node.mark)
        }
        var parameters = shared
        let own = entries["parameters"].map { loadParameters($0) } ?? []
        for parameter in own {
            parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            parameters.append(parameter)
        }
        checkPathParameters(path, parameters, at: node.mark)
        var responses: [Response] = []
        if let responsesNode = entries["responses"] {
            responses = loadResponses(responsesNode)
        } else {
            diagnostics.error("operation '\(operationID)' has no 'responses'", at: node.mark)
        }
        var operation = Operation(
            operationID: operationID, method: method, path: path,
            summary: entries["summary"].flatMap { string($0, "'summary'") },
            description: entries["description"].flatMap { string($0, "'description'") },
            tags: entries["tags"].map { strings($0, "'tags'") } ?? [], parameters: parameters,
            requestBody: entries["requestBody"].flatMap { loadRequestBody($0) }, responses: responses, mark: node.mark,
            polling: entries["x-polling"].flatMap { loadPolling($0) },
            pagination: entries["x-pagination"].flatMap { loadPagination($0) })
        operation.security = entries["security"].map { loadSecurity($0) }
        operation.servers = entries["servers"].map { loadServers($0) } ?? []
        operation.isDeprecated = entries["deprecated"].flatMap { bool($0, "'deprecated'") } ?? false
        return operation
    }

    private mutating func checkPathParameters(_ path: String, _ parameters: [Parameter], at mark: Mark) {
        let placeholders = PathTemplate.placeholders(in: path)
        for name in placeholders where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            diagnostics.error("path '\(path)' has '{\(name)}' but no path parameter '\(name)'", at: mark)
        }
        for parameter in parameters where parameter.location == .path && !placeholders.contains(parameter.name) {
            diagnostics.error("path parameter '\(parameter.name)' does not appear in '\(path)'", at: parameter.mark)
        }
    }

    private mutating func loadParameters(_ node: Node) -> [Parameter] {
        guard let items = sequence(node, "'parameters'") else { return [] }
        return items.compactMap { item in
            guard let (target, name) = followComponent(item, kind: "parameters") else { return nil }
            guard let name else { return loadParameter(target) }
            if let cached = loadedParameters[name] { return cached }
            let parameter = loadParameter(target)
            loadedParameters[name] = parameter
            return parameter
        }
    }

    private mutating func loadParameter(_ node: Node) -> Parameter? {
        guard let entries = mapping(node, "a parameter") else { return nil }
        checkKeys(
            entries,
            allowed: [
                "name", "in", "required", "description", "schema", "content", "deprecated", "style", "explode",
                "example",
            ],
            in: "a parameter")
        guard let name = entries["name"].flatMap({ string($0, "a parameter's 'name'") }) else {
            if entries["name"] == nil { diagnostics.error("a parameter needs a 'name'", at: node.mark) }
            return nil
        }
        guard let inNode = entries["in"], let place = string(inNode, "'in'") else {
            if entries["in"] == nil { diagnostics.error("parameter '\(name)' needs 'in'", at: node.mark) }
            return nil
        }
        guard let location = ParameterLocation(rawValue: place) else {
            diagnostics.error(
                "parameter '\(name)' is in '\(place)'; expected path, query, header or cookie", at: inNode.mark)
            return nil
        }
        if location == .header, ["accept", "content-type", "authorization"].contains(name.lowercased()) {
            diagnostics.warning(
                "header parameter '\(name)' is set by the client itself (OpenAPI ignores it); ignored", at: node.mark)
            return nil
        }
        let isRequired = entries["required"].flatMap { bool($0, "'required'") } ?? false
        if location == .path && !isRequired {
            diagnostics.warning("path parameter '\(name)' is always required; 'required: true' assumed", at: node.mark)
        }
        var schema: Schema
        if let schemaNode = entries["schema"] {
            schema = loadSchema(schemaNode)
        } else if let content = entries["content"]?.mapping?.first, let schemaNode = content.value["schema"] {
            // `content: {application/json: {schema}}`: the value travels as that media type's text.
            schema = loadSchema(schemaNode)
            if BodyEncoding.of(content.key.scalarText ?? "") == .json, case .object = schema.kind {
                diagnostics.warning(
                    "parameter '\(name)' is sent as JSON text; generated as a String holding it", at: node.mark)
                schema = Schema(mark: schemaNode.mark, kind: .string(format: nil))
            }
        } else {
            diagnostics.warning("parameter '\(name)' has no 'schema'; generated as a String", at: node.mark)
            schema = Schema(mark: node.mark, kind: .string(format: nil))
        }
        if let node = entries["example"] {
            if node.kind == .scalar, let example = quietValue(node) {
                schema.example = schema.example ?? example
            } else {
                ignoredKey("example", in: "a parameter", at: node.mark)
            }
        }
        var parameter = Parameter(
            name: name, location: location, isRequired: isRequired || location == .path,
            description: entries["description"].flatMap { string($0, "'description'") }, schema: schema,
            mark: node.mark)
        if let styleNode = entries["style"], let text = string(styleNode, "'style'") {
            if let style = ParameterStyle(rawValue: text) {
                parameter.style = style
            } else {
                diagnostics.warning("unknown parameter style '\(text)'; the default is used", at: styleNode.mark)
            }
        }
        parameter.explode = entries["explode"].flatMap { bool($0, "'explode'") }
        parameter.isDeprecated = entries["deprecated"].flatMap { bool($0, "'deprecated'") } ?? false
        return parameter
    }

    private mutating func loadRequestBody(_ node: Node) -> RequestBody? {
        guard let (target, _) = followComponent(node, kind: "requestBodies"),
            let entries = mapping(target, "'requestBody'")
        else { return nil }
        checkKeys(entries, allowed: ["description", "required", "content"], in: "'requestBody'")
        guard let content = entries["content"].flatMap({ mapping($0, "'requestBody.content'") }) else {
            if entries["content"] == nil { diagnostics.error("'requestBody' needs 'content'", at: target.mark) }
            return nil
        }
        var contents: [BodyContent] = []
        for entry in content {
            guard let mediaType = entry.key.scalarText, let media = mapping(entry.value, "a media type") else {
                continue
            }
            checkKeys(media, allowed: ["schema", "encoding"], in: "a media type")
            let schema = media["schema"].map { loadSchema($0) } ?? Schema(mark: entry.value.mark, kind: .any)
            var body = BodyContent(
                mediaType: mediaType, encoding: BodyEncoding.of(mediaType), schema: schema, mark: entry.key.mark)
            for part in media["encoding"]?.mapping.map(Array.init) ?? [] {
                if let name = part.key.scalarText, let type = part.value["contentType"]?.scalarText {
                    body.partContentTypes.append((name, type))
                }
            }
            contents.append(body)
        }
        guard !contents.isEmpty else { return nil }
        return RequestBody(
            contents: contents, isRequired: entries["required"].flatMap { bool($0, "'required'") } ?? false,
            description: entries["description"].flatMap { string($0, "'description'") }, mark: target.mark)
    }

    /// Follows a `$ref` to `#/components/KIND/NAME`; returns the target node (or the node itself).
    mutating func followComponent(_ node: Node, kind: String) -> (Node, String?)? {
        guard let reference = node["$ref"] else { return (node, nil) }
        guard let text = string(reference, "'$ref'") else { return nil }
        let name = JSONPointer.plainComponentName(text, kind: kind) ?? JSONPointer(reference: text)?.componentName(kind)
        let target: Node
        if let name {
            guard let component = componentNodes[kind]?[name] else {
                diagnostics.error(
                    "'\(text)' does not exist: no entry '\(name)' in components.\(kind)", at: reference.mark)
                return nil
            }
            target = component
        } else {
            // Any other place in the document (`#/paths/~1pets/get/parameters/0`): read what is there.
            guard let pointer = JSONPointer(reference: text), let found = resolve(pointer) else {
                diagnostics.error(
                    "'\(text)' does not point into this document (only local '#/…' references are read)",
                    at: reference.mark)
                return nil
            }
            target = found
        }
        guard target["$ref"] != nil else { return (target, name) }
        // A target that is itself a reference (`Error: {$ref: '#/components/responses/Problem'}`).
        guard followDepth < 16 else {
            diagnostics.error("'\(text)' starts a chain of more than 16 references", at: reference.mark)
            return nil
        }
        followDepth += 1
        defer { followDepth -= 1 }
        return followComponent(target, kind: kind).map { ($0.0, $0.1 ?? name) }
    }
}
