import NumberText

extension RowTable: CustomStringConvertible {
    /// The first rows as an aligned table (numbers to the right), then how many rows there are:
    /// what the REPL and `tostring` show.
    public var description: String { table(rows: 10) }

    /// The first `rows` rows as an aligned table, with the count of rows and columns below.
    public func table(rows shown: Int) -> String {
        let rows = Swift.min(Swift.max(shown, 0), count)
        var cells = [names.map(Self.printable)]
        for row in 0..<rows {
            cells.append(columns.map { column in
                switch column {
                case .numbers(let values): values[row].isNaN ? "" : Series.exact(values[row])
                case .texts(let values):
                    Self.printable(values[row].count > 40 ? String(values[row].prefix(39)) + "…" : values[row])
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

    /// `text` on one line: control characters (a quoted field's line break, a tab) written as Lua
    /// escapes (`\n`, `\r`, `\t`, `\27`), so they cannot break the table's rows and columns.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: shown += "\\\(scalar.value)"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
