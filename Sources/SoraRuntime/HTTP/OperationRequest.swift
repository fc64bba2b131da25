import Foundation
import HTTPTypes

/// A request that generated operation code fills in: path parameters, query, headers and body.
public struct OperationRequest: Sendable {
    /// The spec's operationId.
    public let operationID: String
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path template, e.g. `/videos/{video_id}`.
    public let pathTemplate: String
    /// Path parameter values by name (not yet encoded).
    public private(set) var pathParameters: [String: String] = [:]
    /// Query items in order (not yet encoded).
    public private(set) var query: [(name: String, value: String)] = []
    /// Header fields.
    public private(set) var headers = HTTPFields()
    /// The body, if any.
    public private(set) var body: Body?

    /// A request body before it is turned into bytes.
    public enum Body: Sendable {
        /// JSON bytes.
        case json(Data)
        /// A multipart form.
        case multipart(MultipartForm)
    }

    /// Starts a request for an operation.
    public init(operationID: String, method: HTTPRequest.Method, path: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = path
    }

    /// Sets a path parameter; it is percent-encoded as one path segment when sent.
    public mutating func setPathParameter(_ name: String, _ value: some ParameterValue) {
        pathParameters[name] = value.parameterText
    }

    /// Adds a query item; nil is left out.
    public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
        if let value { query.append((name, value.parameterText)) }
    }

    /// Adds one query item per element.
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?) {
        for value in values ?? [] { query.append((name, value.parameterText)) }
    }

    /// Sets a header; nil is left out. Names that are not valid header names are ignored.
    public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
        guard let value, let field = HTTPField.Name(name) else { return }
        headers[field] = value.parameterText
    }

    /// Throws the violations a parameter validator collected.
    public func check(_ validator: Validator) throws(SoraError) {
        do {
            try validator.finish()
        } catch {
            throw .validation(error)
        }
    }

    /// Validates and sets a JSON body.
    public mutating func setJSONBody<Body: Encodable & Validatable>(_ value: Body) throws(SoraError) {
        do {
            try value.validate()
        } catch {
            throw .validation(error)
        }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            body = .json(try encoder.encode(value))
        } catch {
            throw .invalidRequest("\(operationID): cannot encode the body as JSON: \(error)")
        }
    }

    /// Validates and sets a multipart body; `checkingImages: false` skips the image pre-flight check.
    public mutating func setMultipartBody(_ value: some MultipartEncodable, checkingImages: Bool = true)
        throws(SoraError)
    {
        let result = ImageCheck.$isEnabled.withValue(checkingImages && ImageCheck.isEnabled) {
            Result { () throws(ValidationError) in try value.validate() }
        }
        if case .failure(let error) = result { throw .validation(error) }
        var form = MultipartForm()
        value.encodeParts(into: &form)
        if let failure = form.failures.first {
            throw .invalidRequest("\(operationID): cannot encode form field \(failure)")
        }
        body = .multipart(form)
    }

    /// The path with every parameter substituted and percent-encoded; every placeholder must be filled.
    public func renderedPath() throws(SoraError) -> String {
        var result = ""
        var name: String?
        for character in pathTemplate {
            if character == "{" {
                name = ""
            } else if character == "}", let key = name {
                guard let value = pathParameters[key] else {
                    throw .invalidRequest("\(operationID): path parameter \(key) is missing")
                }
                guard !value.isEmpty else {
                    throw .validation(
                        ValidationError(
                            typeName: operationID,
                            issues: [ValidationIssue(field: key, rule: "path", message: "must not be empty")]))
                }
                result += PercentEncoding.pathSegment(value)
                name = nil
            } else if name != nil {
                name?.append(character)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
