import Foundation
import TestSupport

/// The documents whose snippets are checked, and the built tools the checks use.
enum Documentation {
    /// The package root.
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The folders of DocC catalogs, relative to the root.
    static let catalogs = ["Sources/SoraRuntime/SoraRuntime.docc", "Generated/SoraClient/SoraClient.docc"]

    /// Every checked Markdown document, relative to the root, sorted: the README, `Documentation/` and the
    /// articles of the DocC catalogs.
    static var documents: [String] {
        var found = ["README.md"]
        for folder in ["Documentation"] + catalogs {
            found += files(under: folder) { $0.hasSuffix(".md") }
        }
        return found.sorted()
    }

    /// The DocC tutorials' code files (`Resources/*.swift`), relative to the root, sorted.
    static var tutorialCode: [String] {
        catalogs.flatMap { files(under: $0) { $0.hasSuffix(".swift") } }.sorted()
    }

    /// The folder holding the built executables and `Modules/`.
    static var buildFolder: URL { BuiltExecutable.url("sora").deletingLastPathComponent() }

    /// The paths below `folder` (relative to the root) whose names `include` accepts.
    private static func files(under folder: String, _ include: (String) -> Bool) -> [String] {
        let items = FileManager.default.enumerator(atPath: root.appending(path: folder).path)?.allObjects ?? []
        return items.compactMap { $0 as? String }.filter(include).map { "\(folder)/\($0)" }
    }

    /// The text of `document`.
    static func text(_ document: String) throws -> String {
        try String(contentsOf: root.appending(path: document), encoding: .utf8)
    }
}
