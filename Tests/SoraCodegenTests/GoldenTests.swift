import Foundation
import SoraCodegen
import Testing

/// Whole-file goldens: the generator's output for each spec, byte for byte.
///
/// Re-record after an intended change with `SORA_RECORD_GOLDENS=1 swift test --filter GoldenTests`;
/// the run that re-records fails on purpose, so a re-record is never silent. Run it again to see it pass.
@Suite struct GoldenTests {
    struct Golden: CustomTestStringConvertible, Sendable {
        /// The spec, relative to the package root (also the path in generated headers).
        let spec: String
        /// The committed output folder, relative to the package root.
        let output: String
        /// The operations and settings, as `sora-codegen.yaml` or the flags would give them.
        var options = GenerationOptions()
        var testDescription: String { options.filter.isEmpty ? spec : "\(spec) \(options.filter)" }
    }

    static let goldens = [
        Golden(spec: "spec/sora-2.yaml", output: "Generated/SoraClient"),
        Golden(spec: "Tests/SoraCodegenTests/Fixtures/petstore-edge/spec.yaml", output: "Tests/Goldens/petstore-edge"),
        Golden(spec: "Tests/SoraCodegenTests/Fixtures/hostile/spec.yaml", output: "Tests/Goldens/hostile"),
        Golden(spec: "Tests/SoraCodegenTests/Fixtures/composition/spec.yaml", output: "Tests/Goldens/composition"),
        // Two corpus documents as published (compiled by CorpusTests): OpenAPI 3.0 forms and keys, 3.1 multipart.
        Golden(spec: "Tests/Corpus/vonage-sms/openapi.yaml", output: "Tests/Goldens/corpus-vonage-sms"),
        Golden(spec: "Tests/Corpus/livepeer-ai/openapi.yaml", output: "Tests/Goldens/corpus-livepeer-ai"),
        // The Videos tag of the upstream OpenAI document as published (run against sora-mock by UpstreamVideosTests).
        Golden(
            spec: "Tests/Upstream/openai/openapi.yaml", output: "Tests/Goldens/openai-videos",
            options: GenerationOptions(filter: OperationFilter(tags: ["Videos"]))),
    ]

    @Test(arguments: goldens)
    func outputMatchesGolden(_ golden: Golden) throws {
        let result = Generator.generate(
            spec: try Paths.bytes(Paths.root.appending(path: golden.spec)), specPath: golden.spec,
            options: golden.options)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let writer = OutputWriter(directory: Paths.root.appending(path: golden.output))
        let (summary, diff) = try writer.compare(result.files)
        if ProcessInfo.processInfo.environment["SORA_RECORD_GOLDENS"] == "1" {
            let written = try writer.write(result.files)
            Issue.record("re-recorded \(golden.output) (\(written.line)); unset SORA_RECORD_GOLDENS and run again")
            return
        }
        #expect(
            summary.written.isEmpty && summary.deleted.isEmpty,
            "\(golden.output) differs from what \(golden.spec) produces:\n\(diff)")
    }
}
