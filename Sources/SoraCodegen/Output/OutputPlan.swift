import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What writing generated files into a folder would change, found in one pass over the folder and one over
/// the files (reads spread over the cores).
struct OutputPlan {
    /// False when the folder does not exist yet.
    var folderExists: Bool
    /// Indices of files that are new or differ from what is on disk, in path order.
    var changed: [Int] = []
    /// Indices of files already up to date.
    var unchanged: [Int] = []
    /// Relative paths of generated files on disk that the run no longer produces, sorted.
    var orphans: [String] = []
    /// The text on disk of each changed file that exists, for the diff `--check` prints.
    var oldText: [Int: String] = [:]

    func summary(_ files: [GeneratedFile]) -> OutputWriter.Summary {
        OutputWriter.Summary(
            written: changed.map { files[$0].path }, unchanged: unchanged.map { files[$0].path }, deleted: orphans)
    }

    static func make(_ files: [GeneratedFile], in folder: String) throws -> OutputPlan {
        guard FileSystem.identity(folder)?.isDirectory == true else {
            return OutputPlan(folderExists: false, changed: Array(files.indices))
        }
        var plan = OutputPlan(folderExists: true)
        let onDisk = try swiftFiles(in: folder)
        let present = Set(onDisk)
        let verdicts = Mutex<[Int: (same: Bool, old: String?)]>([:])
        try Schedule.forEach(files.count) { index in
            let file = files[index]
            guard present.contains(file.path) else { return }
            guard let bytes = try FileSystem.readFile(folder + "/" + file.path) else { return }
            var text = file.contents
            let same = FileSystem.sameBytes(&text, bytes)
            let old = same ? nil : String(decoding: bytes, as: UTF8.self)
            verdicts.withLock { $0[index] = (same, old) }
        }
        let found = verdicts.withLock { $0 }
        for index in files.indices {
            if let verdict = found[index], verdict.same {
                plan.unchanged.append(index)
            } else {
                plan.changed.append(index)
                if let old = found[index]?.old { plan.oldText[index] = old }
            }
        }
        let expected = Set(files.map(\.path))
        let header = Array(OutputWriter.headerPrefix.utf8)
        for path in onDisk where !expected.contains(path) {
            if let head = try FileSystem.readFile(folder + "/" + path, limit: header.count), head == header {
                plan.orphans.append(path)
            }
        }
        return plan
    }

    /// Relative paths of the `.swift` files below the folder, sorted; leftovers of interrupted runs whose
    /// process is gone are removed on the way.
    static func swiftFiles(in folder: String) throws -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for entry in try FileSystem.list(absolute) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if let pid = leftoverProcess(entry.name) {
                    if !FileSystem.isRunning(pid) {
                        if entry.isDirectory {
                            try? OutputWriter.removeTree(folder + "/" + path)
                        } else {
                            try? FileSystem.removeFile(folder + "/" + path)
                        }
                    }
                } else if entry.isDirectory {
                    pending.append(path)
                } else if entry.name.hasSuffix(".swift") {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }

    /// The process id in `.NAME.sora-codegen-PID`, the name of a file this tool was writing.
    static func leftoverProcess(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.utf8.lastIndex(of: UInt8(ascii: "-")) else { return nil }
        let digits = name[name.index(after: marker)...]
        guard name[..<name.index(after: marker)].hasSuffix(OutputWriter.temporaryMarker) else { return nil }
        return Int32(digits)
    }
}
