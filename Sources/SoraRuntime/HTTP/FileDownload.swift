import Foundation
import HTTPTypes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A finished download: where the bytes are and what they are.
public struct DownloadedFile: Sendable, Hashable {
    /// The destination, complete.
    public var url: URL
    /// How many bytes it holds.
    public var byteCount: Int64
    /// The response's `Content-Type`, if sent.
    public var contentType: String?
}

extension APIClientCore {
    /// Streams a binary answer to `destination` through a temporary file beside it, renamed into place only
    /// when complete. A broken transfer is retried (resuming with `Range` when the server allows); a failure
    /// or cancellation leaves neither a partial destination nor a temporary file. Only ever repeats this GET.
    public func download(_ request: OperationRequest, to destination: URL) async throws(SoraError) -> DownloadedFile {
        let temporary = destination.deletingLastPathComponent()
            .appending(path: ".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).part")
        var sink = try PartialFile(temporary, operationID: request.operationID)
        do {
            let (count, type) = try await transfer(request, into: &sink)
            try sink.finish(renamingTo: destination)
            return DownloadedFile(url: destination, byteCount: count, contentType: type)
        } catch {
            sink.discard()
            throw error
        }
    }

    private func transfer(_ request: OperationRequest, into sink: inout PartialFile) async throws(SoraError) -> (
        Int64, String?
    ) {
        let policy = configuration.retry
        let deadline = TransferWatch.deadline(after: configuration.deadline)
        var attempt = 1
        while true {
            var ranged = request
            if sink.count > 0 { ranged.setHeader("Range", "bytes=\(sink.count)-") }
            do {
                let response = try await send(ranged, deadline: deadline)
                let content = response.binaryContent()
                try sink.prepare(for: response.response, resumingAt: sink.count)
                let progress = configuration.transferProgress
                let expected = progress == nil ? nil : ContentRange.total(response.response, written: sink.count)
                for try await chunk in content.body {
                    try Task.checkCancellation()
                    try sink.write(chunk)
                    progress?(
                        TransferProgress(
                            operationID: request.operationID, direction: .download, bytes: sink.count, total: expected))
                }
                // A cancelled stream may simply end early: never take that for a complete file.
                try Task.checkCancellation()
                if expected == nil {
                    // The size was not announced: the end of the body is the total, said once.
                    progress?(
                        TransferProgress(
                            operationID: request.operationID, direction: .download, bytes: sink.count,
                            total: sink.count))
                }
                if let total = ContentRange.total(response.response, written: sink.count), total != sink.count {
                    throw SoraError.transport(
                        operationID: request.operationID,
                        message: "the download ended after \(sink.count) of \(total) bytes")
                }
                return (sink.count, content.contentType)
            } catch {
                let failure = Self.soraError(error, operationID: request.operationID)
                guard attempt < policy.maxAttempts, RetryPolicy.isRetryable(failure, method: .get) else {
                    throw failure
                }
                let delay = policy.delay(afterAttempt: attempt, serverHint: nil, unit: .random(in: 0..<1))
                if let deadline, ContinuousClock.now + delay >= deadline { throw failure }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw .cancelled(operationID: request.operationID)
                }
                attempt += 1
            }
        }
    }

    /// Any error of a transfer as a `SoraError`.
    static func soraError(_ error: any Error, operationID: String) -> SoraError {
        if let error = error as? SoraError { return error }
        if error is CancellationError || Task.isCancelled { return .cancelled(operationID: operationID) }
        return .transport(operationID: operationID, message: "the download broke off: \(error)")
    }
}

/// `Content-Range` / `Content-Length` arithmetic for resumable downloads.
enum ContentRange {
    /// The first byte of a 206 answer's range (`bytes 100-199/200` → 100).
    static func start(_ response: HTTPResponse) -> Int64? {
        guard let text = response.headerFields[.contentRange], text.hasPrefix("bytes ") else { return nil }
        return CheckedNumbers.nonNegativeInteger(text.dropFirst(6).prefix { $0 != "-" })
    }

    /// The full size the answer promises, when known.
    static func total(_ response: HTTPResponse, written: Int64) -> Int64? {
        if response.status.code == 206, let text = response.headerFields[.contentRange],
            let slash = text.lastIndex(of: "/")
        {
            return CheckedNumbers.nonNegativeInteger(text[text.index(after: slash)...])
        }
        return response.headerFields[.contentLength].flatMap { CheckedNumbers.nonNegativeInteger($0) }
    }
}
