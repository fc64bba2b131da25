import Testing
import YAML

@testable import SoraCodegen

/// `enum`, `const`, `default` and `example`: values of every scalar type, checked against the schema's type.
@Suite struct SchemaLoaderValuesTests {
    static func number(_ digits: String) -> SpecValue { .number(SpecNumber(integerDigits: digits)) }

    static let enums: [(body: String, summary: String, allowed: [SpecValue]?)] = [
        ("{type: string, enum: [a, b, c]}", "enum(a,b,c)", nil),
        ("{enum: [a, b]}", "enum(a,b)", nil),
        ("{type: string, enum: [1, 2]}", "enum(1,2)", nil),
        ("{type: string, enum: [true, 'no']}", "enum(true,no)", nil),
        ("{type: integer, enum: [1, 2, 3]}", "intEnum(1,2,3)", nil),
        ("{enum: [-1, 0x10]}", "intEnum(-1,16)", nil),
        ("{type: number, enum: [1, 2]}", "number", [number("1"), number("2")]),
        ("{enum: [1.5, 2]}", "number", [.number(SpecNumber(double: 1.5)), number("2")]),
        ("{enum: [true]}", "boolean", [.bool(true)]),
        ("{enum: [true, false]}", "boolean", nil),
        ("{enum: [a, null]}", "enum(a)?", nil),
        ("{type: [integer, 'null'], enum: [7, null]}", "intEnum(7)?", nil),
        ("{enum: [null]}", "any?", nil),
    ]

