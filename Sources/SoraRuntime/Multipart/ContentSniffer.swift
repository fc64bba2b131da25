/// The content type of an image, read from its first bytes rather than its name.
@_spi(Generated) public enum ContentSniffer {
    /// `image/png`, `image/jpeg`, `image/webp`, or `application/octet-stream`.
    public static func contentType(of head: some Collection<UInt8>) -> String {
        let bytes = Array(head.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x45, 0x42, 0x50] {
            return "image/webp"
        }
        return "application/octet-stream"
    }
}
