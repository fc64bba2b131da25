import Foundation
import Testing

/// SoraRuntime's public API is recorded in `api/SoraRuntime.txt`, so a change to what apps can call is a reviewed
/// diff rather than an accident. What only generated code calls is `@_spi(Generated)` and is not in the list.
/// After a deliberate change: `SORA_RECORD_API=1 swift test --filter PublicAPITests`.
@Suite struct PublicAPITests {
    static let recorded = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "api/SoraRuntime.txt")

    @Test func theRuntimesPublicAPIIsTheRecordedOne() async throws {
        let lines = try await PublicSymbols.lines(of: "SoraRuntime")
        let text =
            "# SoraRuntime's public API: \(lines.count) symbols (path | declaration), SPI excluded.\n"
            + "# Regenerate after a deliberate change: SORA_RECORD_API=1 swift test --filter PublicAPITests\n"
            + lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["SORA_RECORD_API"] == "1" {
            try text.write(to: Self.recorded, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: Self.recorded, encoding: .utf8)) ?? ""
        let added = Set(lines).subtracting(expected.split(separator: "\n").map(String.init)).sorted()
        let removed = Set(expected.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
            .subtracting(lines).sorted()
        #expect(
            text == expected,
            """
            SoraRuntime's public API differs from api/SoraRuntime.txt.
            added: \(added.joined(separator: "\n  "))
            removed: \(removed.joined(separator: "\n  "))
            """)
    }

    @Test func generatedOnlyDeclarationsStayOutOfThePublicAPI() async throws {
        let names = Set(try await PublicSymbols.lines(of: "SoraRuntime").map { $0.prefix { $0 != "." && $0 != " " } })
        for plumbing in ["APIClientCore", "OperationRequest", "OperationResponse", "Validator", "MultipartForm"] {
            #expect(!names.contains(Substring(plumbing)), "\(plumbing) is public to apps")
        }
        #expect(names.contains("SoraError"))
        #expect(names.contains("ClientConfiguration"))
    }
}
