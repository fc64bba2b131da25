import Foundation
import Hummingbird

/// An error answered with the upstream envelope `{"error": {"message", "type", "param", "code"}}`.
struct MockAPIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    let type: String
    let param: String?
    let code: String?
    var headers: HTTPFields = [:]

    /// A 400 `invalid_request_error` about one request field.
    static func invalid(_ param: String?, _ message: String, code: String = "invalid_value") -> MockAPIError {
        MockAPIError(status: .badRequest, message: message, type: "invalid_request_error", param: param, code: code)
    }

    /// A 404 for a video id the store does not hold.
    static func videoNotFound(_ id: String) -> MockAPIError {
        MockAPIError(
            status: .notFound, message: "Video with id '\(CheckedNumber.excerpt(id))' not found.",
            type: "invalid_request_error",
            param: "video_id", code: "video_not_found")
    }

    /// The JSON response for this error.
    func response() -> Response {
        var error: [String: MockJSONValue] = ["message": .string(message), "type": .string(type)]
        error["param"] = param.map(MockJSONValue.string) ?? .null
        error["code"] = code.map(MockJSONValue.string) ?? .null
        var response = MockJSONValue.object(["error": .object(error)]).response(status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
