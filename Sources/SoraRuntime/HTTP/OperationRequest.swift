import Foundation
import HTTPTypes

/// A request that generated operation code fills in: path parameters, query, headers, cookies, security and
/// body.
@_spi(Generated) public struct OperationRequest: Sendable {
    /// The spec's operationId.
    public let operationID: String
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path template, e.g. `/videos/{video_id}`.
    public let pathTemplate: String
    /// Path parameter values by name (not yet encoded, except lists: their elements are, their commas not).
    public private(set) var pathParameters: [String: String] = [:]
    /// Path parameters already percent-encoded (arrays, whose separating commas must stay commas).
    private var encodedPathParameters: Set<String> = []
    /// Query items in order (not yet encoded); a delimited array shows as one item, its values joined.
    public var query: [(name: String, value: String)] { queryItems.map { ($0.name, $0.plainValue) } }
    /// Header fields.
    public private(set) var headers = HTTPFields()
    /// Cookie parameters in order (not yet encoded); they are sent in one `Cookie` header.
    public private(set) var cookies: [(name: String, value: String)] = []
    /// The body, if any.
    public private(set) var body: Body?
    /// The body's media type when it is not its kind's default (`application/json`, form, multipart).
    public private(set) var contentType: String?
    /// The operation's security requirement: any one alternative, with every scheme inside it; an empty
    /// alternative means no credentials are needed. Nil (never set) sends the client's token, if it has one.
    public private(set) var security: [[SecurityScheme]]?

    var queryItems: [QueryItem] = []

    /// A request body before it is turned into bytes.
    public enum Body: Sendable {
        /// JSON bytes.
        case json(Data)
        /// A multipart form.
        case multipart(MultipartForm)
        /// An `application/x-www-form-urlencoded` form.
        case form(URLEncodedForm)
        /// Raw bytes: a binary or text body.
        case data(Data)
        /// A file streamed from disk, its length measured before sending.
        case file(URL)
        /// A caller's body, sent as it is (a single-pass body is never retried).
        case stream(HTTPBody)
    }

    /// The operation's own server from the spec (`servers` of the path or operation), used instead of the
    /// client's default server; a base URL the caller chose wins over it.
    public private(set) var server: String?

    /// Sets the operation's own server.
    public mutating func setServer(_ url: String) {
        server = url
    }

    /// Starts a request for an operation.
    public init(operationID: String, method: HTTPRequest.Method, path: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = path
    }

    /// Sets the operation's security requirement (`security:` of the operation, else of the spec): the client
    /// uses the first alternative it has every credential for. `[]` alternatives = `security: []`, which
    /// sends no credentials at all; `[[]]` means anonymous access is allowed.
    public mutating func setSecurity(_ alternatives: [[SecurityScheme]]) {
        security = alternatives
    }

    /// Sets a path parameter; it is percent-encoded as one path segment when sent.
    public mutating func setPathParameter(_ name: String, _ value: some ParameterValue) {
        pathParameters[name] = value.parameterText
        encodedPathParameters.remove(name)
    }

    /// Sets a path parameter to the elements joined by commas (OpenAPI `simple` style): each element is
    /// percent-encoded, the commas between them are not, so a comma inside an element stays distinguishable.
    public mutating func setPathParameter(_ name: String, _ values: [some ParameterValue]) {
        pathParameters[name] = values.map { PercentEncoding.pathSegment($0.parameterText) }.joined(separator: ",")
        encodedPathParameters.insert(name)
    }

    /// Sets a header; nil is left out. Names that are not valid header names are ignored.
    public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
        guard let value, let field = HTTPField.Name(name) else { return }
        headers[field] = value.parameterText
    }

    /// Sets a header to the elements joined by commas (OpenAPI `simple` style); nil or empty is left out.
    public mutating func setHeader(_ name: String, _ values: [some ParameterValue]?) {
        guard let values, !values.isEmpty, let field = HTTPField.Name(name) else { return }
        headers[field] = values.map(\.parameterText).joined(separator: ",")
    }

    /// Adds a cookie parameter; nil is left out. Its value is percent-encoded where RFC 6265 requires.
    public mutating func addCookie(_ name: String, _ value: (some ParameterValue)?) {
        if let value { cookies.append((name, value.parameterText)) }
    }

    /// Adds a cookie parameter holding the elements joined by commas (`form`, explode false); nil or empty
    /// is left out.
    public mutating func addCookie(_ name: String, _ values: [some ParameterValue]?) {
        guard let values, !values.isEmpty else { return }
        cookies.append((name, values.map(\.parameterText).joined(separator: ",")))
    }

    /// Throws the violations a parameter validator collected.
    public func check(_ validator: Validator) throws(SoraError) {
        do {
            try validator.finish()
        } catch {
            throw .validation(error)
        }
    }

    /// Sets the body and its media type (nil: its kind's default).
    mutating func setBody(_ body: Body, contentType: String?) {
        self.body = body
        self.contentType = contentType
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
                result += encodedPathParameters.contains(key) ? value : PercentEncoding.pathSegment(value)
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
