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
}

/// A path, query or header parameter.
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
}

/// The encodings a request body may use.
public enum BodyEncoding: String, Sendable {
    /// `application/json`.
    case json = "application/json"
    /// `multipart/form-data`.
    case multipart = "multipart/form-data"
}

/// `requestBody`.
public struct RequestBody: Sendable {
    /// How it is encoded.
    public var encoding: BodyEncoding
    /// Its schema (a reference to a named object, or an inline object).
    public var schema: Schema
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
    /// A JSON body with a schema.
    case json(Schema)
    /// Bytes (one or more media types with `format: binary`).
    case binary(mediaTypes: [String])
}

/// One entry of `responses`.
public struct Response: Sendable {
    /// Its status.
    public var status: ResponseStatus
    /// `description`.
    public var description: String?
    /// Its body.
    public var content: ResponseContent
    /// Names of documented response headers.
    public var headers: [String]
    /// Where it is.
    public var mark: Mark
}
