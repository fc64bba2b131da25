import Synchronization

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

/// Writes generated files as they arrive, then puts them all in place at once: the output never sits in
/// memory whole, and nothing in the folder changes before `commit`.
///
/// - A folder that does not exist yet is written whole into a staging folder beside it (`.NAME.sora-codegen-PID`)
///   and renamed into place by `commit`.
/// - In an existing folder each arriving file is compared with the one on disk; a different one is written
///   beside it (`.FILE.swift.sora-codegen-PID`), and `commit` renames each over its target, then deletes the
///   generated files the run no longer produced.
/// - `abandon` (after errors) removes everything staged; the folder is as it was.
///
/// File names are made unique here, as `Generator.uniqueFileNames` does for an in-memory run: a file whose name
/// differs only in case from one already taken waits in memory until `commit` knows every name.
public final class OutputSession: GeneratedFileSink {
    private enum Verdict: Sendable {
        /// The same bytes are on disk.
        case unchanged
        /// Written to this temporary path.
        case staged(String)
        /// Not written yet: its name collides with another's, so its final name waits for `commit`.
        case waiting(String)
    }

    private struct State {
        var verdicts: [String: Verdict] = [:]
        var takenNames: Set<String> = []
        var madeFolders: Set<String> = []
        var checkedFolders: Set<String> = []
    }

    /// The output folder, without a trailing slash.
    let folder: String
    /// Where a new folder is staged; nil when the folder exists.
    let staging: String?
    /// The `.swift` files in the folder before the run, relative.
    private let present: Set<String>
    private let suffix = OutputWriter.temporaryMarker + String(FileSystem.processID)
    private let state = Mutex(State())

    /// Starts writing into `directory`; leftovers of interrupted runs in it are removed.
    public init(directory: URL) throws {
        var path = directory.standardizedFileURL.path(percentEncoded: false)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        folder = path
        if FileSystem.identity(path)?.isDirectory == true {
            present = Set(try OutputPlan.swiftFiles(in: path))
            staging = nil
        } else {
            present = []
            let slash = path.lastIndex(of: "/")
            let parent = slash.map { String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            try FileSystem.makeDirectory(parent.isEmpty ? "/" : parent)
            Self.removeDeadStagings(in: parent.isEmpty ? "/" : parent, of: name)
            let staging = (parent.isEmpty ? "" : parent) + "/." + name + suffix
            try? OutputWriter.removeTree(staging)
            try FileSystem.makeDirectory(staging)
            self.staging = staging
        }
    }

    /// Compares or stages one file (any thread).
    public func accept(_ file: GeneratedFile) throws {
        let name = file.path.lowercased()
        let taken = state.withLock { state in
            let name = String(name[(name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex)...])
            return !state.takenNames.insert(name).inserted
        }
        let verdict = taken ? .waiting(file.contents) : try decide(file.path, file.contents)
        state.withLock { $0.verdicts[file.path] = verdict }
    }

    private func decide(_ path: String, _ contents: String) throws -> Verdict {
        if let staging {
            try makeFolders(for: path, under: staging)
            try Self.create(staging + "/" + path, contents)
            return .staged(staging + "/" + path)
        }
        let target = folder + "/" + path
        if present.contains(path), let bytes = try FileSystem.readFile(target) {
            var text = contents
            if FileSystem.sameBytes(&text, bytes) { return .unchanged }
        }
        try makeFolders(for: path, under: folder)
        let slash = target.lastIndex(of: "/")!
        let temporary = target[...slash] + "." + target[target.index(after: slash)...] + suffix
        try FileSystem.removeFile(temporary)
        try Self.create(temporary, contents)
        return .staged(temporary)
    }

    /// Makes the folders `path` needs, remembering the ones this run made (so `abandon` can remove them).
    private func makeFolders(for path: String, under base: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let relative = String(path[..<slash])
        guard state.withLock({ !$0.checkedFolders.contains(relative) }) else { return }
        var prefix = ""
        for component in relative.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            guard FileSystem.identity(base + "/" + prefix) == nil else { continue }
            try FileSystem.makeDirectory(base + "/" + prefix)
            state.withLock { _ = $0.madeFolders.insert(prefix) }
        }
        state.withLock { _ = $0.checkedFolders.insert(relative) }
    }

