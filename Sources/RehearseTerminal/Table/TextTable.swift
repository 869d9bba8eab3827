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
        // Too wide for the terminal: the widest column gives up what is needed (down to 8
        // characters, its cells cut with "…"), so no header or row wraps mid-word; if even that
        // is too wide, the widest column is folded onto a line of its own under each row.
        var cut: (column: Int, width: Int)?
        if let width, columns > 1 {
            let total = widths.reduce(0, +) + 2 * (columns - 1)
            if total > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
                let fitted = max(8, widths[widest] - (total - width), headers[widest].count)
                if total - widths[widest] + fitted > width {
                    return folded(cells, column: widest, style: style, width: width)
                }
                widths[widest] = fitted
                cut = (widest, fitted)
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                let shown = cut.map { index == $0.column && cell.count > $0.width ? String(cell.prefix($0.width - 1)) + "…" : cell } ?? cell
                return index == columns - 1 ? shown : shown.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let header = style.bold(line(headers))
        return ([header] + cells.map(line)).map { $0.trailingWhitespaceTrimmed }.joined(separator: "\n")
    }
}

extension TextTable {
    /// Each row on one line without `column`, then that column's cell on the next, indented.
    fileprivate func folded(_ cells: [[String]], column: Int, style: TerminalStyle, width: Int) -> String {
        var table = TextTable(headers: headers.enumerated().filter { $0.offset != column }.map(\.element))
        var below: [String] = []
        for row in cells {
            table.append(row.enumerated().filter { $0.offset != column }.map(\.element))
            below.append(row[column])
        }
        let rendered = table.render(style: style, width: width).split(separator: "\n", omittingEmptySubsequences: false)
        var lines = [String(rendered[0])]
        for (index, line) in rendered.dropFirst().enumerated() {
            let cell = below[index]
            lines.append(String(line))
            lines.append("  " + (cell.count > width - 2 ? String(cell.prefix(width - 3)) + "…" : cell))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trailingWhitespaceTrimmed: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
