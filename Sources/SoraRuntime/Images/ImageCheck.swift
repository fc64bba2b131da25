import Foundation

/// The pre-flight check that a reference image's pixel size equals the requested size, so a mismatch is
/// reported in microseconds instead of after an upload. On by default; `ClientConfiguration.checksImageSize`
/// turns it off for a client, `ImageCheck.$isEnabled.withValue(false) { … }` for a task.
public enum ImageCheck {
    /// Whether `Validator.checkImageSize` reads images in the current task.
    @TaskLocal public static var isEnabled = true

    /// The most bytes read from the start of a file to find its size (JPEG metadata can come first).
    static let headLimit = 1 << 20

    /// The header of an upload's image, or why it cannot be read.
    static func header(of upload: FileUpload) -> Result<ImageHeader?, any Error> {
        switch upload.source {
        case .data(let data):
            return .success(ImageHeader.read(Array(data.prefix(headLimit))))
        case .file(let url):
            do {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                var bytes: [UInt8] = []
                while bytes.count < headLimit {
                    let chunk = try handle.read(upToCount: bytes.isEmpty ? 4096 : 65536) ?? Data()
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if let header = ImageHeader.read(bytes) { return .success(header) }
                }
                return .success(ImageHeader.read(bytes))
            } catch {
                return .failure(error)
            }
        }
    }
}

extension Validator {
    /// `x-pixel-size-equals`: the upload is a PNG, JPEG or WebP image whose `WIDTHxHEIGHT` equals `size`.
    public mutating func checkImageSize(_ upload: FileUpload?, field: String, equals size: String?, sizeField: String) {
        guard let upload, ImageCheck.isEnabled else { return }
        switch ImageCheck.header(of: upload) {
        case .failure(let error):
            report(field, rule: "x-pixel-size-equals", "cannot be read: \(error.localizedDescription)")
        case .success(nil):
            report(field, rule: "x-pixel-size-equals", "must be a PNG, JPEG or WebP image")
        case .success(let header?):
            if let size, header.size != size {
                report(
                    field, rule: "x-pixel-size-equals",
                    "is \(header.size) pixels but \(sizeField) is \(size); the image must match the video size")
            }
        }
    }
}
