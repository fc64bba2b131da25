import Testing

@testable import SoraMockServer

/// Pixel sizes read from PNG, JPEG and WebP headers; other bytes are not images.
@Suite struct ImageSizeTests {
    @Test func readsEachFormat() {
        #expect(ImageSize.read(TestImages.png(1280, 720)) == ImageSize(format: .png, width: 1280, height: 720))
        #expect(ImageSize.read(TestImages.jpeg(720, 1280)) == ImageSize(format: .jpeg, width: 720, height: 1280))
        #expect(ImageSize.read(TestImages.webp(1792, 1024)) == ImageSize(format: .webp, width: 1792, height: 1024))
        #expect(ImageSize.read(FakeMedia.webp) == ImageSize(format: .webp, width: 1, height: 1))
        #expect(ImageSize.read(FakeMedia.jpeg(comment: "x")) == ImageSize(format: .jpeg, width: 80, height: 48))
    }

    @Test func rejectsOtherBytes() {
        #expect(ImageSize.read(Array("GIF89a".utf8)) == nil)
        #expect(ImageSize.read([]) == nil)
        #expect(ImageSize.read([0xFF, 0xD8]) == nil)
    }
}
