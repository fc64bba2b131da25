/// One request a `HostileServer` read, as the client sent it.
public struct RecordedRequest: Sendable {
    /// The method, e.g. `POST`.
    public let method: String
    /// The request target as sent: the path with its query, e.g. `/v1/videos?limit=2`.
    public let target: String
    /// The HTTP version from the request line, e.g. `HTTP/1.1`.
    public let version: String
    /// The header fields in the order they came, names as spelled by the client.
    public let headers: [(name: String, value: String)]
    /// How many body bytes came (after chunked decoding), stored or not.
    public let bodyByteCount: Int
    /// The body when it was kept (small enough and not discarded), else nil.
    public let body: [UInt8]?
    /// Whether the body came with chunked transfer encoding.
    public let isChunked: Bool
    /// Whether the whole body came; false when the client hung up or stalled mid-body.
    public let isComplete: Bool
    /// Which connection (0-based, in accept order) carried the request.
    public let connectionIndex: Int

    /// The target without its query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query after `?`, or nil when there is none.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// The body as UTF-8 text when it was kept.
    public var bodyText: String? {
        body.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of the header `name`, compared case-insensitively, in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

/// The parsed head of a request: the request line and the header fields.
struct RequestHead {
    let method: String
    let target: String
    let version: String
    let headers: [(name: String, value: String)]

    /// Parses the bytes before CRLFCRLF; nil when the request line or a field line is malformed.
    init?(_ bytes: ArraySlice<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else { return nil }
        var fields: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon]
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else { return nil }
            let value = line[line.index(after: colon)...].trimmingSpacesAndTabs()
            fields.append((name: String(name), value: value))
        }
        method = String(requestLine[0])
        target = String(requestLine[1])
        version = String(requestLine[2])
        headers = fields
    }

    /// The first value of the header `name`, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether the last transfer coding is `chunked`.
    var isChunked: Bool {
        guard let codings = header("Transfer-Encoding") else { return false }
        let last = codings.split(separator: ",").last.map { String($0).trimmingSpacesAndTabs().lowercased() }
        return last == "chunked"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
