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
        checkKeys(fields, allowed: ["description", "content", "headers"], in: "a response")
        var headers: [ResponseHeader] = []
        for entry in fields["headers"].flatMap({ mapping($0, "'headers'") }).map(Array.init) ?? [] {
            guard let name = entry.key.scalarText, let (node, _) = followComponent(entry.value, kind: "headers"),
                let header = mapping(node, "header '\(name)'")
            else { continue }
            checkKeys(
                header, allowed: ["description", "schema", "required", "deprecated", "style", "explode"], in: "a header"
            )
            headers.append(
                ResponseHeader(
                    name: name,
                    schema: header["schema"].map { loadSchema($0) }
                        ?? Schema(mark: node.mark, kind: .string(format: nil)),
                    isRequired: header["required"].flatMap { bool($0, "'required'") } ?? false,
                    description: header["description"].flatMap { string($0, "'description'") }))
        }
        return LoadedResponse(
            description: fields["description"].flatMap { string($0, "'description'") },
            content: fields["content"].map { loadResponseContent($0) } ?? ResponseContent.none, headers: headers)
    }

    private static func status(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(first)
        else { return nil }
        if bytes[1...].allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) {
            return .range(Int(first - UInt8(ascii: "0")))
        }
        return Int(key).map(ResponseStatus.code)
    }

    /// A response's media types: the first JSON one gives the type; text and bytes are read as such. JSON next to
    /// text is decoded as JSON (the client asks for JSON first); JSON next to bytes (`video/mp4`, `image/webp`,
    /// `application/json`) is returned as bytes with its content type, since a download is what such an
    /// operation is for and bytes hold a JSON answer too, while JSON decoding would fail on the video.
    private mutating func loadResponseContent(_ node: Node) -> ResponseContent {
        guard let entries = mapping(node, "a response's 'content'") else { return .none }
        var json: (Schema, String)?
        var text: [String] = []
        var binary: [String] = []
        for entry in entries {
            guard let mediaType = entry.key.scalarText, let media = mapping(entry.value, "a media type") else {
                continue
            }
            checkKeys(media, allowed: ["schema", "encoding"], in: "a media type")
            switch BodyEncoding.of(mediaType) {
            case .json:
                if json == nil {
                    json = (
                        media["schema"].map { loadSchema($0) } ?? Schema(mark: entry.value.mark, kind: .any), mediaType
                    )
                }
            case .text: text.append(mediaType)
            default: binary.append(mediaType)
            }
        }
        if let (_, mediaType) = json, !binary.isEmpty {
            diagnostics.repeatedWarning(
                "a response that is bytes or JSON is returned as bytes with its content type", at: node.mark)
            return .binary(mediaTypes: binary + text + [mediaType])
        }
        if let (schema, mediaType) = json {
            if !text.isEmpty {
                diagnostics.repeatedWarning(
                    "a response that is JSON or another media type is decoded as JSON (the client asks for JSON)",
                    at: node.mark)
            }
            return .json(schema, mediaType: mediaType)
        }
        if !binary.isEmpty { return .binary(mediaTypes: binary + text) }
        return text.isEmpty ? .none : .text(mediaTypes: text)
    }
}

/// A response definition as loaded once, before its status is attached.
struct LoadedResponse {
    var description: String?
    var content: ResponseContent
    var headers: [ResponseHeader]
}
