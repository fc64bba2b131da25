import Foundation

// Values without rules of their own, so any JSON body (a string, a number, a list) goes through
// `setJSONBody`, and collections of models check every element.

extension String: Validatable {}
extension Int: Validatable {}
extension Int32: Validatable {}
extension Int64: Validatable {}
extension Double: Validatable {}
extension Float: Validatable {}
extension Bool: Validatable {}
extension Date: Validatable {}
extension JSONValue: Validatable {}

extension Array: Validatable where Element: Validatable {
    /// Checks every element; issues are reported under `[index].field`.
    public func validate() throws(ValidationError) {
        var validator = Validator("[\(Element.self)]")
        for (index, element) in enumerated() {
            validator.nested(element, field: "[\(index)]")
        }
        try validator.finish()
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    /// Checks every value; issues are reported under `key.field`, keys in sorted order.
    public func validate() throws(ValidationError) {
        var validator = Validator("[String: \(Value.self)]")
        for key in keys.sorted() {
            validator.nested(self[key], field: key)
        }
        try validator.finish()
    }
}
