import ArgumentParser
import Foundation
import SoraCodegen

/// Regenerates the Swift client from the OpenAPI spec.
@main
struct SoraCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sora-codegen",
        abstract: "Generate the Swift client in Generated/SoraClient from spec/sora-2.yaml.",
        discussion: """
            Exit status: 0 success, 1 spec errors or (with --check) output out of date, 2 usage or I/O error.
            """)

    @Option(help: "The OpenAPI 3.0 or 3.1 document to read.")
    var spec = "spec/sora-2.yaml"

    @Option(help: "The folder to write generated Swift files into.")
    var output = "Generated/SoraClient"

    @Flag(help: "Write nothing; exit 1 and print a unified diff when the output is not what the spec produces.")
    var check = false

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    func run() throws {
        let specURL = URL(filePath: spec)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: specURL))
        } catch {
            fail("cannot read \(spec): \(error.localizedDescription)", status: 2)
        }
        let result = Generator.generate(spec: bytes, specPath: DisplayPath.relative(spec))
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        if result.hasErrors {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            fail("\(count) error\(count == 1 ? "" : "s"); nothing was written", status: 1)
        }
        let writer = OutputWriter(directory: URL(filePath: output, directoryHint: .isDirectory))
        do {
            if check {
                let (summary, diff) = try writer.compare(result.files)
                if summary.written.isEmpty && summary.deleted.isEmpty {
                    print("\(output) is up to date (\(summary.unchanged.count) files)")
                    return
                }
                print(diff, terminator: "")
                fail(
                    "\(output) is out of date: \(summary.line.replacingOccurrences(of: "written", with: "to write")); run `swift run sora-codegen`",
                    status: 1)
            }
            let summary = try writer.write(result.files)
            print("\(output): \(summary.line)")
        } catch {
            fail("cannot write \(output): \(error.localizedDescription)", status: 2)
        }
    }

    private func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("sora-codegen: error: \(message)\n".utf8))
        Foundation.exit(status)
    }
}

/// How the spec path appears in headers and diagnostics: relative to the working directory, never absolute.
enum DisplayPath {
    static func relative(_ path: String) -> String {
        let url = URL(filePath: path).standardizedFileURL
        let base = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
            .standardizedFileURL.path
        let full = url.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return url.lastPathComponent
    }
}
