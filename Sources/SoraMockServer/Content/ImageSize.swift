/// Recognises PNG, JPEG and WebP by their bytes and reads the pixel size from their headers.
struct ImageSize: Sendable, Equatable {
    /// The image format, by content.
    enum Format: String, Sendable {
        case png
        case jpeg
        case webp
    }

    let format: Format
    let width: Int?
    let height: Int?

    /// The format and size of `bytes` (the file's head), or nil if it is none of PNG, JPEG, WebP.
    static func read(_ bytes: [UInt8]) -> ImageSize? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes) }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) {
            return webp(bytes)
        }
        return nil
    }

    private static func png(_ bytes: [UInt8]) -> ImageSize {
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            return ImageSize(format: .png, width: nil, height: nil)
        }
        return ImageSize(format: .png, width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    private static func jpeg(_ bytes: [UInt8]) -> ImageSize {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { break }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let length = bigEndian(bytes, index + 2, 2)
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                return ImageSize(
                    format: .jpeg, width: bigEndian(bytes, index + 7, 2), height: bigEndian(bytes, index + 5, 2))
            }
            if marker == 0xDA || length < 2 { break }
            index += 2 + length
        }
        return ImageSize(format: .jpeg, width: nil, height: nil)
    }

    private static func webp(_ bytes: [UInt8]) -> ImageSize {
        guard bytes.count >= 30 else { return ImageSize(format: .webp, width: nil, height: nil) }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 " where bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A:
            return ImageSize(
                format: .webp, width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L" where bytes[20] == 0x2F:
            let bits = littleEndian(bytes, 21, 4)
            return ImageSize(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageSize(
                format: .webp, width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        default:
            return ImageSize(format: .webp, width: nil, height: nil)
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
