import Foundation
@_spi(Generated) import SoraRuntime
import Testing

/// Image types come from magic bytes, never from names; anything else is `application/octet-stream`.
@Suite struct ContentSnifferTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
    static let webp: [UInt8] = Array("RIFF".utf8) + [0x24, 0x00, 0x00, 0x00] + Array("WEBPVP8 ".utf8)

    @Test(arguments: [
        (png + [0x00, 0x00, 0x00, 0x0D], "image/png"),
        (png, "image/png"),
        (jpeg, "image/jpeg"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        (webp, "image/webp"),
        (Array(webp.prefix(12)), "image/webp"),
    ])
    func imagesAreRecognised(bytes: [UInt8], type: String) {
        #expect(ContentSniffer.contentType(of: bytes) == type)
        #expect(ContentSniffer.contentType(of: Data(bytes)) == type)
    }

    @Test(
        arguments: [
            ([], "empty"),
            (Array(png.prefix(7)), "truncated png"),
            ([0xFF, 0xD8], "truncated jpeg"),
            (Array(webp.prefix(11)), "truncated webp"),
            (Array("RIFF\u{24}\0\0\0WAVEfmt ".utf8), "wav"),
            (Array("GIF89a".utf8), "gif"),
            (Array("hello, world".utf8), "text"),
            (Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), "svg"),
            ([0x00, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "png signature not at the start"),
        ] as [([UInt8], String)])
    func everythingElseIsOctetStream(bytes: [UInt8], what: String) {
        #expect(ContentSniffer.contentType(of: bytes) == "application/octet-stream", "\(what)")
    }
}
