import PackagePlugin

@main
struct GenerateSoraClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
