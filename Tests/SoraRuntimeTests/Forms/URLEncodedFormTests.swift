import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// `application/x-www-form-urlencoded` bodies: the WHATWG encoding, arrays, objects, and the exact bytes sent.
@Suite struct URLEncodedFormTests {
    @Test(arguments: [
        ("a b", "a+b"), ("a+b", "a%2Bb"), ("~*-._", "%7E*-._"), ("é", "%C3%A9"), ("a&b=c", "a%26b%3Dc"),
        ("line\r\nbreak", "line%0D%0Abreak"), ("100%", "100%25"), ("", ""), ("🙂", "%F0%9F%99%82"),
    ])
    func componentsFollowTheWHATWGRules(value: String, encoded: String) {
        #expect(PercentEncoding.formComponent(value) == encoded)
    }

    @Test func arraysRepeatTheNameAndObjectsUseBrackets() {
        var form = URLEncodedForm()
        form.append("grant_type", "client_credentials")
        form.append("scope", ["read write", "admin"])
        form.append("missing", String?.none)
        form.appendObject(
            "address", Address(city: "São Paulo", lines: ["1 A St", "Apt 2"], zip: nil, id: 9_007_199_254_740_993))
        form.appendObject("tags", ["x", "y"])
        form.appendJSON("meta", ["k": 1])
        #expect(
            form.encoded
                == "grant_type=client_credentials&scope=read+write&scope=admin"
                + "&address%5Bcity%5D=S%C3%A3o+Paulo&address%5Bid%5D=9007199254740993"
                + "&address%5Blines%5D%5B0%5D=1+A+St&address%5Blines%5D%5B1%5D=Apt+2"
                + "&tags=x&tags=y&meta=%7B%22k%22%3A1%7D")
        #expect(form.failures.isEmpty)
    }

    @Test func aValueThatCannotBeEncodedIsAFailure() {
        var form = URLEncodedForm()
        form.appendObject("n", ["x": Double.nan])
        #expect(form.failures.count == 1)
        #expect(form.fields.isEmpty)
    }

    @Test func formBodyGoesOutAsItsExactBytes() async throws {
        var request = OperationRequest(operationID: "token", method: .post, path: "/oauth/token")
        let token = TokenRequest(grantType: "password", username: "a b", scope: ["x", "y"])
        try request.setFormBody(token, fields: token.encodeFields(into:))
        let sent = try await Loopback.record(request)
        #expect(sent.method == "POST")
        #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(sent.bodyText == "grant_type=password&username=a+b&scope=x&scope=y")
        #expect(sent.header("Content-Length") == "48")
        #expect(!sent.isChunked)
    }

    @Test func anInvalidFormIsNotSent() throws {
        var request = OperationRequest(operationID: "token", method: .post, path: "/oauth/token")
        #expect(throws: SoraError.self) {
            let token = TokenRequest(grantType: "", username: "u", scope: [])
            try request.setFormBody(token, fields: token.encodeFields(into:))
        }
        #expect(request.body == nil)
    }
}

private struct Address: Encodable, Sendable {
    var city: String
    var lines: [String]
    var zip: String?
    var id: Int64
}

/// What a generator writes for a form body.
private struct TokenRequest: Validatable {
    var grantType: String
    var username: String
    var scope: [String]

    func validate() throws(ValidationError) {
        var validator = Validator("TokenRequest")
        validator.check(grantType, field: "grant_type", minLength: 1)
        try validator.finish()
    }

    func encodeFields(into form: inout URLEncodedForm) {
        form.append("grant_type", grantType)
        form.append("username", username)
        form.append("scope", scope)
    }
}
