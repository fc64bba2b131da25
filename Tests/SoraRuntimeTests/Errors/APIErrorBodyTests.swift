import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Error answers of any API: the OpenAI envelope as before, other common shapes, the body as JSON, and the
/// typed payload the spec declares per status.
@Suite struct APIErrorBodyTests {
    static let errorTypes: ErrorPayloadTypes = [404: NotFound.self, .range(4): Problem.self, .default: Fallback.self]

    func apiError(
        status: Int, body: String, contentType: String = "application/json",
        errorTypes: ErrorPayloadTypes = APIErrorBodyTests.errorTypes
    ) async throws -> SoraAPIError {
        let request = OperationRequest(operationID: "getPet", method: .get, path: "/pets/1")
        let answer = Loopback.Answer(status: status, headers: [("Content-Type", contentType)], body: body)
        let (error, requests) = try await Loopback.failure(request, answer: answer, errorTypes: errorTypes)
        #expect(requests.count == 1)
        guard case .api(let api)? = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            throw CancellationError()
        }
        return api
    }

    @Test func theOpenAIEnvelopeStillFillsItsFields() async throws {
        let api = try await apiError(
            status: 400,
            body: #"{"error":{"message":"bad size","type":"invalid_request_error","param":"size","code":42}}"#)
        #expect(api.message == "bad size")
        #expect(api.type == "invalid_request_error")
        #expect(api.param == "size")
        #expect(api.code == "42")
        #expect(api.description == "getPet: HTTP 400 invalid_request_error (42) [field size]: bad size")
        #expect(
            api.body
                == .object([
                    "error": .object([
                        "message": .string("bad size"), "type": .string("invalid_request_error"),
                        "param": .string("size"),
                        "code": .number(42),
                    ])
                ]))
    }

    @Test(arguments: [
        (#"{"type":"about:blank","title":"Not Found","detail":"no pet 1","status":404}"#, "no pet 1"),
        (#"{"error":"invalid_grant","error_description":"code expired"}"#, "code expired"),
        (#"{"error":"unauthorized"}"#, "unauthorized"),
        (#"{"message":"  rate limited  ","code":"slow_down"}"#, "rate limited"),
        (#"{"title":"Conflict"}"#, "Conflict"),
        (#"{"errors":[{"detail":"name is taken"},{"detail":"other"}]}"#, "name is taken"),
        (#""just a string""#, "just a string"),
        (#"{"unknown":"shape"}"#, #"{"unknown":"shape"}"#),
        ("<html>oops</html>", "<html>oops</html>"),
    ])
    func otherShapesGiveAMessage(body: String, message: String) async throws {
        let api = try await apiError(status: 409, body: body)
        #expect(api.message == message)
    }

    @Test func problemDocumentsKeepTheirTypeAndCode() async throws {
        let api = try await apiError(status: 422, body: #"{"type":"https://e.x/invalid","code":7,"detail":"d"}"#)
        #expect(api.type == "https://e.x/invalid")
        #expect(api.code == "7")
        #expect(api.param == nil)
    }

    @Test func thePayloadIsTheTypeDeclaredForTheStatus() async throws {
        let notFound = try await apiError(status: 404, body: #"{"message":"gone","pet_id":7}"#)
        #expect(notFound.payload(as: NotFound.self) == NotFound(message: "gone", petId: 7))
        #expect(notFound.payload(as: Problem.self) == nil)

        let problem = try await apiError(status: 418, body: #"{"title":"teapot"}"#)
        #expect(problem.payload(as: Problem.self) == Problem(title: "teapot", detail: nil))

        let fallback = try await apiError(status: 500, body: #"{"reason":"boom"}"#)
        #expect(fallback.payload(as: Fallback.self) == Fallback(reason: "boom"))
    }

    @Test func aBodyThatDoesNotMatchLeavesNoPayloadButKeepsTheJSON() async throws {
        let api = try await apiError(status: 404, body: #"{"message":"gone"}"#)
        #expect(api.payload == nil)
        #expect(api.body == .object(["message": .string("gone")]))
        let none = try await apiError(status: 404, body: #"{"message":"gone","pet_id":1}"#, errorTypes: [:])
        #expect(none.payload == nil)
    }

    @Test func aTruncatedBodyIsNotJSON() async throws {
        let big = #"{"message":"x","pad":""# + String(repeating: "a", count: 70_000) + #""}"#
        let api = try await apiError(status: 400, body: big)
        #expect(api.body == nil)
        #expect(api.payload == nil)
        #expect(api.message.count <= 300)
    }

    @Test func errorsWithPayloadsStayHashable() {
        let a = SoraAPIError(operationID: "op", status: 404, message: "m", payload: NotFound(message: "x", petId: 1))
        let b = SoraAPIError(operationID: "op", status: 404, message: "m", payload: NotFound(message: "x", petId: 1))
        let c = SoraAPIError(operationID: "op", status: 404, message: "m", payload: NotFound(message: "y", petId: 1))
        let d = SoraAPIError(operationID: "op", status: 404, message: "m", payload: Opaque())
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(a != d)
        #expect(d == SoraAPIError(operationID: "op", status: 404, message: "m", payload: Opaque()))
        #expect(Set([a, b, c, d]).count == 3)
    }

    @Test func typesAreChosenMostPreciseFirst() {
        let types: ErrorPayloadTypes = [.default: Fallback.self, .range(4): Problem.self, 404: NotFound.self]
        #expect(types.type(for: 404) == NotFound.self)
        #expect(types.type(for: 401) == Problem.self)
        #expect(types.type(for: 503) == Fallback.self)
        let none: ErrorPayloadTypes = [404: NotFound.self]
        #expect(none.type(for: 500) == nil)
    }
}

private struct NotFound: Decodable, Hashable, Sendable {
    var message: String
    var petId: Int

    enum CodingKeys: String, CodingKey {
        case message
        case petId = "pet_id"
    }
}

private struct Problem: Decodable, Hashable, Sendable {
    var title: String
    var detail: String?
}

private struct Fallback: Decodable, Hashable, Sendable {
    var reason: String
}

/// A payload type that is not `Hashable`.
private struct Opaque: Decodable, Sendable {}
