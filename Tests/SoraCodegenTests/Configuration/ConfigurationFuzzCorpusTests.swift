import Foundation
import SoraCodegen
import Testing

/// The `fuzz-config` seeds and corpus (Fuzz/) through the same checks as the fuzz target, in every test run.
@Suite struct ConfigurationFuzzCorpusTests {
    static let fuzz = Paths.root.appending(path: "Fuzz")

    @Test func everyInputKeepsTheTargetsPromises() throws {
        let document = try Paths.bytes(
            Paths.root.appending(path: "Tests/SoraCodegenTests/Fixtures/petstore-edge/spec.yaml"))
        var count = 0
        for folder in ["Seeds/fuzz-config", "Corpus/fuzz-config"] {
            let url = Self.fuzz.appending(path: folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let bytes = try Paths.bytes(url.appending(path: name))
                let (configuration, errors) = CodegenConfiguration.parse(bytes, file: "sora-codegen.yaml")
                count += 1
                for error in errors {
                    #expect(error.mark.line >= 1 && error.mark.column >= 1, "\(name): \(error)")
                    #expect(error.description.hasPrefix("sora-codegen.yaml:"), "\(name)")
                }
                guard errors.isEmpty else { continue }
                let result = Generator.generate(
                    spec: document, specPath: "spec.yaml",
                    options: GenerationOptions(
                        filter: configuration.filter, clientName: configuration.clientName,
                        publicAccess: configuration.publicAccess ?? true))
                #expect(!result.hasErrors || result.files.isEmpty, "\(name)")
                if !result.hasErrors {
                    #expect(result.files.contains { $0.path == "\(result.clientName).swift" }, "\(name)")
                }
            }
        }
        #expect(count > 300)
    }
}
