import Foundation
import HTTPTypes

extension APIClientCore {
    /// The request's head and body as they go out: path and query, headers, credentials, one `Cookie`
    /// header, and the body with its content type and length.
    func prepare(_ request: OperationRequest) throws(SoraError) -> (HTTPRequest, HTTPBody?) {
        let placement = try authorizer.placement(for: request)
        var path = try request.renderedPath()
        let query = ([request.encodedQuery] + placement.query.map(Self.encodedQueryItem)).filter { !$0.isEmpty }
        if !query.isEmpty { path += "?" + query.joined(separator: "&") }
        var head = HTTPRequest(method: request.method, scheme: nil, authority: nil, path: path)
        head.headerFields = request.headers
        head.headerFields[.accept] = head.headerFields[.accept] ?? "application/json"
        for (name, value) in placement.headers { head.headerFields[name] = value }
        // One Cookie field (RFC 6265 §5.4): HTTPFields splits a cookie value set through its subscript into
        // one field per pair, which HTTP/1.1 would send as several lines.
        let cookies =
            head.headerFields[fields: .cookie].map(\.value)
            + (request.cookies + placement.cookies).map { "\($0.name)=\(PercentEncoding.cookieValue($0.value))" }
        if !cookies.isEmpty {
            head.headerFields[fields: .cookie] = [HTTPField(name: .cookie, value: cookies.joined(separator: "; "))]
        }
        let body = try preparedBody(request, head: &head)
        if request.method == .post, let key = HTTPField.Name("Idempotency-Key"), head.headerFields[key] == nil {
            head.headerFields[key] = UUID().uuidString.lowercased()
        }
        return (head, body)
    }

    private static func encodedQueryItem(_ item: (name: String, value: String)) -> String {
        PercentEncoding.queryComponent(item.name) + "=" + PercentEncoding.queryComponent(item.value)
    }

    /// The body's bytes, setting its `Content-Type`.
    private func preparedBody(_ request: OperationRequest, head: inout HTTPRequest) throws(SoraError) -> HTTPBody? {
        let contentType: String
        let body: HTTPBody
        switch request.body {
        case nil:
            return nil
        case .json(let data):
            contentType = "application/json"
            body = HTTPBody(data)
        case .form(let form):
            contentType = "application/x-www-form-urlencoded"
            body = HTTPBody(form.encoded)
        case .multipart(let form):
            let multipart = MultipartBody(boundary: configuration.multipartBoundary())
            let (segments, length) = try multipart.segments(for: form, checksImageSize: configuration.checksImageSize)
            contentType = multipart.contentType
            body = HTTPBody(
                MultipartBodyStream(
                    segments: segments, chunkSize: multipart.chunkSize, boundary: Array("--\(multipart.boundary)".utf8)),
                length: .known(length), iterationBehavior: .multiple)
        case .data(let data):
            contentType = ContentSniffer.contentType(of: data.prefix(16))
            body = HTTPBody(data)
        case .file(let url):
            let file = try OpenedFile(url, field: "the body")
            contentType = ContentSniffer.contentType(of: try file.read(at: 0, count: 16))
            body = HTTPBody(
                MultipartBodyStream(segments: [.file(file, length: file.size)], chunkSize: 64 * 1024),
                length: .known(file.size), iterationBehavior: .multiple)
        case .stream(let stream):
            contentType = "application/octet-stream"
            body = stream
        }
        head.headerFields[.contentType] = request.contentType ?? contentType
        return body
    }
}
