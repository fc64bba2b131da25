#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a spec (or any input) whole, straight into bytes.
public enum InputFile {
    /// Why a file could not be read, in the system's words (`No such file or directory`).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The system's reason.
        public let reason: String
        /// The reason.
        public var description: String { reason }
    }

    /// The file's bytes.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        do {
            guard let bytes = try FileSystem.readFile(path) else {
                throw FileSystem.Failure(action: "read", path: path, code: ENOENT)
            }
            return bytes
        } catch let failure as FileSystem.Failure {
            throw Failure(reason: failure.reason)
        } catch {
            throw Failure(reason: "\(error)")
        }
    }
}
