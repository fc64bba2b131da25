import YAML

/// An HTTP method the dialect allows.
public enum HTTPMethodName: String, Sendable, CaseIterable {
    /// GET.
    case get
    /// PUT.
    case put
    /// POST.
    case post
    /// DELETE.
    case delete
    /// PATCH.
    case patch
    /// HEAD.
    case head
    /// OPTIONS.
    case options
    /// TRACE.
    case trace
}

/// One operation of `paths`.
public struct Operation: Sendable {
    /// `operationId` (or one derived from method and path).
    public var operationID: String
    /// The method.
    public var method: HTTPMethodName
    /// The path template, e.g. `/videos/{video_id}`.
    public var path: String
    /// `summary`.
    public var summary: String?
    /// `description`.
    public var description: String?
    /// `tags`.
    public var tags: [String]
    /// Path-level and operation-level parameters merged (operation wins on the same name and place).
    public var parameters: [Parameter]
    /// `requestBody`, if any.
    public var requestBody: RequestBody?
    /// `responses`, in spec order.
    public var responses: [Response]
    /// Where the operation is.
    public var mark: Mark
    /// `x-polling`: generate a helper that repeats this operation until a terminal state.
    public var polling: PollingExtension?
    /// `x-pagination`: generate a sequence over every page of this operation.
    public var pagination: PaginationExtension?
    /// `security` of the operation, or nil to use the document's: alternatives, each a list of scheme names.
    public var security: [[String]]?
    /// `servers` of the operation or its path item (the operation's win); empty to use the document's.
    public var servers: [Server] = []
    /// `deprecated: true`.
    public var isDeprecated = false
}

/// `x-polling: {method, status, terminal, intervalHeader}` on an operation that fetches a task.
public struct PollingExtension: Sendable {
    /// The generated method's name, e.g. `waitForCompletion`.
    public var method: String
    /// The response property that holds the state.
    public var status: String
    /// The states that end polling.
    public var terminal: [String]
    /// A response header (milliseconds) that suggests the next poll's delay.
    public var intervalHeader: String?
    /// Where the extension is.
    public var mark: Mark
}

/// `x-pagination: {method, items, cursorParameter, nextCursor, hasMore}` on a list operation.
public struct PaginationExtension: Sendable {
    /// The generated method's name, e.g. `allVideos`.
    public var method: String
    /// The response property that holds the page's items.
    public var items: String
    /// The query parameter that takes the cursor.
    public var cursorParameter: String
    /// The response property with the next cursor.
    public var nextCursor: String
    /// The response property that says whether more pages follow.
    public var hasMore: String
    /// Where the extension is.
    public var mark: Mark
}

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable {
    /// In the path template.
    case path
    /// In the query string.
    case query
    /// As a request header.
    case header
    /// In the `Cookie` header.
    case cookie
}

/// How a parameter's value is written (`style`).
public enum ParameterStyle: String, Sendable {
    /// `a=1&a=2` (explode) or `a=1,2` (query and cookie default).
    case form
    /// `1,2` (path and header default).
    case simple
    /// `;a=1,2` in a path.
    case matrix
    /// `.1.2` in a path.
    case label
    /// `a=1%202` in a query.
    case spaceDelimited
    /// `a=1|2` in a query.
    case pipeDelimited
    /// `a[key]=value` in a query.
    case deepObject
}

/// A path, query, header or cookie parameter.
public struct Parameter: Sendable {
    /// The wire name.
    public var name: String
    /// Where it travels.
    public var location: ParameterLocation
    /// `required` (always true for path parameters).
    public var isRequired: Bool
    /// `description`.
    public var description: String?
    /// Its schema.
    public var schema: Schema
    /// Where it is.
    public var mark: Mark
    /// `style` (nil: the location's default).
    public var style: ParameterStyle?
    /// `explode` (nil: true for `form`, false otherwise).
    public var explode: Bool?
    /// `deprecated: true`.
    public var isDeprecated = false

    /// The style in effect: the given one, or the location's default.
    public var effectiveStyle: ParameterStyle {
        style ?? (location == .path || location == .header ? .simple : .form)
    }

    /// `explode` in effect: the given one, or true for `form`.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form) }
}

/// How a body of a media type is written and read.
public enum BodyEncoding: String, Sendable {
    /// JSON (`application/json`, `…+json`, `application/json; charset=utf-8`).
    case json
    /// `multipart/form-data`.
    case multipart
    /// `application/x-www-form-urlencoded`.
    case form
    /// Text (`text/plain`, `text/csv`, other `text/*`, `application/x-yaml`).
    case text
    /// Bytes (`application/octet-stream`, images, `*/*` and anything else).
    case binary

    /// The encoding of a media type (parameters and case do not matter).
    public static func of(_ mediaType: String) -> BodyEncoding {
        let base = (mediaType.split(separator: ";").first.map(String.init) ?? "").filter { $0 != " " }.lowercased()
        switch base {
        case "application/json", "text/json": return .json
        case "multipart/form-data", "multipart/mixed": return .multipart
        case "application/x-www-form-urlencoded": return .form
        case "application/x-yaml", "application/yaml", "application/xml", "application/x-ndjson": return .text
        default:
            if base.hasSuffix("+json") { return .json }
            if base.hasPrefix("text/") { return .text }
            return .binary
        }
    }
}

/// One media type of a request body.
public struct BodyContent: Sendable {
    /// The media type as written, e.g. `application/json; charset=utf-8`.
    public var mediaType: String
    /// How it is encoded.
    public var encoding: BodyEncoding
    /// Its schema (an `any` schema when the media type gives none).
    public var schema: Schema
    /// Multipart `encoding.PART.contentType`, by part name, in spec order.
    public var partContentTypes: [(part: String, contentType: String)] = []
    /// Where it is.
    public var mark: Mark
}

/// `requestBody`.
public struct RequestBody: Sendable {
    /// Its media types in spec order (the first is the default).
    public var contents: [BodyContent]
    /// `required`.
    public var isRequired: Bool
    /// `description`.
    public var description: String?
    /// Where it is.
    public var mark: Mark
}

/// A response status: a code, a range like `4XX`, or `default`.
public enum ResponseStatus: Sendable, Hashable {
    /// One status code.
    case code(Int)
    /// `1XX` … `5XX` (the leading digit).
    case range(Int)
    /// `default`.
    case `default`

    /// True for 2xx codes and the `2XX` range.
    public var isSuccess: Bool {
        switch self {
        case .code(let code): (200..<300).contains(code)
        case .range(let digit): digit == 2
        case .default: false
        }
    }
}

/// What a response carries.
public enum ResponseContent: Sendable {
    /// No body.
    case none
    /// A JSON body with a schema (the first JSON media type; others are the same data).
    case json(Schema, mediaType: String)
    /// Text (`text/plain`, `text/csv`, `application/x-yaml`, `text/event-stream` …).
    case text(mediaTypes: [String])
    /// Bytes (one or more media types, or JSON and bytes together).
    case binary(mediaTypes: [String])
}

/// A documented response header.
public struct ResponseHeader: Sendable {
    /// The header name.
    public var name: String
    /// Its schema.
    public var schema: Schema
    /// `required`.
    public var isRequired: Bool
    /// `description`.
    public var description: String?
}

/// One entry of `responses`.
public struct Response: Sendable {
    /// Its status.
    public var status: ResponseStatus
    /// `description`.
    public var description: String?
    /// Its body.
    public var content: ResponseContent
    /// Documented response headers.
    public var headers: [ResponseHeader]
    /// Where it is.
    public var mark: Mark
}
