import Foundation

/// A plain-text table with aligned columns, for listings a person reads.
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Rows of cells; short rows are padded.
    public var rows: [[String]] = []

    /// Creates a table with these headings.
    public init(headers: [String]) {
        self.headers = headers
    }

    /// Adds a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines; the last column is cut to fit `width` when given.
    public func render(style: TerminalStyle = TerminalStyle(enabled: false), width: Int? = nil) -> String {
        let columns = headers.count
        // Cells hold text from banks and transcripts: shown, never obeyed.
        let cells = rows.map { row in (0..<columns).map { $0 < row.count ? SafeText.clean(row[$0]) : "" } }
        var widths = headers.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let leading = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                if index == columns - 1 {
                    guard let width, width - leading > 8, cell.count > width - leading else { return cell }
                    return String(cell.prefix(width - leading - 1)) + "…"
                }
                return cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let header = style.bold(line(headers))
        return ([header] + cells.map(line)).map { $0.trailingWhitespaceTrimmed }.joined(separator: "\n")
    }
}

extension String {
    var trailingWhitespaceTrimmed: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
