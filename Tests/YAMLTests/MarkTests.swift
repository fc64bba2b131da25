import Testing
import YAML

@Suite struct MarkTests {
    static let document = """
        openapi: 3.1.0
        info:
          title: "T"
          tags:
            - name: a
            - [x, {y: 1}]
        """

    @Test func topLevelKeysAndValues() throws {
        let node = try root(Self.document)
        #expect(node.mark == Mark(line: 1, column: 1))
        let entries = try #require(node.mapping)
        #expect(entries[0].key.mark == Mark(line: 1, column: 1))
        #expect(entries[0].value.mark == Mark(line: 1, column: 10))
        #expect(entries[1].key.mark == Mark(line: 2, column: 1))
        #expect(entries[1].value.mark == Mark(line: 3, column: 3))
    }

    @Test func nestedMappingKeysAndValues() throws {
        let info = try #require(try root(Self.document)["info"])
        let entries = try #require(info.mapping)
        #expect(entries[0].key.mark == Mark(line: 3, column: 3))
        #expect(entries[0].value.mark == Mark(line: 3, column: 10))
        #expect(entries[1].key.mark == Mark(line: 4, column: 3))
    }

    @Test func blockSequenceItems() throws {
        let tags = try #require(try root(Self.document)["info"]?["tags"])
        #expect(tags.mark == Mark(line: 5, column: 5))
        #expect(tags[0]?.mark == Mark(line: 5, column: 7))
        #expect(tags[0]?["name"]?.mark == Mark(line: 5, column: 13))
        #expect(tags[1]?.mark == Mark(line: 6, column: 7))
    }

    @Test func flowItems() throws {
        let flow = try #require(try root(Self.document)["info"]?["tags"]?[1])
        #expect(flow[0]?.mark == Mark(line: 6, column: 8))
        let inner = try #require(flow[1])
        #expect(inner.mark == Mark(line: 6, column: 11))
        #expect(inner.mapping?[0].key.mark == Mark(line: 6, column: 12))
        #expect(inner["y"]?.mark == Mark(line: 6, column: 15))
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let node = try root("中文: 值\n")
        #expect(node["中文"]?.mark == Mark(line: 1, column: 5))
    }

    @Test func markDescription() {
        #expect(Mark(line: 3, column: 14).description == "3:14")
        #expect(YAMLError("boom", at: Mark(line: 2, column: 1)).description == "2:1: boom")
    }
}
