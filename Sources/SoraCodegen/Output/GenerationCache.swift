/// Remembers a finished run so that running again on the same inputs, with the output untouched, costs a few
/// `stat` calls instead of parsing and generating.
///
/// The key says what went in (the caller builds it from the generator, spec and configuration files' sizes,
/// times and inodes, and the options); the record says what came out: every generated file and folder with
/// its size, times and inode after the run, and the diagnostics printed. Any change to an input or to the
/// output (an edit, a deleted or added file) misses, and the run is done in full. The record lives under the
/// package's `.build/`, never beside the generated code.
public struct GenerationCache: Sendable {
    /// What a hit returns: what the full run printed.
    public struct Hit: Sendable, Equatable {
        /// The diagnostics, one line each.
        public var diagnostics: [String]
        /// The generated files' relative paths, in path order.
        public var files: [String]
    }

    /// The record's path.
    public let file: String
    static let formatLine = "sora-codegen cache 1"

    /// A cache kept in `file`.
    public init(file: String) { self.file = file }

    /// The record of the last run when `key` is the same and `output` is exactly as that run left it.
    public func lookup(key: String, output: String) -> Hit? {
        guard let bytes = try? FileSystem.readFile(file) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[0] == Self.formatLine, lines[1] == Self.escape(key),
            let diagnosticCount = Int(lines[2]), diagnosticCount >= 0, lines.count >= 3 + diagnosticCount + 1
        else { return nil }
        let diagnostics = lines[3..<(3 + diagnosticCount)].map { Self.unescape(String($0)) }
        var files: [String] = []
        for line in lines[(3 + diagnosticCount)...] where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let recorded = Self.identity(fields[1...]) else { return nil }
            let relative = String(fields[0])
            let isFolder = relative.hasSuffix("/")
            guard FileSystem.identity(relative == "/" ? output : output + "/" + relative) == recorded else {
                return nil
            }
            if !isFolder { files.append(relative) }
        }
        return Hit(diagnostics: diagnostics, files: files)
    }

    /// Records a finished run: `files` are the generated files' relative paths, read back from `output` now.
    public func store(key: String, output: String, files: [String], diagnostics: [String]) {
        var text = Self.formatLine + "\n" + Self.escape(key) + "\n\(diagnostics.count)\n"
        for line in diagnostics { text += Self.escape(line) + "\n" }
        let entries = ["/"] + OutputWriter.folders(of: files).map { $0 + "/" } + files
        for relative in entries {
            guard let identity = FileSystem.identity(relative == "/" ? output : output + "/" + relative) else {
                try? FileSystem.removeFile(file)
                return
            }
            text += relative + "\t" + Self.fields(identity) + "\n"
        }
        let slash = file.lastIndex(of: "/")
        if let slash { try? FileSystem.makeDirectory(String(file[..<slash])) }
        let temporary = file + OutputWriter.temporaryMarker + String(FileSystem.processID)
        do {
            try? FileSystem.removeFile(temporary)
            var bytes = text
            try bytes.withUTF8 { try FileSystem.createFile(temporary, bytes: UnsafeRawBufferPointer($0)) }
            try FileSystem.replace(file, with: temporary)
        } catch {
            try? FileSystem.removeFile(temporary)
        }
    }

    /// Forgets the last run (after a failed one).
    public func clear() {
        try? FileSystem.removeFile(file)
    }

    /// `size mtime ctime inode isDirectory` of a file, for a cache key.
    public static func stamp(_ path: String) -> String? {
        FileSystem.identity(path).map(fields)
    }

    private static func fields(_ identity: FileSystem.Identity) -> String {
        "\(identity.size)\t\(identity.modified)\t\(identity.changed)\t\(identity.inode)\t\(identity.isDirectory ? 1 : 0)"
    }

    private static func identity(_ fields: ArraySlice<Substring>) -> FileSystem.Identity? {
        let values = Array(fields)
        guard let size = Int64(values[0]), let modified = Int64(values[1]), let changed = Int64(values[2]),
            let inode = UInt64(values[3])
        else { return nil }
        return FileSystem.Identity(
            size: size, modified: modified, changed: changed, inode: inode, isDirectory: values[4] == "1")
    }

    /// One line: backslashes and newlines escaped.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacing("\\", with: "\\\\").replacing("\n", with: "\\n").replacing("\r", with: "\\r")
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
