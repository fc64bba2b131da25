import YAML

/// `sora-codegen.yaml`: where the spec is, where the output goes, the client's name, the access level and
/// the operations to generate. Paths in it are relative to the file's own folder.
///
/// ```yaml
/// spec: spec/sora-2.yaml
/// output: Generated/SoraClient
/// clientName: SoraClient
/// accessModifier: public
/// filter:
///   tags: [Videos]
///   operations: [GetVideo]
///   paths: ["/videos/{video_id}", "/videos*"]
/// ```
public struct CodegenConfiguration: Sendable, Equatable {
    /// The file name looked for in the working directory.
    public static let fileName = "sora-codegen.yaml"

    /// `spec`, as written.
    public var spec: String?
    /// `output`, as written.
    public var output: String?
    /// `clientName`.
    public var clientName: String?
    /// `accessModifier`: true for `public` (the default), false for `internal`.
    public var publicAccess: Bool?
    /// `filter`.
    public var filter = OperationFilter()
    /// Where each filter entry is, so that an entry that selects nothing is reported at its line.
    public var filterMarks: [SelectionProblem.List: [String: Mark]] = [:]

    /// Creates an empty configuration.
    public init() {}

    static let keys = ["spec", "output", "clientName", "accessModifier", "filter"]
    static let filterKeys = ["tags", "operations", "paths"]

    /// Reads the file's bytes; every mistake is a diagnostic at its line and column in `file`.
    public static func parse(_ bytes: [UInt8], file: String) -> (CodegenConfiguration, errors: [Diagnostic]) {
        var reader = ConfigurationReader(file: file)
        let configuration = reader.read(bytes)
        return (configuration, reader.problems)
    }
}

/// Reads `sora-codegen.yaml` through the YAML module, collecting every mistake.
private struct ConfigurationReader {
    let file: String
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at mark: Mark) {
        problems.append(Diagnostic(.error, message, at: mark, file: file))
    }

    mutating func read(_ bytes: [UInt8]) -> CodegenConfiguration {
        var configuration = CodegenConfiguration()
        let root: Node
        do {
            guard let parsed = try YAMLParser.parse(bytes) else { return configuration }
            root = parsed
        } catch {
            self.error(error.message, at: error.mark)
            return configuration
        }
        if root.isNull { return configuration }
        guard let entries = root.mapping else {
            self.error(
                "expected a mapping of settings (spec, output, clientName, accessModifier, filter)", at: root.mark)
            return configuration
        }
        checkKeys(entries, allowed: CodegenConfiguration.keys, in: "sora-codegen.yaml")
        configuration.spec = entries["spec"].flatMap { string($0, "'spec'") }
        configuration.output = entries["output"].flatMap { string($0, "'output'") }
        if let node = entries["clientName"], let name = string(node, "'clientName'") {
            if SwiftNames.isPlainIdentifier(name) {
                configuration.clientName = name
            } else {
                self.error("'clientName' must be a Swift type name, found '\(name)'", at: node.mark)
            }
        }
        if let node = entries["accessModifier"], let access = string(node, "'accessModifier'") {
            switch access {
            case "public": configuration.publicAccess = true
            case "internal": configuration.publicAccess = false
            default: self.error("'accessModifier' must be public or internal, found '\(access)'", at: node.mark)
            }
        }
        if let node = entries["filter"] { readFilter(node, into: &configuration) }
        return configuration
    }

    private mutating func readFilter(_ node: Node, into configuration: inout CodegenConfiguration) {
        if node.isNull { return }
        guard let entries = node.mapping else {
            error("'filter' must be a mapping with tags, operations and paths", at: node.mark)
            return
        }
        checkKeys(entries, allowed: CodegenConfiguration.filterKeys, in: "'filter'")
        for (key, list) in [("tags", SelectionProblem.List.tag), ("operations", .operation), ("paths", .path)] {
            guard let value = entries[key] else { continue }
            var items: [(String, Mark)] = []
            if let sequence = value.sequence {
                for item in sequence {
                    if let text = string(item, "an entry of 'filter.\(key)'") { items.append((text, item.mark)) }
                }
            } else if let text = string(value, "'filter.\(key)' (a list, or one string)") {
                items.append((text, value.mark))
            }
            for (text, mark) in items {
                switch list {
                case .tag: configuration.filter.tags.append(text)
                case .operation: configuration.filter.operations.append(text)
                case .path: configuration.filter.paths.append(text)
                }
                configuration.filterMarks[list, default: [:]][text] = configuration.filterMarks[list]?[text] ?? mark
            }
        }
    }

    private mutating func checkKeys(_ entries: MappingEntries, allowed: [String], in place: String) {
        for entry in entries {
            guard let key = entry.key.scalarText else {
                error("a key in \(place) must be a plain string", at: entry.key.mark)
                continue
            }
            if !allowed.contains(key) {
                error(
                    "unknown key '\(key)' in \(place); the keys are "
                        + allowed.joined(separator: ", ")
                        + Self.closest(key, allowed), at: entry.key.mark)
            }
        }
    }

    private static func closest(_ key: String, _ allowed: [String]) -> String {
        let best = allowed.min { EditDistance.between(key, $0) < EditDistance.between(key, $1) }
        guard let best, EditDistance.between(key.lowercased(), best.lowercased()) <= 3 else { return "" }
        return " (did you mean '\(best)'?)"
    }

    private mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, !node.isNull, !scalar.text.isEmpty else {
            error("\(what) must be a string, found \(node.isNull ? "nothing" : node.kindName)", at: node.mark)
            return nil
        }
        return scalar.text
    }
}
