import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Parts with their own `Content-Type` (the spec's `encoding.<field>.contentType`), over the wire.
@Suite struct MultipartTypedPartTests {
    @Test func typedPartsCarryTheirContentType() async throws {
        var request = OperationRequest(operationID: "import", method: .post, path: "/import")
        try request.setMultipartBody(Import(), parts: Import().encodeParts(into:))
        let server = try Loopback.server()
        defer { server.stop() }
        var configuration = Loopback.configuration
        configuration.multipartBoundary = { "B0UNDARY" }
        _ = try await Loopback.withCore(server, configuration: configuration) {
            try await $0.send(request)
        }
        let sent = try #require(server.requests.first)
        #expect(sent.header("Content-Type") == "multipart/form-data; boundary=B0UNDARY")
        #expect(
            sent.bodyText
                == [
                    "--B0UNDARY", #"Content-Disposition: form-data; name="rows""#, "Content-Type: text/csv", "",
                    "a,b\n1,2", "--B0UNDARY", #"Content-Disposition: form-data; name="meta""#,
                    "Content-Type: application/vnd.api+json  X-Injected: 1", "", #"{"at":"1970-01-01T00:00:01Z"}"#,
                    "--B0UNDARY", #"Content-Disposition: form-data; name="plain""#, "Content-Type: application/json",
                    "", "[1]", "--B0UNDARY--", "",
                ].joined(separator: "\r\n"))
    }

    @Test func aTypedPartContainingTheBoundaryIsRefused() throws {
        var form = MultipartForm()
        form.append("x", "before --B after", contentType: "text/plain")
        #expect(throws: SoraError.self) { try MultipartBody(boundary: "B").segments(for: form) }
    }
}

private struct Import: Validatable {
    func encodeParts(into form: inout MultipartForm) {
        form.append("rows", "a,b\n1,2", contentType: "text/csv")
        form.appendJSON(
            "meta", ["at": Date(timeIntervalSince1970: 1)], contentType: "application/vnd.api+json\r\nX-Injected: 1")
        form.appendJSON("plain", [1])
        form.append("none", String?.none, contentType: "text/plain")
    }
}
