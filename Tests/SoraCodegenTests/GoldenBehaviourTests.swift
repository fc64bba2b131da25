import Foundation
import GoldenHostile
import GoldenPetstoreEdge
import Testing

/// The compiled goldens behave as the specs say: spec strings survive as data, trees round-trip.
@Suite struct GoldenBehaviourTests {
    @Test func hostileStringsSurviveAsData() throws {
        #expect(QuoteEnum(rawValue: "a\"b") == .aB)
        #expect(QuoteEnum.cD.rawValue == "c\\d")
        #expect(QuoteEnum(rawValue: "\\(exit(1))") == .unknown("\\(exit(1))"))
        #expect(HostileBody().greeting == "say \"hi\" to \\(name) */")
        #expect(HostileClient.servers == ["https://hostile.example.com/v1"])
        let body = HostileBody(weirdName: "w", code: "123\"")
        let json = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
        #expect(json.contains("\"weird name\":\"w\""))
        try body.validate()
        #expect(throws: ValidationError.self) { try HostileBody(code: "12").validate() }
    }

    @Test func aTreeRoundTripsThroughJSON() throws {
        let leaf = Category(id: "leaf", parent: Category(id: "root", children: []), children: [])
        let tree = Category(id: "root", children: [leaf])
        let decoded = try JSONDecoder().decode(Category.self, from: JSONEncoder().encode(tree))
        #expect(decoded == tree)
        #expect(decoded.children.first?.parent?.id == "root")
        let json = #"{"id":"a","parent":{"id":"b","children":[]},"children":[]}"#
        #expect(try JSONDecoder().decode(Category.self, from: Data(json.utf8)).parent?.id == "b")
    }

    @Test func digitLeadingValuesHaveReadableCases() {
        #expect(Resolution(rawValue: "4k") == .resolution4k)
        #expect(Resolution.knownCases.map(\.rawValue) == ["1080p", "4k", "720x1280"])
        #expect(Resolution(rawValue: "8k") == .unknown("8k"))
    }
}
