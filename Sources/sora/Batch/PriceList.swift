import Foundation

/// Per-second prices the user gives for `sora batch --dry-run` (prices differ from relay to relay, so none are
/// built in): `--price sora-2=0.10` for a model, `--price sora-2-pro:1792x1024=0.50` for one size of it; the most
/// specific entry wins. Amounts are decimals, so 0.1 × 30 is exactly 3.
struct PriceList: Sendable {
    private var byModel: [String: Decimal] = [:]
    private var byModelAndSize: [String: Decimal] = [:]

    /// True when no price was given.
    var isEmpty: Bool { byModel.isEmpty && byModelAndSize.isEmpty }

    /// Parses `MODEL=PRICE` and `MODEL:SIZE=PRICE` entries; anything else is a usage failure naming the entry.
    init(_ entries: [String]) throws(CLIFailure) {
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard parts.count == 2, !key.isEmpty, let price = Self.amount(String(parts[1])) else {
                throw CLIFailure(
                    message: "--price \(entry): expected MODEL=PRICE or MODEL:SIZE=PRICE, a price per second "
                        + "such as sora-2=0.10 (a number from 0 to 1000000)",
                    status: .usage)
            }
            if key.contains(":") {
                byModelAndSize[key] = price
            } else {
                byModel[key] = price
            }
        }
    }

    /// The price per second of `model` at `size` (nil size: the server's default size), if one was given.
    func perSecond(model: String, size: String?) -> Decimal? {
        if let size, let price = byModelAndSize["\(model):\(size)"] { return price }
        return byModel[model]
    }

    /// A non-negative, finite amount of at most 1,000,000 written as a plain decimal (`0.1`, `2`, `.25`).
    private static func amount(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            trimmed.filter({ $0 == "." }).count <= 1, trimmed != ".",
            let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")),
            value >= 0, value <= 1_000_000
        else { return nil }
        return value
    }

    /// `amount` with two decimals (more when the amount has them, up to six): `4.80`, `0.125`.
    static func format(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        let text = NSDecimalNumber(decimal: rounded).stringValue
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }
}
