import NumberText
import SafeOutput

extension RowTable: CustomStringConvertible {
    /// The first rows as an aligned table (numbers to the right), then how many rows there are:
    /// what the REPL and `tostring` show.
    public var description: String { table(rows: 10) }

    /// The first `rows` rows as an aligned table, with the count of rows and columns below.
    public func table(rows shown: Int) -> String {
        let rows = Swift.min(Swift.max(shown, 0), count)
        var cells = [names.map(PrintableText.escaped)]
        for row in 0..<rows {
            cells.append(columns.map { column in
                switch column {
                case .numbers(let values): values[row].isNaN ? "" : Series.exact(values[row])
                case .texts(let values):
                    PrintableText.escaped(values[row].count > 40 ? String(values[row].prefix(39)) + "…" : values[row])
                }
            })
        }
        let widths = names.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let lines = cells.map { line in
            line.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - line[column].count)
                if case .numbers = columns[column] { return padding + line[column] }
                return line[column] + padding
            }.joined(separator: "  ")
        }
        let more = count > rows ? " (first \(rows) shown)" : ""
        let footer = "\(NumberFormat.grouped(Double(count))) rows, \(names.count) columns\(more)"
        return (lines.map { String($0.reversed().drop { $0 == " " }.reversed()) } + [footer]).joined(separator: "\n")
    }
}
