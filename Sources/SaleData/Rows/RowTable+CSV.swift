#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SafeOutput

extension RowTable {
    /// Reads a CSV with a header row (`,`; quotes, doubled quotes, CRLF): a column whose every
    /// non-empty field is a number (without leading zeros, so ids such as `007` stay text) holds
    /// numbers, empty fields NaN; other columns hold text. Errors name `file:line`.
    public static func read(path: String) throws -> RowTable {
        let bytes: [UInt8]
        do throws(InputFileError) { bytes = try InputFile.bytes(path) } catch { throw RowTableError(error.description) }
        return try parse(csv: bytes, name: InputFile.name(path))
    }

    /// Parses CSV bytes; `name` prefixes error positions.
    public static func parse(csv bytes: [UInt8], name: String = "rows.csv") throws(RowTableError) -> RowTable {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let splitter = RowSplitter(delimiter: UInt8(ascii: ","))
        var header: [String] = [], spans: [[FieldSpan]] = []
        var line = 1
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(RowTableError) in
            guard let pointer = buffer.baseAddress else { return }
            var fields = [FieldSpan](repeating: FieldSpan(), count: 1)
            var position = 0
            while position < buffer.count {
                let end = fields.withUnsafeMutableBufferPointer {
                    splitter.row(pointer, from: position, count: buffer.count, atEnd: true, spans: $0)
                }
                guard let end else { break }
                if end.fields > fields.count {  // room for every field, then split the row again
                    fields = [FieldSpan](repeating: FieldSpan(), count: end.fields)
                    continue
                }
                defer { position = end.next; line += end.lineBreaks }
                if end.fields == 1, fields[0].start == fields[0].end { continue }  // an empty line
                if end.problem != nil { throw RowTableError("\(name):\(line): badly quoted field \(end.problemField + 1)") }
                if header.isEmpty {
                    header = (0..<end.fields).map { text(pointer, fields[$0]) }
                    spans = Array(repeating: [], count: header.count)
                    continue
                }
                guard end.fields == header.count else {
                    throw RowTableError("\(name):\(line): row has \(end.fields) fields, expected \(header.count)")
                }
                for column in 0..<end.fields { spans[column].append(fields[column]) }
            }
        }
        guard !header.isEmpty else { throw RowTableError("\(name):1: no header row") }
        let columns = bytes.withUnsafeMutableBufferPointer { buffer in
            spans.map { column(buffer.baseAddress!, $0) }
        }
        do { return try RowTable(names: header, columns: columns) } catch {
            throw RowTableError("\(name):1: \(error.description)")
        }
    }

    /// The table as CSV: the header, then one line per row; numbers in their shortest exact form
    /// (NaN as an empty field), text quoted when it holds `,`, `"` or a line break.
    public func csv() -> String {
        var text = names.map(Self.quoted).joined(separator: ",") + "\n"
        for row in 0..<count {
            text += columns.map { column -> String in
                switch column {
                case .numbers(let values): values[row].isNaN ? "" : Series.exact(values[row])
                case .texts(let values): Self.quoted(values[row])
                }
            }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Writes the table as CSV atomically (a temporary file in the same folder, then a rename).
    public func save(to path: String) throws {
        try OutputFile.write(csv().utf8, to: path)
    }

    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// A column of numbers when every field reads as one, else of text.
    private static func column(_ pointer: UnsafeMutablePointer<UInt8>, _ spans: [FieldSpan]) -> Column {
        var numbers: [Double] = []
        numbers.reserveCapacity(spans.count)
        for span in spans {
            guard let number = number(pointer, span) else { return .texts(spans.map { text(pointer, $0) }) }
            numbers.append(number)
        }
        return .numbers(numbers)
    }

    /// The field as a number (NaN when empty), or nil when it is text.
    private static func number(_ pointer: UnsafeMutablePointer<UInt8>, _ span: FieldSpan) -> Double? {
        let length = span.end - span.start
        if length == 0 { return .nan }
        guard !span.escaped, length < 64 else { return nil }
        let first = pointer[span.start]
        if first == UInt8(ascii: "0"), length > 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(pointer[span.start + 1]) {
            return nil  // a leading zero: an id, not a number
        }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return nil }
        let value = Double(String(decoding: UnsafeBufferPointer(start: pointer + span.start, count: length), as: UTF8.self))
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The field's text, doubled quotes collapsed.
    private static func text(_ pointer: UnsafeMutablePointer<UInt8>, _ span: FieldSpan) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: pointer + span.start, count: span.end - span.start), as: UTF8.self)
        return span.escaped ? text.replacing("\"\"", with: "\"") : text
    }
}
