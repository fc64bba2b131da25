import YAML

/// Loading `responses`.
extension SpecLoader {
    mutating func loadResponses(_ node: Node) -> [Response] {
        guard let entries = mapping(node, "'responses'") else { return [] }
        var responses: [Response] = []
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            guard let status = Self.status(key) else {
                diagnostics.error(
                    "response key '\(key)' must be a status code (e.g. 200), a range (e.g. 4XX) or 'default'",
                    at: entry.key.mark)
                continue
            }
            guard let (target, name) = followComponent(entry.value, kind: "responses") else { continue }
            let loaded: LoadedResponse?
            if let name, let cached = loadedResponses[name] {
                loaded = cached
            } else {
                loaded = loadResponse(target, key: key)
                if let name { loadedResponses[name] = loaded }
            }
            if let loaded {
                responses.append(
                    Response(
                        status: status, description: loaded.description, content: loaded.content,
                        headers: loaded.headers, mark: entry.key.mark))
            }
        }
        return responses
    }

    private mutating func loadResponse(_ target: Node, key: String) -> LoadedResponse? {
        guard let fields = mapping(target, "response '\(key)'") else { return nil }
        checkKeys(fields, allowed: ["description", "content", "headers", "links"], in: "a response")
        return LoadedResponse(
            description: fields["description"].flatMap { string($0, "'description'") },
            content: fields["content"].map { loadResponseContent($0) } ?? ResponseContent.none,
            headers: fields["headers"]?.mapping?.compactMap { $0.key.scalarText } ?? [])
    }

    private static func status(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(first)
        else { return nil }
        if bytes[1...] == [UInt8(ascii: "X"), UInt8(ascii: "X")] { return .range(Int(first - UInt8(ascii: "0"))) }
        return Int(key).map(ResponseStatus.code)
    }

    private mutating func loadResponseContent(_ node: Node) -> ResponseContent {
        guard let entries = mapping(node, "a response's 'content'") else { return .none }
        var json: Schema?
        var binary: [String] = []
        var jsonTypes: [String] = []
        for entry in entries {
            guard let mediaType = entry.key.scalarText, let media = mapping(entry.value, "a media type") else {
                continue
            }
            checkKeys(media, allowed: ["schema", "example", "examples", "encoding"], in: "a media type")
            let schemaNode = media["schema"]
            if Self.isJSON(mediaType) {
                jsonTypes.append(mediaType)
                if json != nil {
                    diagnostics.warning("only the first JSON media type of a response is generated", at: entry.key.mark)
                } else if let schemaNode {
                    json = loadSchema(schemaNode)
                } else {
                    diagnostics.error("JSON response content needs a 'schema'", at: entry.value.mark)
                }
            } else {
                if let schemaNode {
                    let schema = loadSchema(schemaNode)
                    if case .binary = schema.kind {
                    } else if case .string = schema.kind {
                    } else {
                        diagnostics.error(
                            "non-JSON response '\(mediaType)' must have schema {type: string, format: binary}",
                            at: schemaNode.mark)
                    }
                }
                binary.append(mediaType)
            }
        }
        if let json {
            guard !binary.isEmpty else { return .json(json) }
            diagnostics.warning(
                "this response mixes JSON and binary media types; all are returned as bytes (BinaryContent)",
                at: node.mark)
            return .binary(mediaTypes: binary + jsonTypes)
        }
        return binary.isEmpty ? .none : .binary(mediaTypes: binary)
    }

    private static func isJSON(_ mediaType: String) -> Bool {
        if mediaType == "application/json" { return true }
        let base = mediaType.split(separator: ";").first.map { String($0).lowercased() } ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }
}

/// A response definition as loaded once, before its status is attached.
struct LoadedResponse {
    var description: String?
    var content: ResponseContent
    var headers: [String]
}
