import Testing
import YAML

@Suite struct NodeAccessTests {
    @Test func accessorsMatchTheKind() throws {
        let node = try root("s: text\nq: [1]\nm: {k: v}\n")
        #expect(node["s"]?.scalar?.text == "text")
        #expect(node["s"]?.sequence == nil)
        #expect(node["s"]?.mapping == nil)
        #expect(node["q"]?.sequence?.count == 1)
        #expect(node["q"]?.scalar == nil)
        #expect(node["m"]?.mapping?.count == 1)
        #expect(node["m"]?.sequence == nil)
    }

    @Test func kindNames() throws {
        let node = try root("s: text\nq: [1]\nm: {k: v}\n")
        #expect(node["s"]?.kindName == "a scalar")
        #expect(node["q"]?.kindName == "a sequence")
        #expect(node["m"]?.kindName == "a mapping")
    }

    @Test func subscriptFindsScalarKeysOnly() throws {
        let node = try root("'1': quoted\n? [x]\n: seq\n")
        #expect(node["1"]?.text == "quoted")
        #expect(node["x"] == nil)
        #expect(node["missing"] == nil)
        #expect(node["1"]?["anything"] == nil)
    }

    @Test func keysCompareByExactBytes() throws {
        let node = try root("é: accent\ne: plain\nkey: v\n\"\": empty\n")
        let entries = try #require(node.mapping)
        #expect(entries.position(of: "e") == 1)
        #expect(entries.position(of: "é") == 0)
        #expect(entries.position(of: "") == 3)
        #expect(entries.position(of: "ke") == nil)
        #expect(entries.position(of: "key ") == nil)
        #expect(entries.keyNode("key")?.mark == Mark(line: 3, column: 1))
        #expect(entries["key"]?.isScalar("v") == true)
        #expect(entries["key"]?.isScalar("V") == false)
        #expect(node.isScalar("key") == false)
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        var node: Node? = try root("outer:\n  inner: [a, b]\n")["outer"]?["inner"]
        let items = try #require(node?.sequence)
        node = nil
        #expect(items.map(\.text) == ["a", "b"])
        #expect(items[1].mark == Mark(line: 2, column: 14))
    }

    @Test func contentMatchesTheAccessors() throws {
        let node = try root("s: text\nq: [1, 2]\nm: {k: v}\n")
        guard case .scalar(let scalar) = node["s"]?.content else {
            Issue.record("not a scalar")
            return
        }
        #expect(scalar.text == "text")
        guard case .sequence(let items) = node["q"]?.content else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.map(\.text) == ["1", "2"])
        guard case .mapping(let entries) = node["m"]?.content else {
            Issue.record("not a mapping")
            return
        }
        #expect(entries.map(\.key.text) == ["k"])
        #expect(node["m"]?.kind == .mapping)
    }

    @Test func aSeparateOwnerSeesTheSameNodes() throws {
        let node = try root("a: &x [1, {b: c}]\nd: *x\n")
        let other = node.withSeparateOwner()
        #expect(other.mark == node.mark)
        #expect(other["a"]?[1]?["b"]?.text == "c")
        #expect(other["d"]?.mark == Mark(line: 2, column: 4))
        #expect(other.mapping?.map(\.key.text) == ["a", "d"])
    }
}
