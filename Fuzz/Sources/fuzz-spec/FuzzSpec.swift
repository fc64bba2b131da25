import SoraCodegen
import YAML

/// libFuzzer's entry point: one input through the YAML parser, then through the whole generator.
///
/// Any crash, hang or memory blow-up is a finding; so is a diagnostic without a line and column, or errors that still
/// produced files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        if let root = try YAMLParser.parse(bytes) { _ = root.kind }
    } catch {
        precondition(error.mark.line >= 1 && error.mark.column >= 1, "YAML error without a place: \(error)")
    }
    let result = Generator.generate(spec: bytes, specPath: "fuzz.yaml")
    for diagnostic in result.diagnostics {
        precondition(diagnostic.mark.line >= 1 && diagnostic.mark.column >= 1, "no place: \(diagnostic)")
    }
    precondition(!result.hasErrors || result.files.isEmpty, "files generated despite errors")
    return 0
}
