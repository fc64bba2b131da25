import Testing
import YAML

@testable import SoraCodegen

/// A spec with many schemas loads its schemas and its paths on two threads; the result must not depend on that.
@Suite struct LargeSpecLoadingTests {
    /// Problems in the paths (a shared cookie parameter used twice is fine) and in a schema, then `fillers` valid schemas
    /// (last, so that they move no mark).
    static func spec(fillers: Int) -> String {
        var text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /broken:
                get:
                  operationId: broken
                  parameters:
                    - $ref: '#/components/parameters/Session'
                    - {name: code, in: query, schema: {type: string, pattern: '([unclosed'}}
                  responses:
                    "200": {description: ok}
              /also-broken/{id}:
                get:
                  operationId: alsoBroken
                  parameters:
                    - $ref: '#/components/parameters/Session'
                  responses:
                    "200": {description: ok}
            components:
              parameters:
                Session:
                  name: session
                  in: cookie
                  schema: {type: string}
              schemas:
                Odd:
                  type: object
                  properties:
                    size: {type: string, minimum: 3}
                  discriminator: {propertyName: size}

            """
        for index in 0..<fillers {
            text += "    Filler\(index):\n      type: object\n      properties:\n        n: {type: integer}\n"
        }
        return text
    }

    /// Enough schemas for the two-thread load.
    static let manyFillers = Schedule.threshold + 10

    @Test func diagnosticsAreTheSameOnOneThreadAndOnTwo() {
        let small = SpecText.messages(SpecText.generate(Self.spec(fillers: 10)))
        let large = SpecText.messages(SpecText.generate(Self.spec(fillers: Self.manyFillers)))
        #expect(large == small)
        #expect(small.count == 4)
        #expect(small.contains { $0.contains("warning: 'discriminator' without 'oneOf' or 'anyOf' is not used") })
        #expect(small.contains { $0.contains("'minimum' applies to numbers only") })
        #expect(small.contains { $0.contains("'pattern' is not a valid regular expression: ([unclosed") })
        #expect(small.contains { $0.contains("path '/also-broken/{id}' has '{id}' but no path parameter 'id'") })
    }

    @Test func theTwoThreadLoadReportsNothingTwice() throws {
        // `sorted` would hide duplicates, so this reads the loader's own list.
        for fillers in [10, Self.manyFillers] {
            let root = try #require(try YAMLParser.parse(Array(Self.spec(fillers: fillers).utf8)))
            var loader = SpecLoader(root: root, file: "spec.yaml")
            let document = loader.load()
            #expect(document?.schemas.count == fillers + 1)
            let messages = loader.diagnostics.items.map(\.description)
            // The fourth, the unused discriminator, is a repeated warning, counted apart from the items.
            #expect(messages.count == 3, "\(fillers) fillers: \(messages)")
            #expect(loader.diagnostics.repeated.count == 1)
            #expect(Set(messages).count == messages.count)
        }
    }

    @Test func aValidLargeSpecGeneratesEveryOperationAndSchema() {
        let text = SpecText.minimal(
            schemas: (0..<400).map {
                "    Filler\($0):\n      type: object\n      properties:\n        n: {type: integer}\n"
            }
            .joined())
        let result = SpecText.generate(text)
        #expect(!result.hasErrors)
        #expect(result.files.filter { $0.path.hasPrefix("Models/Filler") }.count == 400)
        #expect(result.files.contains { $0.contents.contains("func getThing(") })
    }
}
