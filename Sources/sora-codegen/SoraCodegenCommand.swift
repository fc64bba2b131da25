import ArgumentParser
import SoraCodegen

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generates a Swift client from an OpenAPI document, as `sora-codegen.yaml` and the flags say.
@main
struct SoraCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sora-codegen",
        abstract: "Generate a Swift client from an OpenAPI 3.0 or 3.1 document.",
        discussion: """
            Settings come from sora-codegen.yaml (--config FILE; else the one in the working directory, the one \
            next to --spec, or the only one in a folder just below, such as spec/sora-codegen.yaml); flags \
            override it. Paths in the file are relative to its folder. --tag, --operation and --path select \
            operations (their union); any of them replaces the file's whole filter.

            A run whose inputs and output are as the last run left them prints the same result from a record \
            under .build/sora-codegen/ without generating again (--no-cache to generate anyway).

            Exit status: 0 success; 1 spec errors, a filter entry that selects nothing, or (with --check) output \
            out of date; 2 usage, configuration or I/O error.
            """)

    @Option(help: "The configuration file (default: found as described below).")
    var config: String?

    @Option(help: "The OpenAPI 3.0 or 3.1 document to read.")
    var spec: String?

    @Option(help: "The folder to write generated Swift files into (default: Generated/<client name>).")
    var output: String?

    @Option(help: "The client type's name (default: the spec's info.x-client-name, or APIClient).")
    var clientName: String?

    @Option(help: "public, or internal for code generated into the app's own module.")
    var accessModifier: String?

    @Option(name: .customLong("tag"), help: "Generate the operations with this tag (repeatable; any case).")
    var tags: [String] = []

    @Option(name: .customLong("operation"), help: "Generate the operation with this operationId (repeatable).")
    var operations: [String] = []

    @Option(
        name: .customLong("path"),
        help: "Generate the operations of this path template; a trailing * matches a prefix (repeatable).")
    var paths: [String] = []

    @Flag(help: "Write nothing; exit 1 and print a unified diff when the output is not what the spec produces.")
    var check = false

    @Flag(help: "Generate even when the inputs and output are as the last run left them.")
    var noCache = false

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            printError(fullMessage(for: error))
            terminate(2)
        }
    }

    func run() throws {
        let settings = RunSettings.resolve(self)
        let cache = settings.cache
        let key = settings.cacheKey
        if !check, !noCache, let cache, let key, let output = settings.outputPath,
            let hit = cache.lookup(key: key, output: output)
        {
            for line in hit.diagnostics { Self.printError(line) }
            print("\(settings.display(output)): 0 written, \(hit.files.count) unchanged, 0 deleted")
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(settings.specPath)
        } catch {
            Self.fail("cannot read \(settings.display(settings.specPath)): \(error.reason)", status: 2)
        }
        // With the output folder known, files go to disk as they are rendered (staged, put in place at the end).
        var session: OutputSession?
        if !check, let output = settings.outputPath {
            do {
                session = try OutputSession(directory: URL(filePath: output, directoryHint: .isDirectory))
            } catch {
                Self.fail("cannot write \(settings.display(output)): \(error)", status: 2)
            }
        }
        let result: GenerationResult
        do {
            result = try Generator.generate(
                spec: consume bytes, specPath: settings.specDisplay, options: settings.options, sink: session)
        } catch {
            session?.abandon()
            cache?.clear()
            Self.fail("cannot write \(settings.display(settings.outputPath ?? "")): \(error)", status: 2)
        }
        for diagnostic in result.diagnostics { Self.printError(diagnostic.description) }
        for problem in result.selectionProblems { Self.printError(settings.describe(problem)) }
        if result.hasErrors {
            session?.abandon()
            cache?.clear()
            let count = result.diagnostics.filter { $0.severity == .error }.count + result.selectionProblems.count
            Self.fail("\(count) error\(count == 1 ? "" : "s"); nothing was written", status: 1)
        }
        let output = settings.outputPath ?? settings.defaultOutput(clientName: result.clientName)
        let shown = settings.display(output)
        let writer = OutputWriter(directory: URL(filePath: output, directoryHint: .isDirectory))
        do {
            if check {
                let (summary, diff) = try writer.compare(result.files)
                if summary.written.isEmpty && summary.deleted.isEmpty {
                    print("\(shown) is up to date (\(summary.unchanged.count) files)")
                    return
                }
                print(diff, terminator: "")
                let counts = summary.line.replacing("written", with: "to write")
                Self.fail("\(shown) is out of date: \(counts); run sora-codegen to update it", status: 1)
            }
            let summary = try session?.commit() ?? writer.write(result.files)
            print("\(shown): \(summary.line)")
            if let cache, let key, !noCache {
                cache.store(
                    key: key, output: output, files: (summary.written + summary.unchanged).sorted(),
                    diagnostics: result.diagnostics.map(\.description))
            }
        } catch {
            session?.abandon()
            cache?.clear()
            Self.fail("cannot write \(shown): \(error)", status: 2)
        }
    }

    static func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        printError("sora-codegen: error: \(message)")
        terminate(status)
    }
}

/// Ends the process (`exit` inside the command type would name ArgumentParser's `exit(withError:)`).
func terminate(_ status: Int32) -> Never {
    exit(status)
}
