import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sora-client [sora-codegen flags]`: runs sora-codegen
/// in the package it is invoked on, once per `sora-codegen.yaml` it has (beside `Package.swift` or in a folder just
/// below, e.g. next to the spec), so one package can hold several clients.
@main
struct GenerateSoraClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let folder = context.package.directoryURL
        let tool = try context.tool(named: "sora-codegen")
        // Flags that name the inputs themselves run sora-codegen once, as given.
        if arguments.contains(where: { $0 == "--config" || $0 == "--spec" || $0.hasPrefix("--config=") }) {
            try run(tool.url, arguments, in: folder)
            return
        }
        let configurations = Self.configurations(in: folder)
        guard !configurations.isEmpty else {
            let message =
                "\(context.package.displayName) has no sora-codegen.yaml: add one next to your OpenAPI document, e.g.\n"
                + "  spec: openapi.yaml\n  output: Sources/MyApp/Generated\n  accessModifier: internal\n"
                + "(or pass --spec FILE --output FOLDER after generate-sora-client)"
            Diagnostics.error(message)
            throw GenerationFailed(message: message)
        }
        for configuration in configurations {
            try run(tool.url, ["--config", configuration] + arguments, in: folder)
        }
    }

    /// `sora-codegen.yaml` beside `Package.swift` and in the folders just below it (not hidden ones), sorted.
    static func configurations(in folder: URL) -> [String] {
        let manager = FileManager.default
        let root = folder.path(percentEncoded: false)
        var found: [String] = []
        if manager.fileExists(atPath: root + "/sora-codegen.yaml") { found.append("sora-codegen.yaml") }
        for name in ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted() where !name.hasPrefix(".") {
            if manager.fileExists(atPath: root + "/" + name + "/sora-codegen.yaml") {
                found.append(name + "/sora-codegen.yaml")
            }
        }
        return found
    }

    private func run(_ tool: URL, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = folder
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit && process.terminationStatus == 0 else {
            let message = "sora-codegen exited with status \(process.terminationStatus) (its messages are above)"
            Diagnostics.error(message)
            throw GenerationFailed(message: message)
        }
    }
}

/// sora-codegen could not run or reported errors.
struct GenerationFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
