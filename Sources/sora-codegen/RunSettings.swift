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

/// The settings of one run: `sora-codegen.yaml` (if any) with the flags laid over it, paths made absolute.
struct RunSettings {
    /// The spec to read.
    var specPath: String
    /// How the spec is named in generated headers and diagnostics: relative to the package root (the nearest
    /// folder with a `Package.swift` above the configuration or the working directory), so the output is the
    /// same from any machine and folder.
    var specDisplay: String
    /// The output folder, or nil for `Generated/<client name>` in `base`.
    var outputPath: String?
    /// The folder relative paths of the configuration are taken from.
    var base: String
    /// The package root (or `base` outside a package): where `.build/` and `Generated/` are.
    var root: String
    var options: GenerationOptions
    /// The configuration file read, if any.
    var configurationPath: String?
    /// Where each filter entry came from: `sora-codegen.yaml:7:5` or `--tag`.
    var origins: [SelectionProblem.List: [String: String]] = [:]
    let workingDirectory: String

    static func resolve(_ command: SoraCodegenCommand) -> RunSettings {
        let cwd = FileManager.default.currentDirectoryPath
        var configuration = CodegenConfiguration()
        var configurationPath: String?
        var foundImplicitly = false
        if let given = command.config {
            configurationPath = absolute(given, in: cwd)
        } else {
            configurationPath = discover(in: cwd, spec: command.spec.map { absolute($0, in: cwd) })
            foundImplicitly = configurationPath != nil
        }
        let configurationDisplay = configurationPath.map { relative($0, to: cwd) } ?? ""
        if let configurationPath {
            guard let bytes = FileManager.default.contents(atPath: configurationPath) else {
                SoraCodegenCommand.fail("cannot read \(configurationDisplay)", status: 2)
            }
            let (parsed, problems) = CodegenConfiguration.parse(Array(bytes), file: configurationDisplay)
            guard problems.isEmpty else {
                for problem in problems { SoraCodegenCommand.printError(problem.description) }
                SoraCodegenCommand.fail(
                    "\(configurationDisplay) has \(problems.count) error\(problems.count == 1 ? "" : "s")", status: 2)
            }
            configuration = parsed
        }
        let base = configurationPath.map { String($0[..<$0.lastIndex(of: "/")!]) } ?? cwd
        let root = packageRoot(above: base) ?? base
        let specPath: String
        if let flag = command.spec {
            specPath = absolute(flag, in: cwd)
        } else if let fromFile = configuration.spec {
            specPath = absolute(fromFile, in: base)
        } else {
            SoraCodegenCommand.fail(
                configurationPath == nil
                    ? "no spec: pass --spec FILE, or write \(CodegenConfiguration.fileName) here with `spec: FILE`"
                    : "\(configurationDisplay) names no spec: add `spec: FILE` or pass --spec FILE", status: 2)
        }
        let outputPath =
            command.output.map { absolute($0, in: cwd) } ?? configuration.output.map { absolute($0, in: base) }
        if foundImplicitly, command.spec != nil, command.output == nil, let configured = configuration.spec,
            absolute(configured, in: base) != specPath, let output = outputPath
        {
            // The file's output belongs to the file's spec: writing another document's client over it would
            // replace a client the user did not mean to touch.
            SoraCodegenCommand.fail(
                "--spec names another document than \(configurationDisplay) (\(configured)), but the output would "
                    + "still be its output (\(relative(output, to: cwd))); pass --output too, or --config FILE",
                status: 2)
        }
        var options = GenerationOptions()
        var origins: [SelectionProblem.List: [String: String]] = [:]
        let flagFilter = OperationFilter(tags: command.tags, operations: command.operations, paths: command.paths)
        if flagFilter.isEmpty {
            options.filter = configuration.filter
            for (list, marks) in configuration.filterMarks {
                for (value, mark) in marks { origins[list, default: [:]][value] = "\(configurationDisplay):\(mark)" }
            }
        } else {
            options.filter = flagFilter
        }
        if let name = command.clientName {
            guard SwiftNames.isPlainIdentifier(name) else {
                SoraCodegenCommand.fail("--client-name must be a Swift type name, found '\(name)'", status: 2)
            }
            options.clientName = name
        } else {
            options.clientName = configuration.clientName
        }
        switch command.accessModifier {
        case nil: options.publicAccess = configuration.publicAccess ?? true
        case "public": options.publicAccess = true
        case "internal": options.publicAccess = false
        case let other?:
            SoraCodegenCommand.fail("--access-modifier must be public or internal, found '\(other)'", status: 2)
        }
        return RunSettings(
            specPath: specPath, specDisplay: relativeOrName(specPath, to: root), outputPath: outputPath, base: base,
            root: root,
            options: options, configurationPath: configurationPath, origins: origins, workingDirectory: cwd)
    }

