import ArgumentParser
import Foundation
import SoraClient

/// What `create` and `remix` share, since each starts a paid job: an `Idempotency-Key` chosen before the
/// request goes out, a job kept by its id when the answer is thinner than the spec, and after an ambiguous
/// failure the exact command that retries without paying twice.
enum PaidRequest {
    /// The longest key the spec allows.
    static let maxKeyLength = 255

    /// Checks a key given with `--idempotency-key`: 1…255 visible ASCII characters, as a header value.
    static func validate(_ key: String?) throws {
        guard let key else { return }
        guard (1...maxKeyLength).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ValidationError("--idempotency-key must be 1 to 255 visible ASCII characters (no spaces).")
        }
    }

    /// Sends the request under `key` and reports the job at once; returns its id.
    static func submit(
        key: String, interrupt: Interrupt, reporter: Reporter, request: CreateVideoRequest? = nil,
        arguments: [String] = CommandLine.arguments, send: () async throws(SoraError) -> Video
    ) async throws -> String {
        let retry = retryCommand(key: key, arguments: arguments)
        interrupt.trackRetry(retry)
        do {
            let video = try await send()
            interrupt.track(video.id)
            reporter.created(video)
            return video.id
        } catch {
            if case .decoding(let failure) = error, let id = failure.resourceID {
                interrupt.track(id)
                reporter.created(
                    id: id,
                    warning: "the server's answer to \(failure.operationID) lacks what the spec promises "
                        + "(\(failure.message)); the job \(id) exists: follow it with `sora wait \(id)`")
                return id
            }
            var failure = ErrorLine.failure(error, request: request)
            if error.isAmbiguous { failure.message += retryHint(retry) }
            throw failure
        }
    }

    /// `; the server may have created the job: retry safely with: COMMAND`.
    static func retryHint(_ command: String) -> String {
        "; the server may have created the job: retry safely (same Idempotency-Key) with: \(command)"
    }

    /// The command line that was run, with `--idempotency-key KEY` added unless it was given, shell-quoted.
    static func retryCommand(key: String, arguments: [String]) -> String {
        var words = arguments.isEmpty ? ["sora"] : arguments
        let given = words.contains { $0 == "--idempotency-key" || $0.hasPrefix("--idempotency-key=") }
        if !given { words += ["--idempotency-key", key] }
        return words.map(shellQuoted).joined(separator: " ")
    }

    /// `word` as one shell word: unchanged when safe, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "@%+=:,./_-".unicodeScalars.contains($0))
            }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
