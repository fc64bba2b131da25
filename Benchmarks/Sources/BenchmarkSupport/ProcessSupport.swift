// What both benchmark executables need from the process: its peak memory and a way to report progress and fail.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Peak resident set size of this process so far, in bytes.
public func maxResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)  // bytes on Darwin
    #else
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // KiB on Linux
    #endif
}

/// Progress and errors on standard error, prefixed with the tool's name, so that standard output stays the report.
public struct ProgressNotes: Sendable {
    /// The prefix of every line.
    public let tool: String

    /// Notes for `tool`.
    public init(tool: String) {
        self.tool = tool
    }

    /// Writes one line to standard error.
    public func note(_ message: String) {
        let line = Array("\(tool): \(message)\n".utf8)
        _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }

    /// Writes the message and exits with status 1.
    public func fail(_ message: String) -> Never {
        note(message)
        exit(1)
    }
}
