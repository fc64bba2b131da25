import Testing
import YAML

@Suite struct ScalarResolutionTests {
    /// YAML source of a value under key `v`, and what the core schema makes of it.
    static let table: [(String, ScalarValue)] = [
        ("\"15\"", .string("15")),
        ("'true'", .string("true")),
        ("\"null\"", .string("null")),
        ("true", .bool(true)),
        ("True", .bool(true)),
        ("TRUE", .bool(true)),
        ("false", .bool(false)),
        ("False", .bool(false)),
        ("FALSE", .bool(false)),
        ("yes", .string("yes")),
        ("tRUE", .string("tRUE")),
        ("null", .null),
        ("Null", .null),
        ("NULL", .null),
        ("~", .null),
        ("", .null),
        ("nULL", .string("nULL")),
        ("12", .integer("12")),
        ("0", .integer("0")),
        ("0x1F", .integer("31")),
        ("0xff", .integer("255")),
        ("0o17", .integer("15")),
        ("0o0", .integer("0")),
        ("+5", .integer("5")),
        ("-0", .integer("0")),
        ("+000", .integer("0")),
        ("007", .integer("7")),
        ("-42", .integer("-42")),
        ("-007", .integer("-7")),
        ("123456789012345678901234567890", .integer("123456789012345678901234567890")),
        ("0x10000000000000000", .integer("18446744073709551616")),
        ("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", .integer("340282366920938463463374607431768211455")),
        ("0o1000000000000000000000000", .integer("4722366482869645213696")),
        ("0x", .string("0x")),
        ("0o8", .string("0o8")),
        ("0b101", .string("0b101")),
        ("-0x1F", .string("-0x1F")),
        ("1e3", .float(1000)),
        ("1.5", .float(1.5)),
        ("-2.5E-1", .float(-0.25)),
        (".5", .float(0.5)),
        ("1.", .float(1)),
        ("+1.0e+2", .float(100)),
        (".inf", .float(.infinity)),
        ("-.Inf", .float(-.infinity)),
        ("+.INF", .float(.infinity)),
        ("inf", .string("inf")),
        ("1_000", .string("1_000")),
        ("12abc", .string("12abc")),
        ("1e", .string("1e")),
        (".", .string(".")),
        ("1.2.3", .string("1.2.3")),
        ("!!str 12", .string("12")),
        ("! true", .string("true")),
        ("|\n  12\n", .string("12\n")),
        ("hello", .string("hello")),
    ]

    @Test(arguments: table)
    func resolves(source: String, expected: ScalarValue) throws {
        let value = try #require(try root("v: \(source)\n")["v"]?.scalar?.value)
        #expect(value == expected, "\(source)")
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(source: String) throws {
        let value = try #require(try root("v: \(source)\n")["v"]?.scalar?.value)
        guard case .float(let double) = value else {
            Issue.record("\(source) resolved to \(value)")
            return
        }
        #expect(double.isNaN)
    }

    @Test func quotedNanAndCasingStayStrings() throws {
        #expect(Scalar(text: ".nan", style: .singleQuoted).value == .string(".nan"))
        #expect(Scalar(text: ".Nan", style: .plain).value == .string(".Nan"))
    }

    @Test func loneSignsAreStrings() {
        #expect(Scalar(text: "-", style: .plain).value == .string("-"))
        #expect(Scalar(text: "+", style: .plain).value == .string("+"))
    }

    @Test func hugeHexadecimalConvertsExactly() {
        let text = "0x1" + String(repeating: "0", count: 64)  // 16^64 = 2^256
        let expected = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
        #expect(Scalar(text: text, style: .plain).value == .integer(expected))
    }
}
