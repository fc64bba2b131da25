/// A 1-based line and column in the source text (columns count Unicode scalars, as libyaml does).
///
/// Stored in 32 bits each (values outside 0…4,294,967,295 saturate): every node, schema and diagnostic carries one.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column number.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a mark from a 1-based line and column (each saturates to 0…4,294,967,295).
    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// Orders marks by line, then column.
    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// `LINE:COLUMN`, as used in diagnostics.
    public var description: String { "\(line):\(column)" }
}
