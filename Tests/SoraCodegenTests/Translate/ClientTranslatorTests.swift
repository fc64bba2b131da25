import SoraCodegen
import Testing

/// The client type: its name, its documentation from `info`, and its servers with their variables' defaults.
@Suite struct ClientTranslatorTests {
    private typealias Spec = TranslationSpec

    @Test func serversWithVariablesUseTheirDefaultsAndDocumentTheChoices() {
        let result = Spec.generate(
            Spec.text(
                schemas: "    Seed: {type: string}",
                extra: """
                    servers:
                      - url: 'https://{region}.example.com/{version}'
                        variables:
                          region: {default: eu, enum: [eu, us]}
                          version: {default: v1}
                      - url: https://backup.example.com
                    """))
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "APIClient.swift")
        #expect(
            file.contains(
                """
                    /// The servers the spec lists; the first is the default base URL.
                    ///
                    /// `https://{region}.example.com/{version}`, here with its defaults; pass another `baseURL` for:
                    /// - `region`: eu, us (default `eu`)
                    /// - `version`: any value (default `v1`)
                    public static let servers: [String] = ["https://eu.example.com/v1", "https://backup.example.com"]

                """))
    }

    @Test func theInfoDocumentsTheClientAndCannotEndItsComment() {
        let text = Spec.text(schemas: "    Seed: {type: string}").replacingOccurrences(
            of: "info: {title: T, version: \"1\"}",
            with: "info: {title: \"My \\\"API\\\" */\", version: \"2.0\\n}\", description: \"One\\n\\nTwo */\"}")
        let result = Spec.generate(text)
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "APIClient.swift")
        #expect(
            file.contains(
                "/// My \"API\" */\n///\n/// One\n///\n/// Two */\n///\n/// Spec: `#/info` (version 2.0\n/// })\n"
                    + "public struct APIClient: Sendable {\n"))
        #expect(file.contains("import Foundation\n@_spi(Generated) import SoraRuntime\n"))
    }

    @Test func theClientNameComesFromTheSpecAndNamesTheFileAndTheExtensions() {
        let text = Spec.text(
            schemas: "    Seed: {type: string}",
            paths: "  /a:\n    get:\n      operationId: getA\n      responses: {\"204\": {description: ok}}"
        ).replacingOccurrences(
            of: "info: {title: T, version: \"1\"}", with: "info: {title: T, version: \"1\", x-client-name: ZooClient}")
        let result = Spec.generate(text)
        #expect(result.clientName == "ZooClient")
        #expect(Spec.file(result, "ZooClient.swift").contains("public struct ZooClient: Sendable {\n"))
        #expect(Spec.file(result, "Operations/Default.swift").contains("extension ZooClient {\n"))
        #expect(Spec.file(result, "APIClient.swift").isEmpty)
    }
}
