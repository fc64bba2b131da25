import Foundation

extension OperationRequest {
    /// Validates and sets a JSON body sent as `contentType` (e.g. `application/vnd.api+json` or
    /// `application/json; charset=utf-8`). Models, arrays and dictionaries of models, strings, numbers,
    /// booleans, dates and `JSONValue` are all `Validatable`.
    public mutating func setJSONBody<Body: Encodable & Validatable>(
        _ value: Body, contentType: String = "application/json"
    ) throws(SoraError) {
        do {
            try value.validate()
        } catch {
            throw .validation(error)
        }
        try setJSONBody(unvalidated: value, contentType: contentType)
    }

    /// Sets a JSON body without validating it, for an `Encodable` that is not `Validatable`.
    public mutating func setJSONBody(
        unvalidated value: some Encodable & Sendable, contentType: String = "application/json"
    )
        throws(SoraError)
    {
        do {
            setBody(.json(try JSONCoding.encoder().encode(value)), contentType: contentType)
        } catch {
            throw .invalidRequest("\(operationID): cannot encode the body as JSON: \(error)")
        }
    }

    /// Validates `value` and sets the multipart body its `encodeParts(into:)` writes. File parts are opened when the
    /// request is prepared, once, and their image size checked there (`ClientConfiguration.checksImageSize`).
    public mutating func setMultipartBody<Value: Validatable>(
        _ value: Value, parts encodeParts: (inout MultipartForm) -> Void
    ) throws(SoraError) {
        do {
            try value.validate()
        } catch {
            throw .validation(error)
        }
        var form = MultipartForm(typeName: String(describing: Value.self))
        encodeParts(&form)
        if let failure = form.failures.first {
            throw .invalidRequest("\(operationID): cannot encode form field \(failure)")
        }
        setBody(.multipart(form), contentType: nil)
    }

    /// Validates `value` and sets the `application/x-www-form-urlencoded` body its `encodeFields(into:)` writes (see
    /// `URLEncodedForm` for the rules).
    public mutating func setFormBody(
        _ value: some Validatable, fields encodeFields: (inout URLEncodedForm) -> Void
    ) throws(SoraError) {
        do {
            try value.validate()
        } catch {
            throw .validation(error)
        }
        var form = URLEncodedForm()
        encodeFields(&form)
        if let failure = form.failures.first {
            throw .invalidRequest("\(operationID): cannot encode form field \(failure)")
        }
        setBody(.form(form), contentType: nil)
    }

    /// Sets a raw body from a file (streamed from disk in chunks with its length known) or bytes in memory.
    /// The content type is `contentType`, else the upload's, else sniffed from the first bytes (an image
    /// type or `application/octet-stream`). The file name is not sent.
    public mutating func setBinaryBody(_ upload: FileUpload, contentType: String? = nil) {
        switch upload.source {
        case .file(let url): setBody(.file(url), contentType: contentType ?? upload.contentType)
        case .data(let data): setBody(.data(data), contentType: contentType ?? upload.contentType)
        }
    }

    /// Sets a raw body of bytes in memory.
    public mutating func setBinaryBody(_ data: Data, contentType: String = "application/octet-stream") {
        setBody(.data(data), contentType: contentType)
    }

    /// Sets a raw body the caller streams; with `iterationBehavior` `.single` the request is not retried,
    /// since the bytes cannot be sent twice.
    public mutating func setBinaryBody(_ body: HTTPBody, contentType: String = "application/octet-stream") {
        setBody(.stream(body), contentType: contentType)
    }

    /// Sets a text body, sent as UTF-8.
    public mutating func setTextBody(_ text: String, contentType: String = "text/plain; charset=utf-8") {
        setBody(.data(Data(text.utf8)), contentType: contentType)
    }
}
