import YAML

/// A schema of the spec dialect, resolved enough to translate without seeing YAML.
public struct Schema: Sendable {
    /// Where the schema starts in the spec.
    public var mark: Mark
    /// `description`, or nil.
    public var description: String?
    /// `title`, or nil.
    public var title: String?
    /// True for `[T, 'null']` and `oneOf/anyOf: [X, {type: 'null'}]`.
    public var isNullable = false
    /// What kind of value it describes.
    public var kind: SchemaKind
    /// `default`, as a scalar.
    public var defaultValue: SpecValue?
    /// `example`, as a scalar (shown in doc comments).
    public var example: SpecValue?
    /// Validation keywords on a scalar.
    public var constraints: ScalarConstraints {
        get { constraintStorage?.value ?? ScalarConstraints() }
        set { constraintStorage = newValue.isEmpty ? nil : ConstraintStorage(newValue) }
    }
    /// Constraints are rare and large (about 200 bytes), and every property holds a schema: they live in a box.
    private var constraintStorage: ConstraintStorage?
    /// `x-pixel-size-equals: PROPERTY` on a binary: the image's `WIDTHxHEIGHT` must equal that property.
    public var pixelSizeEquals: String?
    /// `readOnly`, `writeOnly` and `deprecated`.
    public var flags: SchemaFlags = []

    /// Creates a schema.
    public init(mark: Mark, kind: SchemaKind) {
        self.mark = mark
        self.kind = kind
    }
}

/// The kinds of schema the generator understands.
public enum SchemaKind: Sendable {
    /// A `$ref` to `#/components/schemas/NAME`.
    case reference(String)
    /// `type: string` (with its `format`).
    case string(format: String?)
    /// `type: string, format: binary`: file content.
    case binary
    /// `type: integer` (with its `format`).
    case integer(format: String?)
    /// `type: number` (with its `format`).
    case number(format: String?)
    /// `type: boolean`.
    case boolean
    /// A string enum; `isOpen` for the `anyOf: [{type: string}, {enum: …}]` idiom.
    case enumeration(EnumSchema)
    /// An integer enum.
    case integerEnumeration(IntegerEnumSchema)
    /// `const` with a string value.
    case constant(String)
    /// `oneOf` / `anyOf` with several alternatives, or a `type` list of several types.
    indirect case union(UnionSchema)
    /// `type: array`.
    indirect case array(items: Schema)
    /// `type: object` with `properties`.
    indirect case object(ObjectSchema)
    /// `type: object` with no properties: a free-form map (`additionalProperties` gives the value type).
    indirect case map(values: Schema?)
    /// No `type`: any JSON value.
    case any
}

/// A string enumeration.
public struct EnumSchema: Sendable {
    /// The raw values in spec order.
    public var values: [String]
    /// `x-enum-varnames`, when given: one Swift case name per value.
    public var varnames: [String]?
    /// Where each value is, for diagnostics.
    public var valueMarks: [Mark]
}

/// An integer enumeration.
public struct IntegerEnumSchema: Sendable {
    /// The values in spec order.
    public var values: [Int]
    /// `x-enum-varnames`, when given: one Swift case name per value.
    public var varnames: [String]?
    /// Where each value is, for diagnostics.
    public var valueMarks: [Mark]
}

/// `oneOf` / `anyOf`: a value that is one (or, for `anyOf`, several) of the alternatives.
public struct UnionSchema: Sendable {
    /// The alternatives in spec order (`null` alternatives are folded into the schema's `isNullable`).
    public var alternatives: [Schema]
    /// True for `anyOf`: more than one alternative may match the same value.
    public var isAnyOf: Bool
    /// `discriminator`, when the spec gives one.
    public var discriminator: Discriminator?
}

/// `discriminator: {propertyName, mapping}`.
public struct Discriminator: Sendable {
    /// The property whose value names the alternative.
    public var propertyName: String
    /// `mapping` entries in spec order: a value and the component schema it selects.
    public var mapping: [(value: String, schema: String)]
    /// Where it is.
    public var mark: Mark
}

/// `readOnly`, `writeOnly` and `deprecated` on a schema.
public struct SchemaFlags: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public var rawValue: UInt8
    /// Creates flags from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `readOnly: true`: sent by the server only.
    public static let readOnly = SchemaFlags(rawValue: 1)
    /// `writeOnly: true`: sent by the client only.
    public static let writeOnly = SchemaFlags(rawValue: 2)
    /// `deprecated: true`.
    public static let deprecated = SchemaFlags(rawValue: 4)
}

