/// An optional `JSONValue` keeps an explicit `null` apart from a missing key: synthesised `Codable` calls this
/// overload, so `{"x": null}` decodes as `.null` (and is written back as `null`) while `{}` leaves `x` nil.
extension KeyedDecodingContainer {
    /// `.null` for a key that is present with `null`, nil for a missing key, else the value.
    @_spi(Generated) public func decodeIfPresent(_ type: JSONValue.Type, forKey key: Key) throws -> JSONValue? {
        guard contains(key) else { return nil }
        return try decode(JSONValue.self, forKey: key)
    }
}
