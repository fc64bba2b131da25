import Testing
import YAML

@testable import SoraCodegen

/// Validation keywords: each on its own kind of value, in the 3.0 and 3.1 forms, and every wrong value reported.
@Suite struct SchemaLoaderConstraintsTests {
    static func loaded(_ body: String, version: String = "3.1.0") throws -> (ScalarConstraints, [String]) {
        let (schema, messages) = LoadingSpec.schema(body, version: version)
        return (try #require(schema).constraints, messages)
    }

    @Test func stringConstraints() throws {
        let (constraints, messages) = try Self.loaded("{type: string, minLength: 1, maxLength: 5, pattern: '^a+$'}")
        #expect(constraints.minLength == 1)
        #expect(constraints.maxLength == 5)
        #expect(constraints.pattern == "^a+$")
        #expect(constraints.minimum == nil && constraints.minItems == nil)
        #expect(messages == [])
    }

    @Test func numberConstraints() throws {
        let (constraints, messages) = try Self.loaded("{type: integer, minimum: -3, maximum: 10, multipleOf: 2}")
        #expect(constraints.minimum?.text == "-3")
        #expect(constraints.maximum?.integer == 10)
        #expect(constraints.multipleOf?.text == "2")
        #expect(constraints.exclusiveMinimum == nil && constraints.exclusiveMaximum == nil)
        #expect(messages == [])
    }

    @Test func exclusiveBoundsIn31AreNumbers() throws {
        let (constraints, messages) = try Self.loaded("{type: number, exclusiveMinimum: 0, exclusiveMaximum: 1.5}")
        #expect(constraints.exclusiveMinimum?.text == "0")
        #expect(constraints.exclusiveMaximum?.double == 1.5)
        #expect(constraints.minimum == nil && constraints.maximum == nil)
        #expect(messages == [])
    }

    @Test func exclusiveBoundsIn30AreFlagsOnTheBounds() throws {
        let (constraints, messages) = try Self.loaded(
            "{type: number, minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false}", version: "3.0.3")
        #expect(constraints.exclusiveMinimum?.text == "0")
        #expect(constraints.minimum == nil)
        #expect(constraints.maximum?.text == "5")
        #expect(constraints.exclusiveMaximum == nil)
        #expect(messages == [])
    }

    @Test func arrayConstraints() throws {
        let (constraints, messages) = try Self.loaded(
            "{type: array, items: {type: string}, minItems: 1, maxItems: 3, uniqueItems: true}")
        #expect(constraints.minItems == 1)
        #expect(constraints.maxItems == 3)
        #expect(constraints.uniqueItems)
        #expect(messages == [])
    }

    @Test func rangeLength() throws {
        let (constraints, messages) = try Self.loaded("{type: string, x-range-length: {minimum: 1, maximum: 10}}")
        #expect(constraints.rangeLength?.minimum.text == "1")
        #expect(constraints.rangeLength?.maximum.text == "10")
        #expect(messages == [])
        let (missing, missingMessages) = try Self.loaded("{type: string, x-range-length: {minimum: 1}}")
        #expect(missing.rangeLength == nil)
        #expect(missingMessages == ["7:38: error: 'x-range-length' needs 'minimum' and 'maximum'"])
    }

    @Test func anUntypedSchemaKeepsEveryConstraint() throws {
        let (constraints, messages) = try Self.loaded("{minLength: 2, maximum: 9, maxItems: 4}")
        #expect(constraints.minLength == 2)
        #expect(constraints.maximum?.text == "9")
        #expect(constraints.maxItems == 4)
        #expect(messages == [])
    }

    @Test(arguments: [
        ("{type: string, minimum: 3}", "7:22: warning: 'minimum' applies to numbers only; ignored"),
        ("{type: integer, minLength: 1}", "7:23: warning: 'minLength' applies to strings only; ignored"),
        ("{type: string, minItems: 1}", "7:22: warning: 'minItems' applies to arrays only; ignored"),
        ("{type: boolean, pattern: a}", "7:23: warning: 'pattern' applies to strings only; ignored"),
        ("{type: array, multipleOf: 2}", "7:21: warning: 'multipleOf' applies to numbers only; ignored"),
        (
            "{type: object, properties: {a: {type: string}}, maxLength: 3}",
            "7:55: warning: 'maxLength' applies to strings only; ignored"
        ),
        (
            "{type: string, enum: [a], uniqueItems: true}",
            "7:33: warning: 'uniqueItems' applies to arrays only; ignored"
        ),
    ])
    func aKeywordOnTheWrongKindIsIgnored(_ body: String, _ message: String) throws {
        let (constraints, messages) = try Self.loaded(body)
        #expect(constraints.isEmpty)
        #expect(messages == [message])
    }

    @Test(arguments: [
        ("{type: string, maxLength: -1}", "7:33: error: 'maxLength' must be a non-negative integer, found -1"),
        ("{type: string, maxLength: 1.5}", "7:33: error: 'maxLength' must be a non-negative integer, found 1.5"),
        (
            "{type: string, minLength: 99999999999999999999}",
            "7:33: error: 'minLength' must be a non-negative integer, found 99999999999999999999"
        ),
        ("{type: string, minLength: ten}", "7:33: error: 'minLength' must be a number, found the string 'ten'"),
        ("{type: string, minLength: '3'}", "7:33: error: 'minLength' must be a number, found the string '3'"),
        ("{type: array, maxItems: -2}", "7:31: error: 'maxItems' must be a non-negative integer, found -2"),
        ("{type: number, minimum: 1e400}", "7:31: error: 'minimum' must be a finite number, found the number inf"),
        ("{type: number, maximum: -.inf}", "7:31: error: 'maximum' must be a finite number, found the number -inf"),
        ("{type: number, maximum: .nan}", "7:31: error: 'maximum' must be a finite number, found the number nan"),
        ("{type: number, maximum: [1]}", "7:31: error: 'maximum' must be a number, found a sequence"),
        (
            "{type: number, exclusiveMinimum: x}",
            "7:40: error: 'exclusiveMinimum' must be a number, found the string 'x'"
        ),
        ("{type: array, uniqueItems: 1}", "7:34: error: 'uniqueItems' must be true or false, found the number 1"),
        ("{type: string, pattern: 5}", "7:31: warning: 'pattern' must be a string, found the number 5; ignored"),
        ("{type: number, multipleOf: 0}", "7:7: warning: 'multipleOf' must be greater than 0; ignored"),
        ("{type: number, multipleOf: -0.5}", "7:7: warning: 'multipleOf' must be greater than 0; ignored"),
        ("{type: string, x-range-length: [1, 2]}", "7:38: error: 'x-range-length' must be a mapping, found a sequence"),
    ])
    func wrongValuesAreReportedAndDropped(_ body: String, _ message: String) throws {
        let (constraints, messages) = try Self.loaded(body)
        #expect(constraints.isEmpty)
        #expect(messages == [message])
    }

    @Test func boundsBeyondInt64AreKeptExactly() throws {
        let (constraints, messages) = try Self.loaded(
            "{type: integer, minimum: -9223372036854775809, maximum: 18446744073709551616}")
        #expect(constraints.minimum?.text == "-9223372036854775809")
        #expect(constraints.minimum?.integer == nil)
        #expect(constraints.maximum?.text == "18446744073709551616")
        #expect(constraints.maximum?.double == 18_446_744_073_709_551_616)
        #expect(constraints.maximum?.isInteger == true)
        #expect(messages == [])
    }

    @Test(arguments: [
        (
            "{type: string, minLength: 5, maxLength: 2}",
            "'minLength' 5 is greater than 'maxLength' 2; neither is checked"
        ),
        ("{type: number, minimum: 10, maximum: 1.5}", "'minimum' 10 is greater than 'maximum' 1.5; neither is checked"),
        (
            "{type: array, items: {}, minItems: 4, maxItems: 3}",
            "'minItems' 4 is greater than 'maxItems' 3; neither is checked"
        ),
    ])
    func boundsNoValueCanMeetAreDropped(_ body: String, _ message: String) throws {
        let (constraints, messages) = try Self.loaded(body)
        #expect(constraints.isEmpty)
        #expect(messages == ["7:7: warning: " + message])
    }

    @Test func equalBoundsAreFine() throws {
        let (constraints, messages) = try Self.loaded("{type: string, minLength: 3, maxLength: 3}")
        #expect(constraints.minLength == 3 && constraints.maxLength == 3)
        #expect(messages == [])
    }

    @Test func aPatternSwiftCannotCompileIsAWarningAndLeftUnchecked() throws {
        let result = LoadingSpec.schemaDocument("{type: string, pattern: '([unclosed'}")
        #expect(result.schema("S")?.constraints.pattern == "([unclosed")
        #expect(result.document?.uncheckedPatterns == ["([unclosed"])
        #expect(
            result.messages == [
                "7:31: warning: 'pattern' is not a valid regular expression: ([unclosed (Swift's Regex cannot compile "
                    + "it); it is not checked"
            ])
    }
}
