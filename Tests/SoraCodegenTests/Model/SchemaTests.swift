import Testing
import YAML

@testable import SoraCodegen

/// The schema model: boxed constraints, `filling(from:)`, `isEmpty` and spec values.
@Suite struct SchemaTests {
    static let mark = Mark(line: 1, column: 1)

    @Test func constraintsStartEmptyAndRoundTrip() {
        var schema = Schema(mark: Self.mark, kind: .string(format: nil))
        #expect(schema.constraints.isEmpty)
        var constraints = ScalarConstraints()
        constraints.maxLength = 4
        schema.constraints = constraints
        #expect(schema.constraints.maxLength == 4)
        var copy = schema
        copy.constraints.maxLength = 9
        // The box is shared but immutable: changing the copy leaves the original alone.
        #expect(schema.constraints.maxLength == 4)
        #expect(copy.constraints.maxLength == 9)
        copy.constraints = ScalarConstraints()
        #expect(copy.constraints.isEmpty)
    }

    /// Every field on its own makes constraints non-empty and survives being stored in a schema.
    @Test(arguments: 0..<13)
    func eachFieldAloneIsKept(_ field: Int) {
        var constraints = ScalarConstraints()
        let one = SpecNumber(integerDigits: "1")
        switch field {
        case 0: constraints.pattern = "a"
        case 1: constraints.minLength = 1
        case 2: constraints.maxLength = 1
        case 3: constraints.minimum = one
        case 4: constraints.maximum = one
        case 5: constraints.exclusiveMinimum = one
        case 6: constraints.exclusiveMaximum = one
        case 7: constraints.multipleOf = one
        case 8: constraints.minItems = 1
        case 9: constraints.maxItems = 1
        case 10: constraints.uniqueItems = true
        case 11: constraints.rangeLength = (one, one)
        default: constraints.allowed = [.bool(true)]
        }
        #expect(!constraints.isEmpty)
        var schema = Schema(mark: Self.mark, kind: .any)
        schema.constraints = constraints
        #expect(!schema.constraints.isEmpty)
    }

    @Test func fillingTakesOnlyWhatIsUnset() {
        var mine = ScalarConstraints()
        mine.minLength = 2
        mine.pattern = "^a"
        var other = ScalarConstraints()
        other.minLength = 5
        other.maxLength = 8
        other.pattern = "^b"
        other.uniqueItems = true
        other.allowed = [.string("x")]
        other.rangeLength = (SpecNumber(integerDigits: "0"), SpecNumber(integerDigits: "3"))
        let filled = mine.filling(from: other)
        #expect(filled.minLength == 2)
        #expect(filled.pattern == "^a")
        #expect(filled.maxLength == 8)
        #expect(filled.uniqueItems)
        #expect(filled.allowed == [.string("x")])
        #expect(filled.rangeLength?.maximum.text == "3")
        #expect(ScalarConstraints().filling(from: ScalarConstraints()).isEmpty)
    }

    @Test(arguments: [
        (SpecValue.null, "null"),
        (.bool(false), "false"),
        (.string("a b"), "a b"),
        (.number(SpecNumber(integerDigits: "-3")), "-3"),
        (.number(SpecNumber(double: 2.5)), "2.5"),
    ])
    func specValueText(_ value: SpecValue, _ text: String) {
        #expect(value.text == text)
    }

    @Test func schemaFlagsCombine() {
        let flags: SchemaFlags = [.readOnly, .deprecated]
        #expect(flags.contains(.readOnly) && !flags.contains(.writeOnly))
        #expect(flags.rawValue == 5)
        #expect(
            Set([SchemaFlags.readOnly.rawValue, SchemaFlags.writeOnly.rawValue, SchemaFlags.deprecated.rawValue]).count
                == 3)
    }

    @Test func aNewSchemaHasNoAnnotations() {
        let schema = Schema(mark: Mark(line: 3, column: 4), kind: .boolean)
        #expect(schema.mark == Mark(line: 3, column: 4))
        #expect(schema.description == nil && schema.title == nil && schema.defaultValue == nil && schema.example == nil)
        #expect(!schema.isNullable && schema.flags.isEmpty && schema.pixelSizeEquals == nil)
    }
}
