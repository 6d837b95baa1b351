import Testing
@testable import SaleData

/// The splitter, which finds delimiters and line breaks 64 bytes at a time, against a byte-by-byte
/// reference on fuzzed buffers: every row's end, fields, line breaks and quoting problem must agree.
@Suite struct RowSplitterTests {
    /// What splitting one row gave, comparable.
    struct Split: Equatable, CustomStringConvertible {
        var next: Int
        var fields: [[Int]]  // start, end, escaped (0 or 1) of each field
        var lineBreaks: Int
        var problem: String?
        var problemField: Int

        var description: String { "next \(next) fields \(fields) breaks \(lineBreaks) problem \(problem ?? "-")@\(problemField)" }
    }

    /// The reference: RFC 4180 rows split one byte at a time, as the splitter did before.
    struct ReferenceSplitter {
        let delimiter: UInt8

        func row(_ p: [UInt8], from start: Int, count n: Int, atEnd: Bool) -> Split? {
            var result = Split(next: start, fields: [], lineBreaks: 0, problem: nil, problemField: 0)
            var i = start
            while true {
                var field = [i, i, 0]
                if i < n, p[i] == UInt8(ascii: "\"") {
                    var j = i + 1
                    field[0] = j
                    var closed: Int?
                    while j < n {
                        if p[j] == UInt8(ascii: "\"") {
                            if j + 1 < n, p[j + 1] == UInt8(ascii: "\"") { field[2] = 1; j += 2; continue }
                            if j + 1 >= n && !atEnd { return nil }
                            field[1] = j
                            closed = j + 1
                            break
                        }
                        if p[j] == 10 || (p[j] == 13 && (j + 1 >= n || p[j + 1] != 10)) { result.lineBreaks += 1 }
                        j += 1
                    }
                    if closed == nil {
                        guard atEnd else { return nil }
                        field[1] = n
                        closed = n
                    }
                    i = closed!
                    if i < n, !isSpecial(p[i]), result.problem == nil {
                        result.problem = "text after quote"
                        result.problemField = result.fields.count
                    }
                    while i < n, !isSpecial(p[i]) { i += 1 }
                    if field[1] == n, result.problem == nil {
                        result.problem = "unclosed quote"
                        result.problemField = result.fields.count
                    }
                } else {
                    while i < n, !isSpecial(p[i]) { i += 1 }
                    field[1] = i
                }
                result.fields.append(field)
                if i >= n {
                    guard atEnd else { return nil }
                    result.next = n
                    result.lineBreaks += 1
                    return result
                }
                if p[i] == delimiter { i += 1; continue }
                if p[i] == 13 {
                    if i + 1 >= n && !atEnd { return nil }
                    i += (i + 1 < n && p[i + 1] == 10) ? 2 : 1
                } else {
                    i += 1
                }
                result.next = i
                result.lineBreaks += 1
                return result
            }
        }

        private func isSpecial(_ byte: UInt8) -> Bool { byte == delimiter || byte == 10 || byte == 13 }
    }

