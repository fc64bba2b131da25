#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One finished child process: its wall time and peak memory.
struct ChildRun {
    var seconds: Double
    var peakBytes: Int
    var status: Int32
}

/// Runs a command as its own process through `measure-child` (standard output and error to /dev/null) and
/// waits for it; the time and peak memory are the child's own, as `measure-child` saw them.
func spawnAndWait(_ arguments: [String], in directory: String, measuring helper: String? = measureChild) -> ChildRun {
    let report = directory + "/.measure-child-report"
    let command = helper.map { [$0, report] + arguments } ?? arguments
    var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    // The tool is single-threaded: the child starts in `directory` because the parent steps there around the spawn.
    let previous = getcwd(nil, 0)
    defer {
        if let previous { chdir(previous) }
        free(previous)
    }
    chdir(directory)
    guard posix_spawn(&pid, command[0], nil, nil, &argv, environ) == 0 else {
        return ChildRun(seconds: 0, peakBytes: 0, status: -1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard helper != nil else { return ChildRun(seconds: 0, peakBytes: 0, status: (status >> 8) & 0xff) }
    guard let file = fopen(report, "r") else { return ChildRun(seconds: 0, peakBytes: 0, status: -1) }
    defer { fclose(file) }
    var seconds = 0.0
    var peak = 0
    var code: Int32 = -1
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, 128, file) != nil else { return ChildRun(seconds: 0, peakBytes: 0, status: -1) }
    let fields = String(cString: line).split(separator: " ")
    if fields.count == 3 {
        seconds = Double(fields[0]) ?? 0
        peak = Int(fields[1]) ?? 0
        code = Int32(fields[2].filter { $0 != "\n" }) ?? -1
    }
    return ChildRun(seconds: seconds, peakBytes: peak, status: code)
}

/// Removes a folder and everything in it (`rm -rf`), once everything is measured.
func removeTree(_ path: String) {
    _ = spawnAndWait(["/bin/rm", "-rf", path], in: "/", measuring: nil)
}

/// Moves a folder out of the way (untimed set-up between runs). Deleting it instead would skew the next fresh
/// run: ext4 without a journal (this machine's) skips inodes freed in the last minutes when it allocates new
/// ones, so thousands of files deleted just before make each of the next thousands of creations scan past them.
func moveAside(_ path: String, into trash: String) {
    nextTrash += 1
    rename(path, trash + "/\(nextTrash)")
}
nonisolated(unsafe) var nextTrash = 0
