import YAML

/// `components.securitySchemes` and `security` requirements.
extension SpecLoader {
    /// Every scheme the generated client can send; others (mutual TLS, an apiKey with no name) are warnings.
    mutating func loadSecuritySchemes() -> [SecuritySchemeSpec] {
        guard let section = root["components"]?["securitySchemes"]?.mapping else { return [] }
        var schemes: [SecuritySchemeSpec] = []
        for entry in section {
            guard let name = entry.key.scalarText,
                let (node, _) = followComponent(entry.value, kind: "securitySchemes"),
                let fields = mapping(node, "security scheme '\(name)'")
            else { continue }
            checkKeys(
                fields,
                allowed: ["type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"],
                in: "a security scheme")
            let type = fields["type"]?.scalarText ?? ""
            let description = fields["description"]?.scalarText
            var kind: SecuritySchemeKind?
            switch type {
            case "http":
                switch fields["scheme"]?.scalarText?.lowercased() {
                case "bearer"?: kind = .bearer
                case "basic"?: kind = .basic
                case let other:
                    diagnostics.warning(
                        "security scheme '\(name)' uses HTTP scheme '\(other ?? "")', which the client cannot send; "
                            + "operations that need only it are sent without credentials", at: entry.key.mark)
                }
            case "apiKey":
                let place = fields["in"]?.scalarText ?? ""
                if let keyName = fields["name"]?.scalarText, ["header", "query", "cookie"].contains(place) {
                    kind = .apiKey(name: keyName, location: place)
                } else {
                    diagnostics.error(
                        "apiKey security scheme '\(name)' needs 'name' and 'in' (header, query or cookie)",
                        at: entry.key.mark)
                }
            case "oauth2", "openIdConnect":
                // The client sends the access token the app obtained; getting it is the app's job.
                kind = .bearer
            default:
                diagnostics.warning(
                    "security scheme '\(name)' of type '\(type)' cannot be sent by the client; "
                        + "operations that need only it are sent without credentials", at: entry.key.mark)
            }
            if let kind {
                schemes.append(
                    SecuritySchemeSpec(name: name, kind: kind, description: description, mark: entry.key.mark))
            }
        }
        return schemes
    }

    /// A `security` list: alternatives, each the scheme names it needs together (`[]` is "none needed").
    mutating func loadSecurity(_ node: Node) -> [[String]] {
        guard let requirements = sequence(node, "'security'") else { return [] }
        let known = root["components"]?["securitySchemes"]?.mapping
        var alternatives: [[String]] = []
        for requirement in requirements {
            guard let entries = mapping(requirement, "a security requirement") else { continue }
            var names: [String] = []
            for entry in entries {
                guard let name = entry.key.scalarText else { continue }
                if known?[name] == nil {
                    diagnostics.warning(
                        "security scheme '\(name)' is not defined in components.securitySchemes; ignored",
                        at: entry.key.mark)
                    continue
                }
                names.append(name)
            }
            // An alternative that needs only schemes nobody defined cannot be met; it is not "no credentials".
            if names.isEmpty && !entries.isEmpty { continue }
            alternatives.append(names)
        }
        return alternatives
    }
}
