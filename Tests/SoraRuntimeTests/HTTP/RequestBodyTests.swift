import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Raw, text and JSON bodies of any media type, read off the wire of a loopback server.
@Suite struct RequestBodyTests {
    func request() -> OperationRequest {
        OperationRequest(operationID: "upload", method: .put, path: "/objects/{key}")
    }

    @Test func aFileIsStreamedWithItsLengthKnown() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "raw-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(content).write(to: file)
        var request = request()
        request.setPathParameter("key", "a b")
        request.setBinaryBody(.file(file), contentType: "application/x-tar")
        let sent = try await Loopback.record(request)
        #expect(sent.target == "/v1/objects/a%20b")
        #expect(sent.header("Content-Type") == "application/x-tar")
        #expect(sent.header("Content-Length") == "200000")
        #expect(!sent.isChunked)
        #expect(sent.body == content)
    }

    @Test func anUntypedUploadIsSniffed() async throws {
        var request = request()
        request.setPathParameter("key", "k")
        request.setBinaryBody(.data(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])))
        let sent = try await Loopback.record(request)
        #expect(sent.header("Content-Type") == "image/png")
        #expect(sent.body == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
    }

    @Test func aMissingFileFailsBeforeSending() async throws {
        var request = request()
        request.setPathParameter("key", "k")
        request.setBinaryBody(.file(URL(filePath: "/nonexistent/\(UUID().uuidString)")))
        let (error, requests) = try await Loopback.failure(request)
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("cannot read the file for the body at /nonexistent/"))
        #expect(requests.isEmpty)
    }

    @Test func bytesAndTextGoOutAsTheyAre() async throws {
        var binary = request()
        binary.setPathParameter("key", "k")
        binary.setBinaryBody(Data([0, 1, 2, 255]))
        let sentBinary = try await Loopback.record(binary)
        #expect(sentBinary.header("Content-Type") == "application/octet-stream")
        #expect(sentBinary.body == [0, 1, 2, 255])

        var text = request()
        text.setPathParameter("key", "k")
        text.setTextBody("name,city\nZoë,Köln\n", contentType: "text/csv")
        let sentText = try await Loopback.record(text)
        #expect(sentText.header("Content-Type") == "text/csv")
        #expect(sentText.bodyText == "name,city\nZoë,Köln\n")
        #expect(sentText.header("Content-Length") == "21")
    }

    @Test func aSinglePassStreamIsSentOnceAndNeverRetried() async throws {
        var request = request()
        request.setPathParameter("key", "k")
        request.setBinaryBody(HTTPBody(Array("streamed".utf8), length: .known(8), iterationBehavior: .single))
        let server = try Loopback.server(.init(status: 503, body: "busy"))
        defer { server.stop() }
        var configuration = Loopback.configuration
        configuration.retry = RetryPolicy()
        configuration.retry.baseDelay = .milliseconds(1)
        let error = try await Loopback.withCore(server, configuration: configuration) { core in
            await Loopback.caught { () async throws(SoraError) in _ = try await core.send(request) }
        }
        guard case .api(let api)? = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 503)
        #expect(server.requests.count == 1, "a 503 is retried, but not with a body that cannot be read twice")
        #expect(server.requests.first?.bodyText == "streamed")
    }

    // MARK: JSON

    @Test func jsonWithAnotherMediaType() async throws {
        var request = request()
        request.setPathParameter("key", "k")
        try request.setJSONBody(["data": ["type": "pets"]], contentType: "application/vnd.api+json")
        let sent = try await Loopback.record(request)
        #expect(sent.header("Content-Type") == "application/vnd.api+json")
        #expect(sent.bodyText == #"{"data":{"type":"pets"}}"#)
    }

    @Test func jsonBodiesThatAreNotObjects() async throws {
        let values: [(any Encodable & Validatable, String)] = [
            ([1, 2, 3], "[1,2,3]"), ("a/b", #""a/b""#), (JSONValue.array([.null, .bool(true)]), "[null,true]"),
            (Date(timeIntervalSince1970: 0.25), #""1970-01-01T00:00:00.25Z""#),
        ]
        for (value, expected) in values {
            var request = request()
            request.setPathParameter("key", "k")
            try request.setJSONBody(value, contentType: "application/json; charset=utf-8")
            let sent = try await Loopback.record(request)
            #expect(sent.header("Content-Type") == "application/json; charset=utf-8")
            #expect(sent.bodyText == expected)
        }
    }

    @Test func anArrayBodyChecksEveryElement() throws {
        var request = request()
        do {
            try request.setJSONBody([Named(name: "ok"), Named(name: "")])
            Issue.record("an invalid element was accepted")
        } catch {
            guard case .validation(let failure) = error else {
                Issue.record("expected .validation, got \(error)")
                return
            }
            #expect(failure.issues.map(\.field) == ["[1].name"])
        }
        #expect(request.body == nil)
    }

    @Test func anUnvalidatedEncodableIsSentAsJSON() async throws {
        var request = request()
        request.setPathParameter("key", "k")
        try request.setJSONBody(unvalidated: Plain(value: 1))
        let sent = try await Loopback.record(request)
        #expect(sent.header("Content-Type") == "application/json")
        #expect(sent.bodyText == #"{"value":1}"#)
    }
}

private struct Named: Encodable, Validatable {
    var name: String

    func validate() throws(ValidationError) {
        var validator = Validator("Named")
        validator.check(name, field: "name", minLength: 1)
        try validator.finish()
    }
}

private struct Plain: Encodable, Sendable {
    var value: Int
}
