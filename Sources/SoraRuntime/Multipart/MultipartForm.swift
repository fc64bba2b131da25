import Foundation

/// The parts of a `multipart/form-data` body, in order, as a generated model's `encodeParts(into:)` appends them;
/// `MultipartBody` turns them into bytes.
@_spi(Generated) public struct MultipartForm: Sendable {
    /// One part: a text field, a JSON field, or a file.
    public enum Part: Sendable, Hashable {
        /// A text field.
        case text(name: String, value: String)
        /// A field holding JSON text.
        case json(name: String, value: Data)
        /// A file field, with the image size it must have (`x-pixel-size-equals`), if any.
        case file(name: String, upload: FileUpload, pixelSize: PixelSizeRule? = nil)
        /// A field with its own `Content-Type` (the spec's `encoding.<field>.contentType`).
        case typed(name: String, value: Data, contentType: String)
    }

    /// The type whose fields the parts are, named in validation errors (the image size check).
    public var typeName: String
    /// The parts in order.
    public private(set) var parts: [Part] = []
    /// Errors met while encoding (e.g. a value that cannot be written as JSON).
    public private(set) var failures: [String] = []

    /// Creates an empty form for the fields of `typeName`.
    public init(typeName: String = "form") {
        self.typeName = typeName
    }

    /// Appends a text part; nil is left out.
    public mutating func append(_ name: String, _ value: (some ParameterValue)?) {
        if let value { parts.append(.text(name: name, value: value.parameterText)) }
    }

    /// Appends one text part per element, all with the same name.
    public mutating func append(_ name: String, _ values: [some ParameterValue]?) {
        for value in values ?? [] { parts.append(.text(name: name, value: value.parameterText)) }
    }

    /// Appends one file part per file, all with the same name; nil is left out.
    public mutating func append(_ name: String, _ uploads: [FileUpload]?) {
        for upload in uploads ?? [] { parts.append(.file(name: name, upload: upload)) }
    }

    /// Appends a file part; nil is left out.
    public mutating func append(_ name: String, _ upload: FileUpload?) {
        if let upload { parts.append(.file(name: name, upload: upload)) }
    }

    /// Appends a file part that must be an image of `size` pixels (`x-pixel-size-equals` naming `sizeField`), checked
    /// when the body is prepared; nil is left out.
    public mutating func append(_ name: String, _ upload: FileUpload?, pixelSizeEquals size: String?, sizeField: String)
    {
        if let upload {
            parts.append(.file(name: name, upload: upload, pixelSize: PixelSizeRule(size: size, sizeField: sizeField)))
        }
    }

    /// Appends a text part sent with its own `Content-Type` (e.g. `text/csv`); nil is left out.
    public mutating func append(_ name: String, _ value: (some ParameterValue)?, contentType: String) {
        if let value {
            parts.append(.typed(name: name, value: Data(value.parameterText.utf8), contentType: contentType))
        }
    }

    /// Appends a part holding the JSON encoding of a value; nil is left out.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable & Sendable)?) {
        guard let value else { return }
        do {
            parts.append(.json(name: name, value: try JSONCoding.encoder().encode(value)))
        } catch {
            failures.append("\(name): \(error)")
        }
    }

    /// Appends a part holding the JSON encoding of a value, sent as `contentType` (e.g.
    /// `application/vnd.api+json`); nil is left out.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable & Sendable)?, contentType: String) {
        guard let value else { return }
        do {
            parts.append(.typed(name: name, value: try JSONCoding.encoder().encode(value), contentType: contentType))
        } catch {
            failures.append("\(name): \(error)")
        }
    }
}