    /// Puts every staged file in place and deletes generated files no longer produced.
    public func commit() throws -> OutputWriter.Summary {
        var verdicts = state.withLock { $0.verdicts }
        // Names that differ only in case: the first in path order keeps its name, as in an in-memory run.
        let tentative = verdicts.keys.sorted()
        let final = Generator.uniqueFileNames(tentative.map { GeneratedFile(path: $0, contents: "") }).map(\.path)
        // Take every moved file's text first, then stage them under their final names: on a case-insensitive
        // disk a new temporary name may be an old one.
        var moved: [(path: String, contents: String)] = []
        for (old, new) in zip(tentative, final) where old != new || verdicts[old].map(Self.isWaiting) == true {
            switch verdicts.removeValue(forKey: old) {
            case .waiting(let text): moved.append((new, text))
            case .staged(let temporary):
                moved.append((new, String(decoding: try FileSystem.readFile(temporary) ?? [], as: UTF8.self)))
                try FileSystem.removeFile(temporary)
            case .unchanged:
                moved.append((new, String(decoding: try FileSystem.readFile(folder + "/" + old) ?? [], as: UTF8.self)))
            case nil: break
            }
        }
        for (path, contents) in moved { verdicts[path] = try decide(path, contents) }
        state.withLock { $0.verdicts = verdicts }
        var summary = OutputWriter.Summary()
        for path in verdicts.keys.sorted() {
            if case .unchanged = verdicts[path]! {
                summary.unchanged.append(path)
            } else {
                summary.written.append(path)
            }
        }
        if let staging {
            do {
                try FileSystem.replace(folder, with: staging)
            } catch let failure as FileSystem.Failure where failure.code == EEXIST || failure.code == ENOTEMPTY {
                // Another run made the folder meanwhile: move the files in one by one.
                let moves = summary.written
                let folder = folder
                try Schedule.forEach(moves.count) { index in
                    try FileSystem.makeDirectory(
                        folder + "/" + (moves[index].lastIndex(of: "/").map { String(moves[index][..<$0]) } ?? ""))
                    try FileSystem.replace(folder + "/" + moves[index], with: staging + "/" + moves[index])
                }
                try OutputWriter.removeTree(staging)
            }
            return summary
        }
        let moves = summary.written.compactMap { path -> (String, String)? in
            guard case .staged(let temporary) = verdicts[path] else { return nil }
            return (temporary, folder + "/" + path)
        }
        try Schedule.forEach(moves.count) { index in try FileSystem.replace(moves[index].1, with: moves[index].0) }
        let produced = Set(verdicts.keys)
        let header = Array(OutputWriter.headerPrefix.utf8)
        for path in present.sorted() where !produced.contains(path) {
            if let head = try FileSystem.readFile(folder + "/" + path, limit: header.count), head == header {
                try FileSystem.removeFile(folder + "/" + path)
                summary.deleted.append(path)
            }
        }
        return summary
    }

    /// Removes everything staged; the folder stays as it was.
    public func abandon() {
        if let staging {
            try? OutputWriter.removeTree(staging)
            return
        }
        let (verdicts, folders) = state.withLock { (Array($0.verdicts.values), $0.madeFolders) }
        for case .staged(let temporary) in verdicts {
            try? FileSystem.removeFile(temporary)
        }
        // Folders this run made, deepest first; one that holds anything else stays.
        for relative in folders.sorted(by: { $0.count > $1.count }) {
            FileSystem.removeDirectory(folder + "/" + relative)
        }
    }

    private static func isWaiting(_ verdict: Verdict) -> Bool {
        if case .waiting = verdict { return true }
        return false
    }

    static func create(_ path: String, _ contents: String) throws {
        var text = contents
        try text.withUTF8 { try FileSystem.createFile(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Staging folders of runs that died (their process is gone), next to the output folder.
    private static func removeDeadStagings(in parent: String, of name: String) {
        for entry in (try? FileSystem.list(parent)) ?? []
        where entry.isDirectory && entry.name.hasPrefix("." + name + OutputWriter.temporaryMarker) {
            if let pid = OutputPlan.leftoverProcess(entry.name), !FileSystem.isRunning(pid) {
                try? OutputWriter.removeTree(parent + "/" + entry.name)
            }
        }
    }
}
