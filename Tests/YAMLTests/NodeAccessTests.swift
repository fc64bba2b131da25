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
}
