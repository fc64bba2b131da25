import HTTPTypes

extension OperationResponse {
    /// The header `name` (case-insensitive), several fields joined by `, `; nil when absent or not a valid name.
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { response.headerFields[$0] }
    }

    /// The header as a decimal integer (an optional sign, spaces around); nil when absent, not an integer,
    /// or out of range.
    public func header(_ name: String, as type: Int.Type) -> Int? {
        header(name, as: Int64.self).flatMap { Int(exactly: $0) }
    }

    /// The header as a decimal 64-bit integer; nil when absent, not an integer, or out of range.
    public func header(_ name: String, as type: Int64.Type) -> Int64? {
        header(name).flatMap { CheckedNumbers.integer($0) }
    }

    /// The header as a finite number; nil when absent, not a number, NaN or infinite.
    public func header(_ name: String, as type: Double.Type) -> Double? {
        header(name).flatMap { CheckedNumbers.finiteNumber($0) }
    }

    /// The header as `true` or `false` (any case); nil otherwise.
    public func header(_ name: String, as type: Bool.Type) -> Bool? {
        switch header(name)?.trimmingSpacesAndTabs().lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
