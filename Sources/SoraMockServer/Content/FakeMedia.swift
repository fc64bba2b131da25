/// Small, structurally valid media files whose bytes depend only on the job.
enum FakeMedia {
    /// A downloadable asset: its bytes and `Content-Type`.
    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    /// The asset for `variant` (`video`, `thumbnail`, `spritesheet`) of `job`, or nil for an unknown variant.
    static func asset(_ variant: String, for job: Job) -> Asset? {
        switch variant {
        case "video":
            let seconds = CheckedNumber.integer(job.seconds, in: CreateRules.secondsRange) ?? 4
            return Asset(bytes: mp4(seed: job.id, seconds: seconds), contentType: "video/mp4")
        case "thumbnail": return Asset(bytes: webp, contentType: "image/webp")
        case "spritesheet": return Asset(bytes: jpeg(comment: job.id), contentType: "image/jpeg")
        default: return nil
        }
    }

    /// An MP4: `ftyp` first, then `moov` with a movie header, then `mdat` with 48 KiB of seeded bytes.
    /// The header's duration saturates at `UInt32.max` milliseconds for any `seconds`.
    static func mp4(seed: String, seconds: Int) -> [UInt8] {
        var ftyp = Array("isom".utf8) + be32(0x200)
        ftyp += Array("isomiso2avc1mp41".utf8)
        let (milliseconds, overflowed) = max(0, seconds).multipliedReportingOverflow(by: 1_000)
        let duration = overflowed ? UInt32.max : UInt32(clamping: milliseconds)
        var mvhd = be32(0) + be32(0) + be32(0) + be32(1_000) + be32(duration)
        mvhd += be32(0x0001_0000) + [0x01, 0x00] + [UInt8](repeating: 0, count: 10)
        let matrix: [UInt32] = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000]
        mvhd += matrix.flatMap(be32) + [UInt8](repeating: 0, count: 24) + be32(2)
        var hash = Fingerprint()
        hash.add(Array(seed.utf8))
        var state = hash.value | 1
        var payload = [UInt8]()
        payload.reserveCapacity(48 << 10)
        while payload.count < 48 << 10 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            payload += withUnsafeBytes(of: state.littleEndian, Array.init)
        }
        return box("ftyp", ftyp) + box("moov", box("mvhd", mvhd)) + box("mdat", payload)
    }

    /// A lossless 1×1 WebP (RIFF, `WEBP`, one `VP8L` chunk).
    static let webp: [UInt8] = [
        0x52, 0x49, 0x46, 0x46, 0x1A, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4C,
        0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE,
        0x07, 0x00,
    ]

    /// A baseline grayscale 80×48 JPEG of flat grey, with the job id in a comment segment.
    static func jpeg(comment: String, width: Int = 80, height: Int = 48) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        let text = Array(comment.utf8.prefix(200))
        bytes += segment(0xFE, text)
        bytes += segment(0xDB, [0x00] + [UInt8](repeating: 1, count: 64))
        bytes += segment(0xC0, [8] + be16(height) + be16(width) + [1, 1, 0x11, 0])
        // One-symbol Huffman tables: DC category 0 and AC end-of-block, each the one-bit code `0`.
        bytes += segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0x00])
        bytes += segment(0xC4, [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0x00])
        bytes += segment(0xDA, [1, 1, 0x00, 0, 63, 0])
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        let bits = blocks * 2
        bytes += [UInt8](repeating: 0x00, count: bits / 8)
        if bits % 8 != 0 { bytes.append(UInt8(0xFF >> (bits % 8))) }
        return bytes + [0xFF, 0xD9]
    }

    private static func box(_ type: String, _ body: [UInt8]) -> [UInt8] {
        be32(UInt32(8 + body.count)) + Array(type.utf8) + body
    }

    private static func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(body.count + 2) + body
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func be16(_ value: Int) -> [UInt8] {
        [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
