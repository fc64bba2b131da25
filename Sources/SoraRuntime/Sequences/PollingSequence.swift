import Foundation
import HTTPTypes

/// Repeats a fetch until the value reaches a terminal state, yielding each new snapshot: the server's
/// `openai-poll-after-ms` hint sets the pace, an overall timeout bounds it, and cancelling the task ends it.
public struct PollingSequence<Value: Decodable & Equatable & Sendable>: AsyncSequence, Sendable {
    /// Each snapshot that differs from the one before.
    public typealias Element = Value
    /// Every failure is a `SoraError`.
    public typealias Failure = SoraError

    let operationID: String
    let interval: Duration
    let timeout: Duration
    let intervalHeader: String?
    let isTerminal: @Sendable (Value) -> Bool
    let fetch: @Sendable () async throws(SoraError) -> OperationResponse

    /// Creates a polling sequence over `fetch`; generated code calls this.
    @_spi(Generated) public init(
        operationID: String, interval: Duration, timeout: Duration, intervalHeader: String?,
        isTerminal: @escaping @Sendable (Value) -> Bool,
        fetch: @escaping @Sendable () async throws(SoraError) -> OperationResponse
    ) {
        self.operationID = operationID
        self.interval = interval
        self.timeout = timeout
        self.intervalHeader = intervalHeader
        self.isTerminal = isTerminal
        self.fetch = fetch
    }

    /// Starts polling.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self, deadline: .now + CheckedNumbers.clamp(timeout))
    }

    /// Fetches, waits and fetches again until a terminal snapshot has been yielded.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PollingSequence
        let deadline: ContinuousClock.Instant
        var previous: Value?
        var nextDelay: Duration?
        var finished = false

        /// The next new snapshot, or nil after the terminal one.
        public mutating func next() async throws(SoraError) -> Value? {
            while !finished {
                if let delay = nextDelay {
                    guard ContinuousClock.now + delay < deadline else {
                        finished = true
                        throw .timeout(
                            operationID: sequence.operationID, seconds: sequence.timeout.seconds, kind: .polling)
                    }
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        finished = true
                        throw .cancelled(operationID: sequence.operationID)
                    }
                }
                let response = try await sequence.fetch()
                let value = try await response.decodeJSON(Value.self)
                nextDelay = hintedDelay(response.response) ?? CheckedNumbers.clamp(sequence.interval)
                if sequence.isTerminal(value) { finished = true }
                if value != previous {
                    previous = value
                    return value
                }
            }
            return nil
        }

        private func hintedDelay(_ response: HTTPResponse) -> Duration? {
            guard let name = sequence.intervalHeader.flatMap({ HTTPField.Name($0) }),
                let text = response.headerFields[name], let milliseconds = CheckedNumbers.nonNegativeInteger(text)
            else { return nil }
            return .milliseconds(Swift.min(milliseconds, 600_000))
        }
    }
}
