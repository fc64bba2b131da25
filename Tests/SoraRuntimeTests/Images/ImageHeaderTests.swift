@_spi(Generated) import SoraRuntime
import Testing

/// Image sizes read from the first bytes of PNG, JPEG and WebP files.
@Suite struct ImageHeaderTests {
    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be(width, 4)
            + be(height, 4)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0]
    }

    static func jpeg(_ width: Int, _ height: Int, exifBytes: Int = 16) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0] + be(16, 2) + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let app1: [UInt8] = [0xFF, 0xE1] + be(exifBytes + 2, 2) + Array(repeating: 0x45, count: exifBytes)
        let sof0: [UInt8] =
            [0xFF, 0xC0] + be(17, 2) + [8] + be(height, 2) + be(width, 2) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return [0xFF, 0xD8] + app0 + app1 + sof0 + [0xFF, 0xD9]
    }

    static func webpLossy(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + le(30, 4) + Array("WEBPVP8 ".utf8) + le(18, 4)
            + [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + le(width, 2) + le(height, 2)
    }

    static func webpLossless(_ width: Int, _ height: Int) -> [UInt8] {
        let bits = (width - 1) | ((height - 1) << 14)
        return Array("RIFF".utf8) + le(30, 4) + Array("WEBPVP8L".utf8) + le(10, 4) + [0x2F] + le(bits, 4)
            + [0, 0, 0, 0, 0]
    }

    static func webpExtended(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + le(30, 4) + Array("WEBPVP8X".utf8) + le(10, 4) + [0, 0, 0, 0] + le(width - 1, 3)
            + le(height - 1, 3)
    }

    static func be(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func le(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    @Test func readsEachFormat() {
        #expect(ImageHeader.read(Self.png(1280, 720)) == ImageHeader(format: .png, width: 1280, height: 720))
        #expect(ImageHeader.read(Self.jpeg(720, 1280)) == ImageHeader(format: .jpeg, width: 720, height: 1280))
        #expect(ImageHeader.read(Self.webpLossy(1792, 1024)) == ImageHeader(format: .webp, width: 1792, height: 1024))
        #expect(
            ImageHeader.read(Self.webpLossless(1024, 1792)) == ImageHeader(format: .webp, width: 1024, height: 1792))
        #expect(ImageHeader.read(Self.webpExtended(16383, 1)) == ImageHeader(format: .webp, width: 16383, height: 1))
        #expect(ImageHeader.read(Self.png(1280, 720))?.size == "1280x720")
    }

    @Test func skipsLargeJPEGMetadataBeforeTheFrame() {
        #expect(ImageHeader.read(Self.jpeg(1280, 720, exifBytes: 60_000))?.size == "1280x720")
    }

    @Test func rejectsWhatIsNotASupportedImage() {
        #expect(ImageHeader.read(Array("hello, world; not an image".utf8)) == nil)
        #expect(ImageHeader.read(Array(Self.png(10, 10).prefix(20))) == nil)
        #expect(ImageHeader.read(Array(Self.jpeg(10, 10).prefix(30))) == nil)
        #expect(ImageHeader.read([]) == nil)
        #expect(ImageHeader.read(Array("GIF89a".utf8) + Array(repeating: 0, count: 30)) == nil)
    }
}