    /// `Generated/<client name>` in the package root (or the configuration's folder, or the working directory).
    func defaultOutput(clientName: String) -> String {
        root + "/Generated/" + clientName
    }

    /// The configuration that applies without `--config`: `sora-codegen.yaml` in the working directory; else the
    /// one next to `--spec`; else the only one in a folder just below (`spec/sora-codegen.yaml`). Several
    /// candidates there are a usage error that lists them.
    static func discover(in cwd: String, spec: String?) -> String? {
        let name = CodegenConfiguration.fileName
        if FileManager.default.fileExists(atPath: cwd + "/" + name) { return cwd + "/" + name }
        if let spec {
            let folder = String(spec[..<spec.lastIndex(of: "/")!])
            return FileManager.default.fileExists(atPath: folder + "/" + name) ? folder + "/" + name : nil
        }
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: cwd)) ?? []).sorted()
        let found = folders.filter {
            !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: cwd + "/" + $0 + "/" + name)
        }
        guard found.count <= 1 else {
            SoraCodegenCommand.fail(
                "several configurations: " + found.map { "\($0)/\(name)" }.joined(separator: ", ")
                    + "; choose one with --config", status: 2)
        }
        return found.first.map { cwd + "/" + $0 + "/" + name }
    }

    /// The nearest folder at or above `folder` that holds a `Package.swift`.
    static func packageRoot(above folder: String) -> String? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current + "/Package.swift") { return current }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// A path as the user would type it from the working directory.
    func display(_ path: String) -> String {
        Self.relative(path, to: workingDirectory)
    }

    /// A filter problem, prefixed with where the entry came from.
    func describe(_ problem: SelectionProblem) -> String {
        if let list = problem.list, let origin = origins[list]?[problem.value] {
            return "\(origin): error: \(problem.message)"
        }
        let flag =
            problem.list.map { " (--\($0.rawValue) \($0 == .path ? "'\(problem.value)'" : problem.value))" } ?? ""
        return "sora-codegen: error: \(problem.message)\(flag)"
    }

    // MARK: - Cache

    /// The record of the last run, under `.build/sora-codegen/` of the package root; nil when there is no
    /// `.build` there (not a package: nothing is created) or the output is not known up front.
    var cache: GenerationCache? {
        guard let outputPath, FileManager.default.fileExists(atPath: root + "/.build") else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in outputPath.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return GenerationCache(file: root + "/.build/sora-codegen/" + String(hash, radix: 16) + ".cache")
    }

    /// What went in: this executable, the spec and the configuration file as `stat` sees them, and the options.
    var cacheKey: String? {
        guard let executable = Self.executablePath, let tool = GenerationCache.stamp(executable),
            let spec = GenerationCache.stamp(specPath)
        else { return nil }
        let configuration = configurationPath.flatMap(GenerationCache.stamp) ?? "none"
        return [
            "tool \(executable) \(tool)", "spec \(specPath) \(spec)", "shown \(specDisplay)",
            "configuration \(configurationPath ?? "") \(configuration)", "output \(outputPath ?? "")",
            "options \(options)",
        ].joined(separator: " | ")
    }

    /// This executable's real path: a rebuilt generator never answers from its predecessor's record.
    static var executablePath: String? {
        #if os(Linux)
            let given = "/proc/self/exe"
        #else
            let given = CommandLine.arguments[0]
        #endif
        guard let resolved = realpath(given, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Paths

    static func absolute(_ path: String, in base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var text = URL(filePath: joined).standardizedFileURL.path(percentEncoded: false)
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// `path` relative to `base` when it is inside it; otherwise as it is.
    static func relative(_ path: String, to base: String) -> String {
        let folder = absolute(base, in: "/")
        if path.hasPrefix(folder + "/") { return String(path.dropFirst(folder.count + 1)) }
        return path
    }

    /// `path` relative to `base`, or only its file name when it is elsewhere: never an absolute path, which
    /// would differ between machines.
    static func relativeOrName(_ path: String, to base: String) -> String {
        let shown = relative(path, to: base)
        return shown.hasPrefix("/") ? String(shown[shown.index(after: shown.lastIndex(of: "/")!)...]) : shown
    }
}
