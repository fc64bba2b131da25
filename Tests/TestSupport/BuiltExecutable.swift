import Foundation

/// Finds the package's executables (`sora`, `sora-mock`, `sora-codegen`) that `swift test` builds next to
/// the test bundle, so tests run them as users do.
public enum BuiltExecutable {
    /// The executable `name` in the test bundle's build folder (or an ancestor of it).
    public static func url(_ name: String) -> URL {
        let testBinary = URL(
            filePath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        while !folder.path.isEmpty && folder.path != "/" {
            let candidate = folder.appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(filePath: ".build/debug/\(name)")
    }
}
