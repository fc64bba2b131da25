/// The parts of a create request that the server keeps: known text fields and the head of the file part.
struct ParsedForm: Sendable {
    /// Text fields by name (only the names the create operation knows).
    var fields: [String: String] = [:]
    /// The `input_reference` file part, if one was sent.
    var file: FilePart?

    /// What the server keeps of an uploaded file: its first bytes (enough to sniff type and size), length and hash.
    struct FilePart: Sendable {
        var filename: String?
        var contentType: String?
        var head: [UInt8] = []
        var length = 0
        var hash = Fingerprint()
    }

    /// A hash of the request's meaning, independent of boundary and part order, for idempotency checks.
    func fingerprint() -> UInt64 {
        var hash = Fingerprint()
        for name in fields.keys.sorted() {
            hash.add(Array(name.utf8))
            hash.add([0])
            hash.add(Array(fields[name]!.utf8))
            hash.add([0])
        }
        if let file {
            hash.add(Array("file:\(file.length):\(file.hash.value)".utf8))
        }
        return hash.value
    }
}

/// 64-bit FNV-1a, enough to tell two request bodies apart in a mock.
struct Fingerprint: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes `bytes` into the hash.
    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}
