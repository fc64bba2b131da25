/// A unified diff of two texts, line by line, with three lines of context.
enum UnifiedDiff {
    static func render(old: String, new: String, path: String, isNew: Bool = false, isDeleted: Bool = false) -> String {
        let a = old.isEmpty ? [] : lines(old)
        let b = new.isEmpty ? [] : lines(new)
        var output = "--- \(isNew ? "/dev/null" : "a/" + path)\n+++ \(isDeleted ? "/dev/null" : "b/" + path)\n"
        let operations = script(a, b)
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != " " }) else { break }
            let start = max(firstChange - 3, index)
            var end = firstChange
            var lastChange = firstChange
            while end < operations.count {
                if operations[end].kind != " " { lastChange = end }
                if end - lastChange > 6 { break }
                end += 1
            }
            end = min(lastChange + 4, operations.count)
            let hunk = operations[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0)
            let newStart = (hunk.first?.newLine ?? 0)
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            output +=
                "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for operation in hunk { output += "\(operation.kind)\(operation.text)\n" }
            index = end
        }
        return output
    }

    private struct Line {
        let kind: Character
        let text: Substring
        let oldLine: Int
        let newLine: Int
    }

    private static func lines(_ text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// An edit script from a longest-common-subsequence table (files here are small); very large inputs
    /// fall back to "remove all, add all".
    private static func script(_ a: [Substring], _ b: [Substring]) -> [Line] {
        var result: [Line] = []
        guard a.count * b.count <= 16_000_000 else {
            result += a.enumerated().map { Line(kind: "-", text: $1, oldLine: $0 + 1, newLine: 1) }
            result += b.enumerated().map { Line(kind: "+", text: $1, oldLine: a.count + 1, newLine: $0 + 1) }
            return result
        }
        let width = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] =
                    a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                result.append(Line(kind: " ", text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1
                j += 1
            } else if j < b.count && (i == a.count || table[i * width + j + 1] > table[(i + 1) * width + j]) {
                result.append(Line(kind: "+", text: b[j], oldLine: i + 1, newLine: j + 1))
                j += 1
            } else {
                result.append(Line(kind: "-", text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1
            }
        }
        return result
    }
}
