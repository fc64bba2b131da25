import Testing
import YAML

@Suite struct CollectionTests {
    @Test func blockCollections() throws {
        let node = try root(
            """
            list:
              - one
              - two
            map:
              k: v

            """
        )
        #expect(node["list"]?.sequence?.map(\.text) == ["one", "two"])
        #expect(node["map"]?["k"]?.text == "v")
    }

    @Test func flowCollections() throws {
        let node = try root("list: [a, 'b', \"c\"]\nmap: {x: 1, y: [2, 3]}\nempty: []\nnone: {}\n")
        #expect(node["list"]?.sequence?.map(\.text) == ["a", "b", "c"])
        #expect(node["map"]?["x"]?.text == "1")
        #expect(node["map"]?["y"]?.sequence?.map(\.text) == ["2", "3"])
        #expect(node["empty"]?.sequence?.isEmpty == true)
        #expect(node["none"]?.mapping?.isEmpty == true)
    }

    @Test func commentsAreIgnored() throws {
        let node = try root(
            """
            # heading
            a: 1 # trailing
            # between
            b:
              # inside
              - x # item

            """
        )
        #expect(node.mapping?.map { $0.key.text } == ["a", "b"])
        #expect(node["a"]?.text == "1")
        #expect(node["b"]?.sequence?.map(\.text) == ["x"])
    }

    @Test func mappingKeepsDocumentOrder() throws {
        let keys = ["zeta", "alpha", "mid", "beta", "omega", "aa", "z", "b"]
        let text = keys.map { "\($0): 1\n" }.joined()
        #expect(try root(text).mapping?.map { $0.key.text } == keys)
    }

    @Test func largeMappingKeepsOrderAndUniqueness() throws {
        let keys = (0..<500).map { "key\(($0 * 7919) % 500)" }
        let text = keys.map { "\($0): v\n" }.joined()
        #expect(try root(text).mapping?.map { $0.key.text } == keys)
    }

    @Test func emptyValueIsPlainEmptyScalar() throws {
        let node = try root("a:\nb: 2\n")
        #expect(node["a"]?.scalar == Scalar(text: "", style: .plain))
    }

    @Test func nonScalarKeysAreKept() throws {
        let node = try root("? [a, b]\n: pair\n")
        let entry = try #require(node.mapping?.first)
        #expect(entry.key.sequence?.map(\.text) == ["a", "b"])
        #expect(entry.value.text == "pair")
    }
}
