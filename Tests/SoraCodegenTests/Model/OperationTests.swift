import Testing
import YAML

@testable import SoraCodegen

/// The operation model: media-type encodings, parameter style defaults and response statuses.
@Suite struct OperationTests {
    @Test(arguments: [
        ("application/json", BodyEncoding.json),
        ("Application/JSON", .json),
        ("application/json; charset=utf-8", .json),
        ("application/json ;charset=UTF-8", .json),
        ("text/json", .json),
        ("application/vnd.api+json", .json),
        ("application/problem+json", .json),
        ("multipart/form-data", .multipart),
        ("multipart/form-data; boundary=x", .multipart),
        ("multipart/mixed", .multipart),
        ("application/x-www-form-urlencoded", .form),
        ("text/plain", .text),
        ("text/csv", .text),
        ("text/event-stream", .text),
        ("application/x-yaml", .text),
        ("application/yaml", .text),
        ("application/xml", .text),
        ("application/x-ndjson", .text),
        ("application/octet-stream", .binary),
        ("image/png", .binary),
        ("video/mp4", .binary),
        ("*/*", .binary),
        ("", .binary),
        ("application/jsonp", .binary),
    ])
    func encodings(_ mediaType: String, _ encoding: BodyEncoding) {
        #expect(BodyEncoding.of(mediaType) == encoding)
    }

    static func parameter(_ location: ParameterLocation, style: ParameterStyle? = nil, explode: Bool? = nil)
        -> Parameter
    {
        var parameter = Parameter(
            name: "p", location: location, isRequired: false, description: nil,
            schema: Schema(mark: Mark(line: 1, column: 1), kind: .string(format: nil)), mark: Mark(line: 1, column: 1))
        parameter.style = style
        parameter.explode = explode
        return parameter
    }

    @Test(arguments: [
        (ParameterLocation.path, ParameterStyle.simple, false),
        (.header, .simple, false),
        (.query, .form, true),
        (.cookie, .form, true),
    ])
    func defaultStyles(_ location: ParameterLocation, _ style: ParameterStyle, _ explode: Bool) {
        let parameter = Self.parameter(location)
        #expect(parameter.effectiveStyle == style)
        #expect(parameter.effectiveExplode == explode)
        #expect(!parameter.isDeprecated)
    }

    @Test func givenStylesAndExplodeWin() {
        #expect(Self.parameter(.query, style: .deepObject).effectiveExplode == false)
        #expect(Self.parameter(.query, style: .deepObject, explode: true).effectiveExplode)
        #expect(Self.parameter(.query, explode: false).effectiveStyle == .form)
        #expect(Self.parameter(.query, explode: false).effectiveExplode == false)
        #expect(Self.parameter(.path, style: .matrix).effectiveStyle == .matrix)
        #expect(Self.parameter(.header, explode: true).effectiveExplode)
    }

    @Test(arguments: [
        (ResponseStatus.code(200), true),
        (.code(204), true),
        (.code(299), true),
        (.code(199), false),
        (.code(300), false),
        (.code(404), false),
        (.range(2), true),
        (.range(3), false),
        (.default, false),
    ])
    func successfulStatuses(_ status: ResponseStatus, _ isSuccess: Bool) {
        #expect(status.isSuccess == isSuccess)
    }

    @Test func httpMethodsAreTheEightOfOpenAPI() {
        #expect(
            HTTPMethodName.allCases.map(\.rawValue) == [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ])
        #expect(HTTPMethodName(rawValue: "GET") == nil)
        #expect(HTTPMethodName(rawValue: "query") == nil)
    }
}
