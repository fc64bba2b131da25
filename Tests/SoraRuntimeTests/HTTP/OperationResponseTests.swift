import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Decoding answers: errors name the field and never show the token.
@Suite struct OperationResponseTests {
    static let token = "sk-SECRET-123"

    @Test func decodingErrorMessagesAreRedacted() async throws {
        let error = await decodingError(Closed.self, #"{"kind":"sk-SECRET-123"}"#)
        guard case .decoding(let failure) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(failure.operationID == "op")
        #expect(failure.message.hasSuffix("<redacted> at kind"))
        #expect(failure.bodyExcerpt == #"{"kind":"<redacted>"}"#)
        #expect(!String(describing: error).contains(Self.token))
    }

    @Test(arguments: [
        (#"{}"#, "missing field kind"),
        (#"{"kind":1}"#, "field kind is not String"),
        (#"{"kind":null}"#, "field kind is null, expected String"),
    ])
    func decodingErrorsNameTheField(body: String, message: String) async {
        let error = await decodingError(Open.self, body)
        guard case .decoding(let failure) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(failure.message == message)
    }

    // MARK: Helpers

    private func decodingError<T: Decodable>(_ type: T.Type, _ body: String) async -> SoraError? {
        let response = OperationResponse(
            operationID: "op", response: HTTPResponse(status: .ok), body: HTTPBody(body),
            redact: { $0.replacingOccurrences(of: Self.token, with: "<redacted>") })
        do {
            _ = try await response.decodeJSON(T.self)
            return nil
        } catch {
            return error
        }
    }
}

/// A closed enum, whose decoding error repeats the unknown value.
private struct Closed: Decodable {
    enum Kind: String, Decodable { case a }
    var kind: Kind
}

private struct Open: Decodable {
    var kind: String
}
