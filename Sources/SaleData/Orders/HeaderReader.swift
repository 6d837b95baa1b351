/// The header of an orders file: its delimiter, column names and where the data rows begin.
struct Header {
    let delimiter: UInt8
    let names: [String]
    /// File offset of the first data row.
    let dataStart: Int
    /// Line number of the first data row.
    let firstLine: Int

    /// Reads the header row (after an optional UTF-8 byte order mark) of a file.
    init(source: ByteSource, file: String, delimiter: UInt8?) throws(OrdersError) {
        var length = 1 << 16
        while true {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
            defer { buffer.deallocate() }
            let got = source.read(into: buffer, count: length, at: 0)
            if let header = try Self.parse(buffer, count: got, atEnd: got < length, file: file, delimiter: delimiter) {
                self = header
                return
            }
            length *= 4
        }
    }

    private init(delimiter: UInt8, names: [String], dataStart: Int, firstLine: Int) {
        self.delimiter = delimiter
        self.names = names
        self.dataStart = dataStart
        self.firstLine = firstLine
    }

    /// The header in the first `n` bytes, or nil when the header row does not end before `n`;
    /// a nil `delimiter` is detected from the header row.
    static func parse(_ p: UnsafeMutablePointer<UInt8>, count n: Int, atEnd: Bool, file: String,
                      delimiter: UInt8?) throws(OrdersError) -> Header? {
        let bom = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        let delimiter = delimiter ?? detectDelimiter(p + bom, count: n - bom)
        let splitter = RowSplitter(delimiter: delimiter)
        let spans = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: 4096)
        defer { spans.deallocate() }
        guard let end = splitter.row(p, from: bom, count: n, atEnd: atEnd, spans: spans) else { return nil }
        let names = (0..<min(end.fields, spans.count)).map { index -> String in
            let span = spans[index]
            let text = String(decoding: UnsafeBufferPointer(start: p + span.start, count: span.end - span.start),
                              as: UTF8.self)
            return span.escaped ? text.replacingDoubledQuotes : text
        }
        if names.count == 1 && names[0].isEmpty {
            throw OrdersError(file: file, line: 1, column: 1, reason: OrdersProblem.emptyFile.message)
        }
        if let problem = end.problem {
            throw OrdersError(file: file, line: 1, column: end.problemField + 1, reason: problem.problem.message)
        }
        return Header(delimiter: delimiter, names: names, dataStart: end.next, firstLine: 1 + end.lineBreaks)
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line (`,` on a tie).
    static func detectDelimiter(_ p: UnsafeMutablePointer<UInt8>, count n: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 9: 0]
        var quoted = false
        for i in 0..<n {
            let byte = p[i]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) { break }
            if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != UInt8(ascii: ",")) }
        guard let best, best.value > comma else { return UInt8(ascii: ",") }
        return best.key
    }
}

extension String {
    /// The text with each `""` collapsed to `"`.
    var replacingDoubledQuotes: String {
        var result = ""
        var previousWasQuote = false
        for character in self {
            if character == "\"" && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }
}
