import ArgumentParser
import SoraCodegen

/// Regenerates the Swift client from the OpenAPI spec.
@main
struct SoraCodegenCommand: ParsableCommand {
    func run() throws {}
}