/// An object schema with named properties.
public struct ObjectSchema: Sendable {
    /// Properties in spec order.
    public var properties: [Property] = []
    /// The `required` list as written (names may belong to another `allOf` part).
    public var requiredNames: [String] = []
    /// `additionalProperties` next to `properties`: the schema of further keys (`any` for `true`); nil when
    /// absent or `false`.
    public var additionalProperties: Schema?
    /// `dependentRequired`: when the key is present, these must be too.
    public var dependentRequired: [DependentRequirement] = []
    /// `allOf: [{if, then}]` cross-field rules.
    public var conditionals: [ConditionalRule] = []
}

/// One property of an object schema.
public struct Property: Sendable {
    /// The JSON / form field name.
    public var name: String
    /// Its schema.
    public var schema: Schema
    /// Listed in `required`.
    public var isRequired: Bool
    /// Where the property's key is.
    public var mark: Mark
}

/// `dependentRequired` entry.
public struct DependentRequirement: Sendable {
    /// The property whose presence triggers the rule.
    public var property: String
    /// The properties that must then be present.
    public var requires: [String]
    /// Where the rule is.
    public var mark: Mark
}

/// A condition or consequence of an `if`/`then` rule: a property and the values it is held to.
public struct PropertyCondition: Sendable {
    /// The property name.
    public var property: String
    /// Allowed values (`enum` or `const`); empty means "only presence matters".
    public var values: [String]
    /// True when the property must be present.
    public var mustBePresent: Bool
}

/// `allOf: [{if: …, then: …}]`: when every `if` condition holds, every `then` condition must.
public struct ConditionalRule: Sendable {
    /// Conditions of `if`.
    public var conditions: [PropertyCondition]
    /// Consequences of `then`.
    public var consequences: [PropertyCondition]
    /// The rule's `description`, if any.
    public var description: String?
    /// Where the rule is.
    public var mark: Mark
}

/// Validation keywords of a string or number schema.
public struct ScalarConstraints: Sendable {
    /// `pattern` (ECMA-262 regular expression).
    public var pattern: String?
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `minimum`.
    public var minimum: SpecNumber?
    /// `maximum`.
    public var maximum: SpecNumber?
    /// `exclusiveMinimum` (3.1 number, or 3.0 `minimum` with `exclusiveMinimum: true`).
    public var exclusiveMinimum: SpecNumber?
    /// `exclusiveMaximum` (3.1 number, or 3.0 `maximum` with `exclusiveMaximum: true`).
    public var exclusiveMaximum: SpecNumber?
    /// `multipleOf`.
    public var multipleOf: SpecNumber?
    /// `minItems` of an array.
    public var minItems: Int?
    /// `maxItems` of an array.
    public var maxItems: Int?
    /// `uniqueItems: true` on an array.
    public var uniqueItems = false
    /// `x-range-length`: the string is `START,END` and END − START is within these bounds.
    public var rangeLength: (minimum: SpecNumber, maximum: SpecNumber)?
    /// The values an `enum` or `const` of numbers or booleans allows (their type stays `Double`, `Int` or `Bool`).
    public var allowed: [SpecValue]?

    /// These rules, with each one they leave unset taken from `other`.
    public func filling(from other: ScalarConstraints) -> ScalarConstraints {
        var result = self
        result.pattern = pattern ?? other.pattern
        result.minLength = minLength ?? other.minLength
        result.maxLength = maxLength ?? other.maxLength
        result.minimum = minimum ?? other.minimum
        result.maximum = maximum ?? other.maximum
        result.exclusiveMinimum = exclusiveMinimum ?? other.exclusiveMinimum
        result.exclusiveMaximum = exclusiveMaximum ?? other.exclusiveMaximum
        result.multipleOf = multipleOf ?? other.multipleOf
        result.minItems = minItems ?? other.minItems
        result.maxItems = maxItems ?? other.maxItems
        result.uniqueItems = uniqueItems || other.uniqueItems
        result.rangeLength = rangeLength ?? other.rangeLength
        result.allowed = allowed ?? other.allowed
        return result
    }

    /// True when no keyword is set.
    ///
    /// Every stored property must be checked here: `Schema` keeps no box for empty constraints, so a field this
    /// misses would be dropped when it is the only one set.
    public var isEmpty: Bool {
        pattern == nil && minLength == nil && maxLength == nil && minimum == nil && maximum == nil
            && exclusiveMinimum == nil && exclusiveMaximum == nil && multipleOf == nil && minItems == nil
            && maxItems == nil && !uniqueItems && rangeLength == nil && allowed == nil
    }
}

/// A scalar value from the spec (`default`, `const`).
public enum SpecValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A number.
    case number(SpecNumber)
    /// `null`.
    case null
}

extension SpecValue {
    /// The value written for people (doc comments) and for the wire (`1`, `true`, `text`).
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): number.text
        case .string(let text): text
        }
    }
}

/// An immutable box for a schema's constraints.
private final class ConstraintStorage: Sendable {
    let value: ScalarConstraints

    init(_ value: ScalarConstraints) {
        self.value = value
    }
}
