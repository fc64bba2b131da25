/// Request bodies: one method per kind of media type (JSON first), each with the body argument and the call
/// that encodes it.
extension Translator {
    /// One way to send the body.
    struct BodyPlan {
        var parameter: FunctionParameter
        var statements: [Statement]
        var doc: String
        /// The operation's main method (the other media types are overloads with their own label).
        var isPrimary: Bool
    }

    /// A plan per encoding the body offers, the primary (JSON when there is one) first; `[nil]`-free.
    mutating func bodyPlans(_ body: RequestBody, operation: Operation, pointer: String) -> [BodyPlan?] {
        var groups: [(BodyEncoding, [BodyContent])] = []
        for content in body.contents {
            if let index = groups.firstIndex(where: { $0.0 == content.encoding }) {
                groups[index].1.append(content)
            } else {
                groups.append((content.encoding, [content]))
            }
        }
        if let json = groups.firstIndex(where: { $0.0 == .json }), json > 0 {
            groups.insert(groups.remove(at: json), at: 0)
        }
        var plans: [BodyPlan?] = []
        for (index, (encoding, contents)) in groups.enumerated() {
            let typeName =
                SwiftNames.typeName(operation.operationID) + "Request" + (index == 0 ? "" : encodingSuffix(encoding))
            guard
                var plan = bodyPlan(
                    encoding, contents: contents, body: body, typeName: typeName, pointer: pointer + "/requestBody")
            else { continue }
            plan.isPrimary = plans.isEmpty
            if !plan.isPrimary { plan.parameter.label = encodingSuffix(encoding).lowercased() }
            plans.append(plan)
        }
        return plans.isEmpty ? [nil] : plans
    }

    private func encodingSuffix(_ encoding: BodyEncoding) -> String {
        switch encoding {
        case .json: "JSON"
        case .multipart: "Multipart"
        case .form: "Form"
        case .text: "Text"
        case .binary: "File"
        }
    }

    private mutating func bodyPlan(
        _ encoding: BodyEncoding, contents: [BodyContent], body: RequestBody, typeName: String, pointer: String
    ) -> BodyPlan? {
        let content = contents[0]
        let doc = body.description ?? "The request body."
        var type: SwiftType
        var call: Code
        switch encoding {
        case .json:
            if let component = table.objectName(content.schema), multipartSchemas.contains(component),
                case .object(let object)? = table.resolved(content.schema)?.kind,
                object.properties.contains(where: { holdsFile($0.schema) })
            {
                diagnostics.warning(
                    "'\(component)' holds files, so it is generated for multipart bodies; its JSON media type is not "
                        + "generated", at: content.mark)
                return nil
            }
            type = modelType(content.schema, name: typeName, pointer: pointer)
            let contentType: Code =
                content.mediaType == "application/json" ? "" : ", contentType: \(literal: content.mediaType)"
            call =
                isValidatable(content.schema)
                ? "try httpRequest.setJSONBody(body\(contentType))"
                : "try httpRequest.setJSONBody(unvalidated: body\(contentType))"
        case .multipart, .form:
            guard let objectType = objectBodyType(content, name: typeName, pointer: pointer, encoding: encoding)
            else {
                diagnostics.warning(
                    "a '\(content.mediaType)' body must be an object; this media type is not generated",
                    at: content.mark)
                return nil
            }
            type = objectType
            call =
                encoding == .form
                ? "try httpRequest.setFormBody(body, fields: body.encodeFields(into:))"
                : "try httpRequest.setMultipartBody(body, parts: body.encodeParts(into:))"
        case .text:
            type = .string
            call = "httpRequest.setTextBody(body, contentType: \(literal: content.mediaType))"
        case .binary:
            type = .fileUpload
            let concrete = contents.count == 1 && !content.mediaType.contains("*")
            call =
                concrete
                ? "httpRequest.setBinaryBody(body, contentType: \(literal: content.mediaType))"
                : "httpRequest.setBinaryBody(body)"
        }
        let isOptional = !body.isRequired
        return BodyPlan(
            parameter: FunctionParameter(
                name: "body", type: isOptional ? type.optional : type, defaultValue: isOptional ? "nil" : nil),
            statements: isOptional ? [.block("if let body", [.line(call)])] : [.line(call)], doc: doc,
            isPrimary: false)
    }

    /// The Swift type of a JSON body or answer: a named schema's type, or a model named `name` for an inline one.
    mutating func modelType(_ schema: Schema, name: String, pointer: String) -> SwiftType {
        if case .reference(let component) = schema.kind { return .named(table.swiftName(component)) }
        var nested: [Declaration] = []
        let type = swiftType(schema, nestedName: name, pointer: pointer, isMultipart: false, nested: &nested)
        if !nested.isEmpty {
            inlineModels.append(modelFile("Models/\(name).swift", declarations: nested))
        }
        return isNullable(schema) ? type.optional : type
    }

    /// The struct a form or multipart body is written from: a named object (which gets the encoder), or an
    /// inline object declared as `name`.
    private mutating func objectBodyType(_ content: BodyContent, name: String, pointer: String, encoding: BodyEncoding)
        -> SwiftType?
    {
        let schema = content.schema
        if let component = table.objectName(schema) { return .named(table.swiftName(component)) }
        guard case .object(let object) = schema.kind else { return nil }
        var partTypes: [String: String] = [:]
        for (part, type) in content.partContentTypes where partTypes[part] == nil { partTypes[part] = type }
        let declarations = objectDeclarations(
            name: name, schema: schema, object: object, specName: nil, pointer: pointer,
            isMultipart: encoding == .multipart, isForm: encoding == .form, partTypes: partTypes)
        inlineModels.append(
            modelFile("Models/\(name).swift", declarations: declarations))
        return .named(name)
    }

    /// True when the generated type checks itself (`Validatable`): models, scalars, and lists and maps of them.
    func isValidatable(_ schema: Schema) -> Bool {
        switch table.resolved(schema)?.kind {
        case .object?, .string?, .integer?, .number?, .boolean?, .any?, .constant?, .binary?: return true
        case .union?: return !holdsFile(schema)
        case .array(let items)?: return isValidatable(items)
        case .map(let values)?: return values.map(isValidatable) ?? true
        default: return false
        }
    }
}
