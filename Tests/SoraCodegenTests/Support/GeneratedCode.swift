import Foundation
import SoraCodegen
import TestSupport

/// Compiles generated Swift files as a module of their own against the `SoraRuntime` that `swift test` built, as
/// a package that depends on the `SoraRuntime` product would.
enum GeneratedCode {
    /// The outcome of one compile.
    struct Compile {
        let status: Int32
        let output: String
    }

    /// The build folder's `Modules` (where `SoraRuntime.swiftmodule` and its dependencies are).
    static var modules: URL {
        BuiltExecutable.url("sora-codegen").deletingLastPathComponent().appending(path: "Modules")
    }

    /// `swiftc` on the files: whole-module, to an object file in `folder`, so every diagnostic the compiler
    /// has (type checking and the checks after it) runs. Warnings count as failures.
    static func compile(_ files: [URL], in folder: URL, moduleName: String = "GeneratedClient") async throws
        -> Compile
    {
        let log = folder.appending(path: "swiftc.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        // At the lowest priority: the rest of the suite (timing-sensitive loopback tests) runs beside it.
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments =
            [
                "nice", "-n", "19", "swiftc", "-swift-version", "6", "-parse-as-library", "-wmo", "-warnings-as-errors",
                "-module-name", moduleName, "-I", modules.path, "-c", "-o", folder.appending(path: "client.o").path,
            ] + files.map(\.path)
        process.currentDirectoryURL = folder
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try await process.runUntilExit()
        try handle.close()
        return Compile(status: process.terminationStatus, output: try String(contentsOf: log, encoding: .utf8))
    }

    /// Writes `result`'s files (flattened: `Models/A.swift` → `Models_A.swift`) into a new folder and compiles them
    /// as above; the folder is removed.
    static func compile(_ result: GenerationResult) async throws -> Compile {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try result.files.map { file in
            let url = folder.appending(path: file.path.replacingOccurrences(of: "/", with: "_"))
            try Data(file.contents.utf8).write(to: url)
            return url
        }
        return try await compile(urls, in: folder)
    }
}
