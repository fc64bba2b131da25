/// How a query parameter's array or object is written (OpenAPI `style`; `explode` is passed beside it).
@_spi(Generated) public enum QueryStyle: String, Sendable, Hashable {
    /// `a=1&a=2` when exploded, else `a=1,2`; an object is `k=v&k2=v2`, else `a=k,v,k2,v2`.
    case form
    /// `a=1%202` (exploded: `a=1&a=2`).
    case spaceDelimited
    /// `a=1%7C2` (exploded: `a=1&a=2`); the pipe is percent-encoded, as RFC 3986 requires.
    case pipeDelimited
    /// `a%5Bk%5D=v` for `a[k]=v` (brackets percent-encoded; servers decode them first); nested values go
    /// deeper (`a[k][j]=v`, arrays by index `a[k][0]=v`).
    case deepObject
}

/// One query item: a value, or several joined by a delimiter that is written as it is.
struct QueryItem: Sendable, Hashable {
    var name: String
    var values: [String]
    /// The delimiter as people read it (`,`, ` `, `|`).
    var delimiter = ""
    /// The delimiter as sent (`,`, `%20`, `%7C`).
    var encodedDelimiter = ""

    var plainValue: String { values.joined(separator: delimiter) }

    var encoded: String {
        PercentEncoding.queryComponent(name) + "="
            + values.map(PercentEncoding.queryComponent).joined(separator: encodedDelimiter)
    }
}

extension OperationRequest {
    /// Adds a query item; nil is left out.
    public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
        if let value { queryItems.append(QueryItem(name: name, values: [value.parameterText])) }
    }

    /// Adds one query item per element (`form`, exploded).
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?) {
        addQuery(name, values, style: .form, explode: true)
    }

    /// Adds an array in the spec's `style`: exploded styles repeat the name, the others join the elements
    /// into one item; nil or empty is left out.
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?, style: QueryStyle, explode: Bool) {
        guard let values, !values.isEmpty else { return }
        let texts = values.map(\.parameterText)
        if style == .deepObject {
            queryItems += texts.enumerated().map { QueryItem(name: "\(name)[\($0)]", values: [$1]) }
        } else if explode {
            queryItems += texts.map { QueryItem(name: name, values: [$0]) }
        } else {
            queryItems.append(Self.delimited(name, texts, style))
        }
    }

    /// Adds an object (any `Encodable`, a dictionary or a model, spread through its JSON form) in the spec's
    /// `style`; nil is left out. Members are written in key order; in every style but `deepObject`, nested
    /// values are sent as compact JSON text. A value that is not an object is sent like a single value or
    /// an array.
    public mutating func addQuery(
        _ name: String, object value: (some Encodable & Sendable)?, style: QueryStyle, explode: Bool
    )
        throws(SoraError)
    {
        guard let value else { return }
        let json: FlatJSON
        do {
            json = try FlatJSON(encoding: value)
        } catch {
            throw .invalidRequest("\(operationID): cannot encode query parameter \(name): \(error)")
        }
        guard let members = json.members else {
            if case .array(let elements) = json {
                addQuery(name, elements.compactMap(\.text), style: style, explode: explode)
            } else {
                addQuery(name, json.text)
            }
            return
        }
        if style == .deepObject {
            queryItems += json.deepPairs(name).map { QueryItem(name: $0.name, values: [$0.value]) }
        } else if explode {
            queryItems += members.map { QueryItem(name: $0.key, values: [$0.value]) }
        } else if !members.isEmpty {
            queryItems.append(Self.delimited(name, members.flatMap { [$0.key, $0.value] }, style))
        }
    }

    private static func delimited(_ name: String, _ values: [String], _ style: QueryStyle) -> QueryItem {
        switch style {
        case .spaceDelimited: QueryItem(name: name, values: values, delimiter: " ", encodedDelimiter: "%20")
        case .pipeDelimited: QueryItem(name: name, values: values, delimiter: "|", encodedDelimiter: "%7C")
        case .form, .deepObject: QueryItem(name: name, values: values, delimiter: ",", encodedDelimiter: ",")
        }
    }

    /// The query after `?` (no `?`), every name and value percent-encoded; empty when there is none.
    var encodedQuery: String {
        queryItems.map(\.encoded).joined(separator: "&")
    }
}
