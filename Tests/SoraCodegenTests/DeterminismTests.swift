import Foundation
import SoraCodegen
import Testing

/// Generation is a pure function of the spec bytes.
@Suite struct DeterminismTests {
    @Test func twoRunsGiveIdenticalBytes() throws {
        let bytes = try Paths.bytes(Paths.root.appending(path: "spec/sora-2.yaml"))
        let first = Generator.generate(spec: bytes, specPath: "spec/sora-2.yaml")
        let second = Generator.generate(spec: bytes, specPath: "spec/sora-2.yaml")
        #expect(first.files == second.files)
        #expect(first.files.count > 10)
    }

    @Test func aCopyOfTheSpecElsewhereGivesIdenticalBytes() async throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "spec"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Paths.root.appending(path: "spec/sora-2.yaml"), to: folder.appending(path: "spec/sora-2.yaml"))
        try FileManager.default.copyItem(
            at: Paths.root.appending(path: "spec/sora-codegen.yaml"),
            to: folder.appending(path: "spec/sora-codegen.yaml"))
        try Data("// swift-tools-version: 6.1\n".utf8).write(to: folder.appending(path: "Package.swift"))
        let run = try await Executable.run([], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let generated = try files(under: folder.appending(path: "Generated/SoraClient"))
        let committed = try files(under: Paths.root.appending(path: "Generated/SoraClient"))
        #expect(generated.keys.sorted() == committed.keys.sorted())
        for (path, bytes) in committed {
            #expect(generated[path] == bytes, "\(path) differs when generated in another folder")
        }
        for (_, bytes) in generated {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(folder.path), "an absolute path leaked")
        }
    }

    @Test func theCommittedClientIsFresh() async throws {
        let run = try await Executable.run(["--check"])
        #expect(run.status == 0, "Generated/SoraClient is stale; run `swift run sora-codegen`:\n\(run.stdout)")
        #expect(run.stdout.hasPrefix("Generated/SoraClient is up to date"))
    }

    /// The generated files below `folder`: `.swift` files outside the hand-written DocC catalog.
    private func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                url.pathExtension == "swift", !url.path.contains(".docc/")
            else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }
}
