/// Which operations misbehave, how, and for how many of their first calls.
///
/// Text form (the `--faults` flag): comma-separated `OPERATION:KIND[xCOUNT]`, e.g.
/// `create:429x2,retrieve:503,content:drop,list:delay=2.5x1`. Kinds: `429` (with `Retry-After: 1`),
/// `429=SECONDS` (0...86400), `500`, `503`, `delay=SECONDS` (0...3600; answer normally, late), `drop` (close
/// mid-response).
/// Operations: `create`, `list`, `retrieve`, `delete`, `content`, `remix`, `stats`, or `*` for all.
public struct FaultPlan: Sendable, Equatable {
    /// One way to misbehave.
    public enum Kind: Sendable, Equatable {
        /// 429 with `Retry-After` in seconds.
        case rateLimited(retryAfter: Int)
        /// 500 server error.
        case serverError
        /// 503 service unavailable.
        case unavailable
        /// Answer normally after sleeping this many seconds.
        case delay(seconds: Double)
        /// Send the head and half the body, then close the connection.
        case drop
    }

    /// A fault for the first `count` calls of `operation`.
    public struct Rule: Sendable, Equatable {
        /// The operation name (`create`, …) or `*`.
        public var operation: String
        /// What happens.
        public var kind: Kind
        /// For how many calls.
        public var count: Int

        /// A rule for the first `count` calls of `operation`.
        public init(operation: String, kind: Kind, count: Int = 1) {
            self.operation = operation
            self.kind = kind
            self.count = count
        }
    }

    /// The rules, applied in order: the first with calls left wins.
    public var rules: [Rule]

    /// A plan made of `rules`.
    public init(_ rules: [Rule] = []) {
        self.rules = rules
    }

    /// Operations a rule may name.
    public static let operations: Set<String> = [
        "create", "list", "retrieve", "delete", "content", "remix", "stats", "*",
    ]

    /// Parses the text form; throws a message naming the bad piece.
    public init(parsing text: String) throws(FaultPlanError) {
        var rules: [Rule] = []
        for piece in text.split(separator: ",") where !piece.trimmingSpaces().isEmpty {
            let item = piece.trimmingSpaces()
            guard let colon = item.firstIndex(of: ":") else { throw FaultPlanError(piece: item) }
            let operation = String(item[..<colon])
            guard Self.operations.contains(operation) else { throw FaultPlanError(piece: item) }
            var kindText = Substring(item[item.index(after: colon)...])
            var count = 1
            if let times = kindText.lastIndex(of: "x") {
                guard let parsed = Int(kindText[kindText.index(after: times)...]), parsed > 0 else {
                    throw FaultPlanError(piece: item)
                }
                count = parsed
                kindText = kindText[..<times]
            }
            guard let kind = Self.kind(kindText) else { throw FaultPlanError(piece: item) }
            rules.append(Rule(operation: operation, kind: kind, count: count))
        }
        self.rules = rules
    }

    private static func kind(_ text: Substring) -> Kind? {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("429", 1): return .rateLimited(retryAfter: 1)
        case ("429", 2): return CheckedNumber.integer(parts[1], in: 0...86_400).map { .rateLimited(retryAfter: $0) }
        case ("500", 1): return .serverError
        case ("503", 1): return .unavailable
        case ("drop", 1): return .drop
        // Bounded so `Duration.seconds(_:)` cannot overflow (NaN fails the comparison too).
        case ("delay", 2): return Double(parts[1]).flatMap { $0 >= 0 && $0 <= 3_600 ? .delay(seconds: $0) : nil }
        default: return nil
        }
    }
}

/// A fault plan that could not be parsed.
public struct FaultPlanError: Error, Sendable, CustomStringConvertible {
    /// The piece of the plan that is wrong.
    public let piece: String
    /// A readable message with the expected syntax.
    public var description: String {
        "invalid fault '\(piece)': expected OPERATION:KIND[xCOUNT] with OPERATION one of "
            + "create, list, retrieve, delete, content, remix, stats, * and KIND one of "
            + "429, 429=SECONDS (0...86400), 500, 503, delay=SECONDS (0...3600), drop"
    }
}
