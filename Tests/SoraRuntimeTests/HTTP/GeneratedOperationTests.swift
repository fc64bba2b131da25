import Foundation
import TestSupport
import Testing

@_spi(Generated) @testable import SoraRuntime

/// An operation written the way generated code for another API calls the runtime (the README's example):
/// security, a deepObject query, a form body and a typed error payload, end to end over loopback.
@Suite struct GeneratedOperationTests {
    @Test func anOperationSendsItsSecurityQueryAndFormBody() async throws {
        let server = try Loopback.server(.init(body: #"{"id":7,"name":"Rex","born":"2020-02-29T12:00:00+01:00"}"#))
        defer { server.stop() }
        let pet = try await PetClient.with(server, credentials: ["api_key": .apiKey("k-1")]) { client in
            try await client.updatePet(
                7, PetForm(name: "Rex the 2nd", tags: ["a", "b"]), filter: PetFilter(kind: "cat"))
        }
        #expect(pet == Pet(id: 7, name: "Rex", born: Date(timeIntervalSince1970: 1_582_974_000)))
        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.target == "/v1/pets/7?filter%5Bkind%5D=cat")
        #expect(sent.header("X-API-Key") == "k-1")
        #expect(sent.header("Authorization") == nil)
        #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(sent.bodyText == "name=Rex+the+2nd&tags=a&tags=b")
    }

    @Test func theSecondAlternativeAndATypedErrorPayload() async throws {
        let server = try Loopback.server(.init(status: 404, body: #"{"message":"no pet 7","id":7}"#))
        defer { server.stop() }
        let failure = try await PetClient.with(server, credentials: ["oauth": .bearer("at-1")]) { client in
            await Loopback.caught { () async throws(SoraError) in
                _ = try await client.updatePet(7, PetForm(name: "x", tags: []))
            }
        }
        #expect(server.requests.first?.header("Authorization") == "Bearer at-1")
        guard case .api(let error)? = failure else {
            Issue.record("expected .api, got \(String(describing: failure))")
            return
        }
        #expect(error.message == "no pet 7")
        #expect(error.payload(as: NotFound.self) == NotFound(message: "no pet 7", id: 7))
    }
}

/// What the generator emits for a client of a spec with two security schemes.
private struct PetClient {
    enum Security {
        static let apiKey = SecurityScheme(name: "api_key", kind: .apiKey(name: "X-API-Key", location: .header))
        static let oauth = SecurityScheme(name: "oauth", kind: .bearer)
    }

    let core: APIClientCore

    static func with<T: Sendable>(
        _ server: HostileServer, credentials: [String: Credential], _ body: (PetClient) async throws -> T
    ) async throws -> T {
        try await Loopback.withCore(server, credentials: credentials) { try await body(PetClient(core: $0)) }
    }

    func updatePet(_ id: Int64, _ body: PetForm, filter: PetFilter? = nil) async throws(SoraError) -> Pet {
        var httpRequest = OperationRequest(operationID: "updatePet", method: .post, path: "/pets/{id}")
        httpRequest.setSecurity([[Security.apiKey], [Security.oauth]])
        httpRequest.setPathParameter("id", id)
        try httpRequest.addQuery("filter", object: filter, style: .deepObject, explode: true)
        try httpRequest.setFormBody(body, fields: body.encodeFields(into:))
        let httpResponse = try await core.send(httpRequest, errorTypes: [404: NotFound.self, .default: Problem.self])
        return try await httpResponse.decodeJSON(Pet.self)
    }
}

private struct PetForm: Validatable {
    var name: String
    var tags: [String]

    func encodeFields(into form: inout URLEncodedForm) {
        form.append("name", name)
        form.append("tags", tags)
    }
}

private struct PetFilter: Encodable, Sendable {
    var kind: String
}

private struct Pet: Decodable, Hashable, Sendable {
    var id: Int64
    var name: String
    var born: Date
}

private struct NotFound: Decodable, Hashable, Sendable {
    var message: String
    var id: Int
}

private struct Problem: Decodable, Sendable {
    var title: String?
}
