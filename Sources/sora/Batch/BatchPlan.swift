import Foundation

/// What `sora batch --dry-run` shows before anything is paid: the videos the batch asks for, grouped by model and
/// size, with their seconds, what its journal already holds, and the cost of what is still to create when the
/// user gives prices.
struct BatchPlan: Sendable {
    /// The seconds a line without `seconds` counts for: the upstream API's default duration.
    static let defaultSeconds = 4

    /// One model and size.
    struct Row: Sendable, Equatable {
        var model: String
        /// The size, or nil for lines that leave it to the server.
        var size: String?
        var videos = 0
        var seconds = 0
        /// Videos already downloaded into the folder.
        var completed = 0
        /// Jobs created by an earlier run and not finished: polled and downloaded, never created again.
        var created = 0
        /// Jobs that ended failed or were refused for their fields: not sent again.
        var failed = 0
        /// Videos still to create, and so to pay for.
        var toCreate = 0
        var secondsToCreate = 0
    }

    /// The rows, by model, then size.
    var rows: [Row]
    /// Lines that give no `seconds` (counted as `defaultSeconds`).
    var linesWithoutSeconds: Int

    /// The plan of `lines` against what the journal recorded.
    init(lines: [BatchLine], journal: [Int: Journal.Entry]) {
        var rows: [String: Row] = [:]
        var withoutSeconds = 0
        for line in lines {
            let model = line.request.model.rawValue
            let size = line.request.size?.rawValue
            // `seconds` is digits (checked with the line); more than an Int holds counts as the most it holds.
            let seconds = line.request.seconds.map { Int($0) ?? .max } ?? Self.defaultSeconds
            if line.request.seconds == nil { withoutSeconds += 1 }
            let key = model + "\u{0}" + (size ?? "")
            var row = rows[key] ?? Row(model: model, size: size)
            row.videos += 1
            row.seconds = Self.sum(row.seconds, seconds)
            let entry = journal[line.number]
            if entry?.completed == true {
                row.completed += 1
            } else if entry?.failure != nil {
                row.failed += 1
            } else if entry?.id != nil {
                row.created += 1
            } else {
                row.toCreate += 1
                row.secondsToCreate = Self.sum(row.secondsToCreate, seconds)
            }
            rows[key] = row
        }
        self.rows = rows.values.sorted { ($0.model, $0.size ?? "") < ($1.model, $1.size ?? "") }
        linesWithoutSeconds = withoutSeconds
    }

    /// The sum of every row.
    var total: Row {
        rows.reduce(into: Row(model: "total", size: nil)) { sum, row in
            sum.videos += row.videos
            sum.seconds = Self.sum(sum.seconds, row.seconds)
            sum.completed += row.completed
            sum.created += row.created
            sum.failed += row.failed
            sum.toCreate += row.toCreate
            sum.secondsToCreate = Self.sum(sum.secondsToCreate, row.secondsToCreate)
        }
    }

    /// `a + b`, or `Int.max` where that would overflow: a line may ask for any number of seconds.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : total
    }

    /// The cost of a row's videos still to create, if `prices` has its model (and size).
    static func cost(_ row: Row, prices: PriceList) -> Decimal? {
        prices.perSecond(model: row.model, size: row.size).map { $0 * Decimal(row.secondsToCreate) }
    }

    /// The plan as a table for people.
    func text(file: String, prices: PriceList) -> String {
        var table = [["model", "size", "videos", "seconds", "done", "created", "failed", "to create", "est. cost"]]
        var unpriced: [String] = []
        var totalCost = Decimal(0)
        for row in rows {
            let cost = Self.cost(row, prices: prices)
            if let cost { totalCost += cost } else if row.toCreate > 0 { unpriced.append(Self.label(row)) }
            table.append(Self.cells(row, cost: prices.isEmpty ? nil : cost.map(PriceList.format) ?? "?"))
        }
        let total = total
        table.append(Self.cells(total, cost: prices.isEmpty ? nil : PriceList.format(totalCost)))
        if prices.isEmpty { table = table.map { Array($0.dropLast()) } }
        var lines = [
            "\(file): \(total.videos) video\(total.videos == 1 ? "" : "s"), \(total.seconds) s in all; nothing was sent"
        ]
        lines += Self.aligned(table)
        if linesWithoutSeconds > 0 {
            lines.append(
                "\(linesWithoutSeconds) line\(linesWithoutSeconds == 1 ? " gives" : "s give") no seconds; counted as "
                    + "\(Self.defaultSeconds), the API's default")
        }
        if total.created > 0 {
            lines.append("\(total.created) created by an earlier run: polled and downloaded, not created again")
        }
        if prices.isEmpty {
            lines.append("add --price MODEL=PRICE (per second, as your relay charges) for an estimated cost")
        } else {
            lines.append("est. cost: what is still to create × the price per second given with --price")
            if !unpriced.isEmpty {
                lines.append("no price for \(unpriced.joined(separator: ", ")): the total leaves them out")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The plan as one JSON object (`--json`).
    func json(file: String, prices: PriceList) -> String {
        func object(_ row: Row) -> [String: Any] {
            var object: [String: Any] = [
                "model": row.model, "videos": row.videos, "seconds": row.seconds, "completed": row.completed,
                "created": row.created, "failed": row.failed, "to_create": row.toCreate,
                "seconds_to_create": row.secondsToCreate,
            ]
            if let size = row.size { object["size"] = size }
            if let cost = Self.cost(row, prices: prices) { object["estimated_cost"] = PriceList.format(cost) }
            return object
        }
        var total = object(total)
        total.removeValue(forKey: "model")
        var unpriced: [String] = []
        if !prices.isEmpty {
            let sum = rows.compactMap { Self.cost($0, prices: prices) }.reduce(Decimal(0), +)
            total["estimated_cost"] = PriceList.format(sum)
            unpriced = rows.filter { $0.toCreate > 0 && Self.cost($0, prices: prices) == nil }.map(Self.label)
        }
        var plan: [String: Any] = [
            "event": "plan", "file": file, "groups": rows.map(object), "total": total,
            "lines_without_seconds": linesWithoutSeconds, "default_seconds": Self.defaultSeconds,
        ]
        if !unpriced.isEmpty { plan["unpriced"] = unpriced }
        let data = (try? JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func label(_ row: Row) -> String {
        row.model + " " + (row.size ?? "(default size)")
    }

    private static func cells(_ row: Row, cost: String?) -> [String] {
        [
            row.model, row.model == "total" ? "" : row.size ?? "default", "\(row.videos)", "\(row.seconds)",
            "\(row.completed)", "\(row.created)", "\(row.failed)", "\(row.toCreate)", cost ?? "",
        ]
    }

    /// Columns padded to their widest cell: text left, numbers right.
    private static func aligned(_ table: [[String]]) -> [String] {
        let widths = (0..<(table.first?.count ?? 0)).map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
