import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sora-client`: runs sora-codegen in the package folder.
@main
struct GenerateSoraClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "sora-codegen")
        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = context.package.directoryURL
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit && process.terminationStatus == 0 else {
            Diagnostics.error("sora-codegen exited with status \(process.terminationStatus)")
            throw GenerationFailed(status: process.terminationStatus)
        }
    }
}

/// sora-codegen reported errors (they are printed above).
struct GenerationFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "sora-codegen exited with status \(status)" }
}
