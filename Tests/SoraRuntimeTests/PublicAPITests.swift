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

    /// Every symbol an app can call says what it is in one line (DocC shows it as the summary); a symbol whose
    /// comment lives on the protocol requirement it implements counts, as DocC shows that one.
    @Test(arguments: ["SoraRuntime", "SoraClient"])
    func everyPublicSymbolHasASummary(_ module: String) async throws {
        let symbols = try await PublicSymbols.symbols(of: module)
        #expect(symbols.count > 20)
        let missing = symbols.filter {
            $0.summary == nil
                && !Self.documentedByTheirProtocol.contains($0.path.split(separator: ".").last.map(String.init) ?? "")
        }
        #expect(missing.isEmpty, "no summary: \(missing.map(\.path).sorted().joined(separator: ", "))")
    }

    /// Members that implement a standard protocol's requirement, whose documentation is the protocol's.
    static let documentedByTheirProtocol: Set<String> = [
        "init(from:)", "encode(to:)", "hash(into:)", "hashValue", "description", "init(rawValue:)", "rawValue",
        "init(stringLiteral:)", "init(integerLiteral:)", "init(floatLiteral:)", "init(booleanLiteral:)",
        "init(nilLiteral:)", "init(arrayLiteral:)", "init(dictionaryLiteral:)", "makeAsyncIterator()", "next()",
        "==(_:_:)", "errorDescription", "debugDescription",
    ]
}
