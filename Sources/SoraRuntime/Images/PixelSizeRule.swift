import Foundation

/// `x-pixel-size-equals`: a file part must be a PNG, JPEG or WebP image whose `WIDTHxHEIGHT` equals another field
/// (the video size), so a mismatch is reported before an upload instead of after it. The multipart body checks it
/// when it opens the file, from the same bytes it then sends; `ClientConfiguration.checksImageSize` turns it off.
@_spi(Generated) public struct PixelSizeRule: Sendable, Hashable {
    /// The size the image must have (`1280x720`), or nil when the size field is absent (then only the format is
    /// checked).
    public var size: String?
    /// The field that holds the size, for the message.
    public var sizeField: String

    /// Creates a rule.
    public init(size: String?, sizeField: String) {
        self.size = size
        self.sizeField = sizeField
    }

    /// The most bytes read from the start of a file to find its size (JPEG metadata can come first).
    static let headLimit = 1 << 20

    /// What is wrong with the image whose bytes `read(offset, count)` returns, or nil when it complies.
    func violation(reading read: (Int64, Int) throws(SoraError) -> [UInt8]) -> String? {
        var bytes: [UInt8] = []
        var header: ImageHeader?
        do {
            while bytes.count < Self.headLimit {
                let chunk = try read(
                    Int64(bytes.count), bytes.isEmpty ? 4096 : Swift.min(65536, Self.headLimit - bytes.count))
                bytes += chunk
                header = ImageHeader.read(bytes)
                if header != nil || chunk.isEmpty { break }
            }
        } catch {
            return "cannot be read: \(error.description)"
        }
        guard let header else { return "must be a PNG, JPEG or WebP image" }
        guard let size, header.size != size else { return nil }
        return "is \(header.size) pixels but \(sizeField) is \(size); the image must match the video size"
    }
}
