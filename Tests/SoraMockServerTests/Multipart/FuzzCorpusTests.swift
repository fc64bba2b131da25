import Foundation
@_spi(Fuzzing) import SoraMockServer
import Testing

/// The fuzz target's seed corpus (and any crash it found, kept there) through the same entry point, at every
/// chunk size the target uses: the answer does not depend on how the body is split, and nothing traps.
@Suite struct FuzzCorpusTests {
    /// `Fuzz/Corpus/fuzz-multipart` in this checkout.
    static let corpus = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fuzz/Corpus/fuzz-multipart")

    /// Seeds that make a job; every other seed (and every `crash-*` finding) is refused.
    static let accepted: Set<String> = ["minimal", "all-fields", "png", "jpeg", "webp", "python-sample", "epilogue"]

    @Test func everySeedGivesTheSameAnswerAtEveryChunkSize() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(Set(names).isSuperset(of: Self.accepted))
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.corpus.appending(path: name)))
            let newline = try #require(bytes.prefix(300).firstIndex(of: 0x0A), "\(name)")
            let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
            let body = Array(bytes[(newline + 1)...])
            let answers = [1, 7, 64, 4_096].map {
                CreateRequestFuzzing.parse(contentType: contentType, body: body, chunkSize: $0)
            }
            #expect(answers == Array(repeating: Self.accepted.contains(name), count: 4), "\(name)")
        }
    }
}
