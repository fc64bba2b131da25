import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Query styles, header arrays and cookie parameters, as the request line and headers go out.
@Suite struct ParameterStyleTests {
    func request() -> OperationRequest {
        OperationRequest(operationID: "find", method: .get, path: "/find")
    }

    @Test(arguments: [
        (QueryStyle.form, true, "color=blue&color=black%20%26%20white"),
        (.form, false, "color=blue,black%20%26%20white"),
        (.spaceDelimited, false, "color=blue%20black%20%26%20white"),
        (.pipeDelimited, false, "color=blue%7Cblack%20%26%20white"),
        (.spaceDelimited, true, "color=blue&color=black%20%26%20white"),
        (.pipeDelimited, true, "color=blue&color=black%20%26%20white"),
    ])
    func arrayStyles(style: QueryStyle, explode: Bool, query: String) async throws {
        var request = request()
        request.addQuery("color", ["blue", "black & white"], style: style, explode: explode)
        let sent = try await Loopback.record(request)
        #expect(sent.query == query)
    }

    @Test func aCommaInsideAValueStaysDistinctFromTheDelimiter() {
        var request = request()
        request.addQuery("ids", ["a,b", "c"], style: .form, explode: false)
        #expect(request.encodedQuery == "ids=a%2Cb,c")
        #expect(request.query.map(\.value) == ["a,b,c"])
    }

    @Test func emptyOrNilArraysAreLeftOut() {
        var request = request()
        request.addQuery("a", [Int](), style: .form, explode: false)
        request.addQuery("b", [Int]?.none, style: .pipeDelimited, explode: false)
        #expect(request.encodedQuery == "")
    }

    @Test func deepObjectSpreadsAModelOrADictionary() async throws {
        var request = request()
        try request.addQuery(
            "filter", object: Filter(name: "Rex", age: Range(min: 1, max: nil), tags: ["a", "b"]), style: .deepObject,
            explode: true)
        try request.addQuery("page", object: ["size": 10, "number": 2], style: .deepObject, explode: true)
        let sent = try await Loopback.record(request)
        #expect(
            sent.query
                == "filter%5Bage%5D%5Bmin%5D=1&filter%5Bname%5D=Rex&filter%5Btags%5D%5B0%5D=a&filter%5Btags%5D%5B1%5D=b"
                + "&page%5Bnumber%5D=2&page%5Bsize%5D=10")
        #expect(request.query.first?.name == "filter[age][min]")
    }

    @Test func objectsInFormStyle() throws {
        var exploded = request()
        try exploded.addQuery("color", object: ["R": 100, "G": 200], style: .form, explode: true)
        #expect(exploded.encodedQuery == "G=200&R=100")
        var joined = request()
        try joined.addQuery("color", object: ["R": 100, "G": 200], style: .form, explode: false)
        #expect(joined.encodedQuery == "color=G,200,R,100")
        var nested = request()
        try nested.addQuery("f", object: ["in": ["x"]], style: .form, explode: true)
        #expect(nested.encodedQuery == "in=%5B%22x%22%5D", "nested values travel as JSON text")
    }

    @Test func anObjectThatCannotBeEncodedFails() {
        var request = request()
        #expect(throws: SoraError.self) {
            try request.addQuery("f", object: ["x": Double.infinity], style: .deepObject, explode: true)
        }
    }

    @Test func headerArraysAndCookiesGoOutAsOneFieldEach() async throws {
        var request = request()
        request.setHeader("X-Ids", [1, 2, 3])
        request.setHeader("X-None", [Int]())
        request.addCookie("session", "a b;c")
        request.addCookie("ids", [Int64(1), 2])
        request.addCookie("none", String?.none)
        request.setHeader("Cookie", "pre=1")
        let sent = try await Loopback.record(request)
        #expect(sent.headerValues("X-Ids") == ["1,2,3"])
        #expect(sent.header("X-None") == nil)
        #expect(
            sent.headerValues("Cookie") == ["pre=1; session=a%20b%3Bc; ids=1%2C2"], "RFC 6265 has no comma in a value")
    }

    @Test func scalarParameterTexts() {
        #expect(Int32(-7).parameterText == "-7")
        #expect(Int64.max.parameterText == "9223372036854775807")
        #expect(Float(0.1).parameterText == "0.1")
        #expect(Date(timeIntervalSince1970: 1_700_000_000).parameterText == "2023-11-14T22:13:20Z")
        #expect(JSONValue.number(5).parameterText == "5")
        #expect(JSONValue.number(0.5).parameterText == "0.5")
        #expect(JSONValue.string("x y").parameterText == "x y")
        #expect(JSONValue.bool(false).parameterText == "false")
        #expect(JSONValue.null.parameterText == "")
        #expect(JSONValue.object(["b": .number(1), "a": .array([.null])]).parameterText == #"{"a":[null],"b":1}"#)
    }
}

private struct Filter: Encodable, Sendable {
    var name: String
    var age: Range
    var tags: [String]
}

private struct Range: Encodable, Sendable {
    var min: Int?
    var max: Int?
}