    /// Every row of `bytes[0..<n]` the way `OrderScanner` splits them: one `SpecialBytes` carried
    /// from row to row of the buffer.
    static func split(_ bytes: [UInt8], count n: Int, atEnd: Bool, delimiter: UInt8) -> [Split] {
        var copy = bytes
        let splitter = RowSplitter(delimiter: delimiter)
        let spans = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: 64)
        defer { spans.deallocate() }
        var rows: [Split] = []
        copy.withUnsafeMutableBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            var special = SpecialBytes()
            var i = 0
            while i < n, let end = splitter.row(p, from: i, count: n, atEnd: atEnd, spans: spans, special: &special) {
                let fields = (0..<min(end.fields, spans.count)).map { [spans[$0].start, spans[$0].end, spans[$0].escaped ? 1 : 0] }
                let problem = end.problem.map { $0 == .unclosedQuote ? "unclosed quote" : "text after quote" }
                rows.append(Split(next: end.next, fields: fields, lineBreaks: end.lineBreaks, problem: problem,
                                  problemField: end.problem == nil ? 0 : end.problemField))
                i = end.next
            }
        }
        return rows
    }

    static func reference(_ bytes: [UInt8], count n: Int, atEnd: Bool, delimiter: UInt8) -> [Split] {
        let reference = ReferenceSplitter(delimiter: delimiter)
        var rows: [Split] = []
        var i = 0
        while i < n, let row = reference.row(bytes, from: i, count: n, atEnd: atEnd) {
            rows.append(row)
            i = row.next
        }
        return rows
    }

    /// A random field: plain text of any length (multi-byte UTF-8 included), empty, or quoted with
    /// doubled quotes, delimiters and line breaks inside; sometimes broken (text after the quote).
    static func field(_ random: inout RandomSource, delimiter: UInt8) -> [UInt8] {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("7".utf8), Array(" ".utf8), Array("é".utf8), Array("日本".utf8),
                                 Array("💶".utf8), Array("2024-11-29 10:00:00".utf8), Array("19.99".utf8), [0xFF]]
        func text(_ count: Int) -> [UInt8] {
            (0..<count).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
        }
        let length = Int(random.next() % 4 == 0 ? random.next() % 90 : random.next() % 12)
        switch random.next() % 8 {
        case 0: return []
        case 1, 2:
            let inside: [[UInt8]] = [text(length / 3), Array("\"\"".utf8), [delimiter], [10], [13, 10], [13], text(length / 2)]
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            for _ in 0..<(1 + random.next() % 5) { quoted += inside[Int(random.next() % UInt64(inside.count))] }
            quoted.append(UInt8(ascii: "\""))
            if random.next() % 12 == 0 { quoted += text(2) }
            return quoted
        case 3: return text(length) + Array("\"x".utf8)  // a quote inside an unquoted field is text
        default: return text(length)
        }
    }

    /// A random buffer of rows with LF, CRLF or CR ends, empty lines, and sometimes no final break
    /// or an unclosed quote at the end.
    static func buffer(_ random: inout RandomSource, delimiter: UInt8) -> [UInt8] {
        let ends: [[UInt8]] = [[10], [10], [13, 10], [13]]
        var bytes: [UInt8] = []
        for _ in 0..<(random.next() % 40) {
            if random.next() % 15 == 0 { bytes += ends[Int(random.next() % 4)]; continue }
            let fields = 1 + Int(random.next() % 6)
            for k in 0..<fields {
                if k > 0 { bytes.append(delimiter) }
                bytes += field(&random, delimiter: delimiter)
            }
            bytes += ends[Int(random.next() % 4)]
        }
        switch random.next() % 4 {
        case 0: bytes += Array("9,\"unclosed\nquote".utf8)
        case 1: bytes += field(&random, delimiter: delimiter)  // no final line break
        default: break
        }
        return bytes
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 9])
    func agreesWithTheByteByByteReference(delimiter: UInt8) {
        var random = RandomSource(seed: 21 + UInt64(delimiter))
        for round in 0..<600 {
            let bytes = Self.buffer(&random, delimiter: delimiter)
            // the whole buffer as the file's end, then cut anywhere with more data to come
            let cuts = [(bytes.count, true), (Int(random.next() % UInt64(bytes.count + 1)), false),
                        (Int(random.next() % UInt64(bytes.count + 1)), true)]
            for (n, atEnd) in cuts {
                let split = Self.split(bytes, count: n, atEnd: atEnd, delimiter: delimiter)
                let reference = Self.reference(bytes, count: n, atEnd: atEnd, delimiter: delimiter)
                #expect(split == reference, "round \(round), \(n) of \(bytes.count) bytes, at end \(atEnd)")
                if split != reference { return }
            }
        }
    }

    @Test func fieldsCrossingEveryBlockEdge() {
        // one long row per offset, so a delimiter falls on each byte of a 64-byte block and past it
        for offset in 0..<130 {
            let bytes = Array(String(repeating: "x", count: offset).utf8) + Array(",é,\"a\"\"b\",,\r\n".utf8)
                + Array(String(repeating: "y", count: 200 - offset).utf8) + Array(",z".utf8)
            for atEnd in [true, false] {
                #expect(Self.split(bytes, count: bytes.count, atEnd: atEnd, delimiter: UInt8(ascii: ","))
                        == Self.reference(bytes, count: bytes.count, atEnd: atEnd, delimiter: UInt8(ascii: ",")))
            }
        }
    }
}
