import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code [sora-codegen flags]`: runs sora-codegen in
/// the folder of the package it is invoked on, which reads that package's `sora-codegen.yaml`.
@main
struct SoraCodegenPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let folder = context.package.directoryURL
        let hasConfiguration = FileManager.default.fileExists(
            atPath: folder.appending(path: "sora-codegen.yaml").path(percentEncoded: false))
        if !hasConfiguration && !arguments.contains(where: { $0 == "--config" || $0 == "--spec" }) {
            let message =
                "\(context.package.displayName) has no sora-codegen.yaml: add one beside Package.swift, e.g.\n"
                + "  spec: openapi.yaml\n  output: Sources/MyApp/Generated\n  accessModifier: internal\n"
                + "(or pass --spec FILE --output FOLDER after generate-code)"
            Diagnostics.error(message)
            throw GenerationFailed(message: message)
        }
        let tool = try context.tool(named: "sora-codegen")
        let process = Process()
        process.executableURL = tool.url
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
