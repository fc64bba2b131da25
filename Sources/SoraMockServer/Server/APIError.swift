import Foundation
import Hummingbird

/// An error answered with the upstream envelope `{"error": {"message", "type", "param", "code"}}`.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    let type: String
    let param: String?
    let code: String?
    var headers: HTTPFields = [:]

    /// A 400 `invalid_request_error` about one request field.
    static func invalid(_ param: String?, _ message: String, code: String = "invalid_value") -> APIError {
        APIError(status: .badRequest, message: message, type: "invalid_request_error", param: param, code: code)
    }

    /// A 404 for a video id the store does not hold.
    static func videoNotFound(_ id: String) -> APIError {
        APIError(
            status: .notFound, message: "Video with id '\(CheckedNumber.excerpt(id))' not found.",
            type: "invalid_request_error",
            param: "video_id", code: "video_not_found")
    }

    /// The JSON response for this error.
    func response() -> Response {
        var error: [String: JSONValue] = ["message": .string(message), "type": .string(type)]
        error["param"] = param.map(JSONValue.string) ?? .null
        error["code"] = code.map(JSONValue.string) ?? .null
        var response = JSONValue.object(["error": .object(error)]).response(status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
