import Testing
import YAML

@Suite struct ScalarStyleTests {
    static let document = """
        plain: hello world
        single: 'it''s'
        double: "line\\nnext \\u00e9\\ttab"
        literal: |
          first
           indented
          last
        folded: >
          one
          two

          three
        chinese: 中文文本
        quotedChinese: "你好,世界"

        """

    @Test func plain() throws {
        #expect(try root(Self.document)["plain"]?.scalar == Scalar(text: "hello world", style: .plain))
    }

    @Test func singleQuotedUnescapesDoubledQuote() throws {
        #expect(try root(Self.document)["single"]?.scalar == Scalar(text: "it's", style: .singleQuoted))
    }

    @Test func doubleQuotedResolvesEscapes() throws {
        let scalar = try root(Self.document)["double"]?.scalar
        #expect(scalar == Scalar(text: "line\nnext é\ttab", style: .doubleQuoted))
    }

    @Test func literalKeepsNewlines() throws {
        let scalar = try root(Self.document)["literal"]?.scalar
        #expect(scalar == Scalar(text: "first\n indented\nlast\n", style: .literal))
    }

    @Test func foldedFoldsLines() throws {
        #expect(try root(Self.document)["folded"]?.scalar == Scalar(text: "one two\nthree\n", style: .folded))
    }

    @Test func chineseTextSurvives() throws {
        let node = try root(Self.document)
        #expect(node["chinese"]?.scalar == Scalar(text: "中文文本", style: .plain))
        #expect(node["quotedChinese"]?.scalar == Scalar(text: "你好,世界", style: .doubleQuoted))
    }

    @Test func stringTagsForceStrings() throws {
        let node = try root("a: !!str 12\nb: ! 12\nc: !custom 12\nd: 12\n")
        #expect(node["a"]?.scalar == Scalar(text: "12", style: .plain, isExplicitString: true))
        #expect(node["b"]?.scalar == Scalar(text: "12", style: .plain, isExplicitString: true))
        #expect(node["c"]?.scalar == Scalar(text: "12", style: .plain, isExplicitString: false))
        #expect(node["d"]?.scalar?.isExplicitString == false)
    }

    @Test func rootScalar() throws {
        #expect(try root("just text\n").scalar == Scalar(text: "just text", style: .plain))
        #expect(try root("---\n").scalar == Scalar(text: "", style: .plain))
    }
}