    @Test(arguments: enums)
    func enumsOfEachType(_ body: String, _ summary: String, _ allowed: [SpecValue]?) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        let loaded = try #require(schema)
        #expect(LoadingSpec.summary(loaded) == summary)
        #expect(loaded.constraints.allowed == allowed)
        #expect(messages == [])
    }

    @Test func enumValuesKeepTheirPlaces() throws {
        let (schema, _) = LoadingSpec.schema("type: string\nenum:\n  - first\n  - second\n")
        guard case .enumeration(let values) = try #require(schema).kind else {
            Issue.record("not an enum")
            return
        }
        #expect(values.valueMarks == [Mark(line: 9, column: 11), Mark(line: 10, column: 11)])
        #expect(values.varnames == nil)
    }

    @Test(arguments: [
        ("{enum: []}", "7:14: warning: an enum with no values accepts nothing; generated as JSONValue"),
        ("{enum: [a, 1]}", "7:14: warning: enum mixes values of different types; generated as JSONValue"),
        (
            "{enum: [a, [b]]}",
            "7:18: warning: enum value a sequence is not a scalar; the enum is generated as JSONValue"
        ),
        ("{enum: a}", "7:14: error: 'enum' must be a sequence, found the string 'a'"),
    ])
    func enumsThatCannotBeGenerated(_ body: String, _ message: String) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(try LoadingSpec.summary(#require(schema)) == "any")
        #expect(messages == [message])
    }

    @Test func anInfiniteEnumValueIsNamedForWhatItIs() throws {
        let (schema, messages) = LoadingSpec.schema("{enum: [1, .inf]}")
        #expect(try LoadingSpec.summary(#require(schema)) == "any")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("7:18: warning: enum value the number inf") == true)
        #expect(messages.first?.contains("is not a scalar") == false, "\(messages)")
        #expect(
            messages == [
                "7:18: warning: enum value the number inf is not a finite number; the enum is generated as JSONValue"
            ])
        let (constant, constantMessages) = LoadingSpec.schema("{const: -.inf}")
        #expect(try LoadingSpec.summary(#require(constant)) == "any")
        #expect(
            constantMessages == [
                "7:15: warning: 'const' the number -inf is not a finite number; generated as JSONValue"
            ])
    }

    @Test func enumVarnamesNameEachCase() throws {
        let (strings, stringMessages) = LoadingSpec.schema(
            "{type: string, enum: [a-b, c], x-enum-varnames: [aB, see]}")
        guard case .enumeration(let values) = try #require(strings).kind else {
            Issue.record("not an enum")
            return
        }
        #expect(values.varnames == ["aB", "see"])
        #expect(stringMessages == [])
        let (integers, integerMessages) = LoadingSpec.schema("{enum: [1, 2], x-enum-varnames: [one, two]}")
        guard case .integerEnumeration(let numbers) = try #require(integers).kind else {
            Issue.record("not an integer enum")
            return
        }
        #expect(numbers.varnames == ["one", "two"])
        #expect(integerMessages == [])
    }

    @Test func enumVarnamesOfTheWrongCountAreAnError() throws {
        let (schema, messages) = LoadingSpec.schema("{enum: [a, b], x-enum-varnames: [onlyOne]}")
        guard case .enumeration(let values) = try #require(schema).kind else {
            Issue.record("not an enum")
            return
        }
        #expect(values.varnames == nil)
        #expect(messages == ["7:39: error: 'x-enum-varnames' has 1 names for 2 enum values"])
    }

    @Test func anEnumVarnameThatIsNotAnIdentifierIsAnError() {
        let (_, messages) = LoadingSpec.schema("type: string\nenum: [a, b]\nx-enum-varnames:\n  - ok\n  - not ok\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasSuffix("error: 'x-enum-varnames' entry 'not ok' is not a Swift identifier") == true)
        #expect(messages.first?.hasPrefix("11:11:") == true, "\(messages)")
    }

    static let constants: [(body: String, summary: String, allowed: [SpecValue]?)] = [
        ("{const: fixed}", "const(fixed)", nil),
        ("{type: string, const: '3'}", "const(3)", nil),
        ("{const: 3}", "integer", [number("3")]),
        ("{type: number, const: 3}", "number", [number("3")]),
        ("{const: 2.5}", "number", [.number(SpecNumber(double: 2.5))]),
        ("{const: false}", "boolean", [.bool(false)]),
        ("{const: null}", "any?", nil),
    ]

    @Test(arguments: constants)
    func constantsOfEachType(_ body: String, _ summary: String, _ allowed: [SpecValue]?) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        let loaded = try #require(schema)
        #expect(LoadingSpec.summary(loaded) == summary)
        #expect(loaded.constraints.allowed == allowed)
        #expect(messages == [])
    }

    @Test(arguments: [
        ("{type: number, format: float, enum: [1.5, 2.5]}", "number:float"),
        ("{type: integer, format: int64, const: 5}", "integer:int64"),
        ("{type: number, format: double, const: 0.5}", "number:double"),
    ])
    func aNumberEnumOrConstantKeepsItsFormat(_ body: String, _ summary: String) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        let loaded = try #require(schema)
        #expect(loaded.constraints.allowed != nil)
        #expect(messages == [])
        #expect(LoadingSpec.summary(loaded) == summary)
    }

    @Test func aConstantThatIsNotAScalarIsAny() throws {
        let (schema, messages) = LoadingSpec.schema("{const: [1]}")
        #expect(try LoadingSpec.summary(#require(schema)) == "any")
        #expect(messages == ["7:15: warning: 'const' a sequence is not a scalar; generated as JSONValue"])
    }

    static let defaults: [(body: String, value: SpecValue?, message: String?)] = [
        ("{type: integer, default: 3}", number("3"), nil),
        ("{type: integer, default: 3.0}", .number(SpecNumber(double: 3)), nil),
        ("{type: number, default: -0.5}", .number(SpecNumber(double: -0.5)), nil),
        ("{type: boolean, default: true}", .bool(true), nil),
        ("{type: string, default: ''}", .string(""), nil),
        ("{type: string, enum: [a, b], default: b}", .string("b"), nil),
        ("{type: integer, enum: [1, 2], default: 2}", number("2"), nil),
        ("{type: [string, 'null'], default: null}", .null, nil),
        ("{type: string, nullable: true, default: ~}", .null, nil),
        ("{default: [1, 2]}", nil, nil),
        (
            "{type: integer, default: 1.5}", nil,
            "7:32: warning: 'default' is the number 1.5, which does not fit the schema's type; ignored"
        ),
        (
            "{type: string, default: 1}", nil,
            "7:31: warning: 'default' is the number 1, which does not fit the schema's type; ignored"
        ),
        (
            "{type: integer, default: 18446744073709551616}", nil,
            "7:32: warning: 'default' is the number 18446744073709551616, which does not fit the schema's type; "
                + "ignored"
        ),
        (
            "{type: array, items: {type: string}, default: a}", nil,
            "7:53: warning: 'default' is the string 'a', which does not fit the schema's type; ignored"
        ),
        (
            "{type: number, default: .inf}", nil,
            "7:31: warning: 'default' is the number inf, which Swift cannot write; ignored"
        ),
        (
            "{type: string, default: null}", nil,
            "7:31: warning: 'default: null' on a schema that is not nullable is ignored"
        ),
    ]

    @Test(arguments: defaults)
    func defaultsAreCheckedAgainstTheType(_ body: String, _ value: SpecValue?, _ message: String?) throws {
        let (schema, messages) = LoadingSpec.schema(body)
        #expect(try #require(schema).defaultValue == value)
        #expect(messages == (message.map { [$0] } ?? []))
    }

    @Test func anExampleThatIsNotAScalarIsDocumentationOnly() throws {
        let (schema, messages) = LoadingSpec.schema("{type: object, example: {a: 1}}")
        #expect(try #require(schema).example == nil)
        #expect(
            messages == ["7:22: warning: 'example' is documentation the generated code does not carry; it is ignored"])
    }

    @Test func quietValuesOfEveryScalar() throws {
        let text = "[~, true, 12, 0x1F, -1.25, .nan, .inf, text, '12', \(String(repeating: "9", count: 400)), [x]]"
        let root = try #require(try YAMLParser.parse(Array(text.utf8)))
        let loader = SpecLoader(root: root, file: "spec.yaml")
        let values = try #require(root.sequence).map { loader.quietValue($0) }
        #expect(
            values == [
                .null, .bool(true), Self.number("12"), Self.number("31"), .number(SpecNumber(double: -1.25)), nil, nil,
                .string("text"), .string("12"), nil, nil,
            ])
    }
}
