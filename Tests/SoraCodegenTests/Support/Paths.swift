import Foundation

/// Places in the package that tests read: found from this file's path, never from the working directory.
enum Paths {
    /// The package root.
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/SoraCodegenTests/Fixtures`.
    static let fixtures = root.appending(path: "Tests/SoraCodegenTests/Fixtures")
    /// `Tests/Goldens`.
    static let goldens = root.appending(path: "Tests/Goldens")

    /// Reads a file's bytes.
    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "sora-codegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
