import Testing
import YAML

@Suite struct AnchorTests {
    @Test func aliasOfScalarExpands() throws {
        let node = try root("a: &name hello\nb: *name\n")
        #expect(node["b"]?.scalar == Scalar(text: "hello", style: .plain))
    }

    @Test func aliasOfCollectionExpands() throws {
        let node = try root(
            """
            base: &base
              type: object
              required: [id]
            copy: *base
            list: [*base, *base]

            """
        )
        #expect(node["copy"]?["type"]?.text == "object")
        #expect(node["copy"]?["required"]?.sequence?.map(\.text) == ["id"])
        #expect(node["list"]?.sequence?.count == 2)
        #expect(node["list"]?[1]?["type"]?.text == "object")
    }

    @Test func aliasMarkIsWhereTheAliasIsUsed() throws {
        let node = try root("a: &x {k: v}\nb: *x\n")
        #expect(node["b"]?.mark == Mark(line: 2, column: 4))
        #expect(node["b"]?.mapping?.first?.key.mark == Mark(line: 1, column: 8))
        #expect(node["b"]?["k"]?.mark == Mark(line: 1, column: 11))
    }

    @Test func laterAnchorShadowsEarlier() throws {
        let node = try root("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(node["b"]?.text == "1")
        #expect(node["d"]?.text == "2")
    }

    @Test func mergeKeyIsAnOrdinaryKey() throws {
        let node = try root("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")
        let derived = try #require(node["derived"])
        #expect(derived.mapping?.map { $0.key.text } == ["<<", "y"])
        #expect(derived["<<"]?["x"]?.text == "1")
        #expect(derived["x"] == nil)
    }

    @Test func aliasAsDuplicateKeyIsRejected() {
        let error = parseError("a: &k b\n*k : 2\nb: 3\n")
        #expect(error == YAMLError("duplicate key 'b'", at: Mark(line: 3, column: 1)))
    }

    @Test func unknownAlias() {
        #expect(parseError("a: *x\n") == YAMLError("unknown alias 'x'", at: Mark(line: 1, column: 4)))
    }

    @Test func aliasInsideItsOwnAnchorIsUnknown() {
        #expect(parseError("a: &x [*x]\n") == YAMLError("unknown alias 'x'", at: Mark(line: 1, column: 8)))
    }
}
