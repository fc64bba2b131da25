import YAML

/// Loading `paths`: operations, parameters, bodies and responses.
extension SpecLoader {
    static let operationKeys: [String] = [
        "operationId", "summary", "description", "tags", "parameters", "requestBody", "responses", "deprecated",
        "security", "x-polling", "x-pagination",
    ]

    mutating func loadPaths(_ node: Node) -> [Operation] {
        guard let paths = mapping(node, "'paths'") else { return [] }
        var operations: [Operation] = []
        for pathEntry in paths {
            guard let path = string(pathEntry.key, "a path"), let item = mapping(pathEntry.value, "path '\(path)'")
            else { continue }
            if !path.hasPrefix("/") {
                diagnostics.error("path '\(path)' must start with '/'", at: pathEntry.key.mark)
            }
            let shared = item["parameters"].map { loadParameters($0) } ?? []
            for entry in item {
                guard let key = entry.key.scalarText else { continue }
                if let method = HTTPMethodName(rawValue: key) {
                    if let operation = loadOperation(entry.value, method: method, path: path, shared: shared) {
                        operations.append(operation)
                    }
                } else if !["parameters", "summary", "description", "servers"].contains(key) && !key.hasPrefix("x-") {
                    diagnostics.error("unsupported keyword '\(key)' in path '\(path)'", at: entry.key.mark)
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
        return Operation(
            operationID: operationID, method: method, path: path,
            summary: entries["summary"].flatMap { string($0, "'summary'") },
            description: entries["description"].flatMap { string($0, "'description'") },
            tags: entries["tags"].map { strings($0, "'tags'") } ?? [], parameters: parameters,
            requestBody: entries["requestBody"].flatMap { loadRequestBody($0) }, responses: responses, mark: node.mark,
            polling: entries["x-polling"].flatMap { loadPolling($0) },
            pagination: entries["x-pagination"].flatMap { loadPagination($0) })
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
                "name", "in", "required", "description", "schema", "deprecated", "example", "examples", "style",
                "explode",
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
            diagnostics.error("parameter '\(name)' is in '\(place)'; supported: path, query, header", at: inNode.mark)
            return nil
        }
        let isRequired = entries["required"].flatMap { bool($0, "'required'") } ?? false
        if location == .path && !isRequired {
            diagnostics.error("path parameter '\(name)' must have 'required: true'", at: node.mark)
        }
        guard let schemaNode = entries["schema"] else {
            diagnostics.error("parameter '\(name)' needs a 'schema'", at: node.mark)
            return nil
        }
        return Parameter(
            name: name, location: location, isRequired: isRequired || location == .path,
            description: entries["description"].flatMap { string($0, "'description'") },
            schema: loadSchema(schemaNode), mark: node.mark)
    }

    private mutating func loadRequestBody(_ node: Node) -> RequestBody? {
        guard let entries = mapping(node, "'requestBody'") else { return nil }
        checkKeys(entries, allowed: ["description", "required", "content"], in: "'requestBody'")
        guard let content = entries["content"].flatMap({ mapping($0, "'requestBody.content'") }) else {
            if entries["content"] == nil { diagnostics.error("'requestBody' needs 'content'", at: node.mark) }
            return nil
        }
        var chosen: (BodyEncoding, Node)?
        for entry in content {
            guard let mediaType = entry.key.scalarText else { continue }
            guard let encoding = BodyEncoding(rawValue: mediaType) else {
                diagnostics.error(
                    "request media type '\(mediaType)' is not supported; use application/json or multipart/form-data",
                    at: entry.key.mark)
                continue
            }
            if let (first, _) = chosen {
                diagnostics.warning(
                    "only the first request media type '\(first.rawValue)' is generated; '\(mediaType)' is ignored",
                    at: entry.key.mark)
            } else {
                chosen = (encoding, entry.value)
            }
        }
        guard let (encoding, mediaNode) = chosen, let media = mapping(mediaNode, "a media type") else { return nil }
        checkKeys(media, allowed: ["schema", "encoding", "example", "examples"], in: "a media type")
        guard let schemaNode = media["schema"] else {
            diagnostics.error("the request body needs a 'schema'", at: mediaNode.mark)
            return nil
        }
        return RequestBody(
            encoding: encoding, schema: loadSchema(schemaNode),
            isRequired: entries["required"].flatMap { bool($0, "'required'") } ?? false,
            description: entries["description"].flatMap { string($0, "'description'") }, mark: node.mark)
    }

    /// Follows a `$ref` to `#/components/KIND/NAME`; returns the target node (or the node itself).
    mutating func followComponent(_ node: Node, kind: String) -> (Node, String?)? {
        guard let reference = node["$ref"] else { return (node, nil) }
        guard let text = string(reference, "'$ref'") else { return nil }
        guard
            let name = JSONPointer.plainComponentName(text, kind: kind)
                ?? JSONPointer(reference: text)?.componentName(kind)
        else {
            diagnostics.error("'\(text)' must point to '#/components/\(kind)/NAME'", at: reference.mark)
            return nil
        }
        guard let target = componentNodes[kind]?[name] else {
            diagnostics.error("'\(text)' does not exist: no entry '\(name)' in components.\(kind)", at: reference.mark)
            return nil
        }
        if target["$ref"] != nil {
            diagnostics.error("'\(text)' points to another '$ref'; point to the definition itself", at: reference.mark)
            return nil
        }
        return (target, name)
    }
}
