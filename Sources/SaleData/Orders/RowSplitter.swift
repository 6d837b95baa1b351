/// Where one field of a row lies in the buffer.
struct FieldSpan {
    var start = 0
    var end = 0
    /// The field was quoted and holds doubled quotes still to be collapsed.
    var escaped = false
}

/// A quoting problem that makes a row unreadable.
enum QuotingProblem {
    case unclosedQuote
    case textAfterQuote

    var problem: OrdersProblem { self == .unclosedQuote ? .unclosedQuote : .textAfterQuote }
}

/// The end of one row found by `RowSplitter`.
struct RowEnd {
    /// Index just past the row (and its line break).
    var next: Int
    /// Fields in the row (may exceed the spans kept).
    var fields = 0
    /// Line breaks inside the row, its own included.
    var lineBreaks = 0
    /// A quoting problem, if any.
    var problem: QuotingProblem?
    /// Field (0-based) where the problem is.
    var problemField = 0
}

/// Splits RFC 4180 rows (quotes, doubled quotes, line breaks inside quotes; CRLF, LF or CR line
/// ends) out of a byte buffer, one row per call, without copying.
struct RowSplitter {
    /// The field delimiter: `,`, `;` or tab.
    let delimiter: UInt8
    /// The delimiter, line feed and carriage return repeated in every byte of a word.
    private let delimiterWord: UInt64, lineFeedWord: UInt64, returnWord: UInt64

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        delimiterWord = 0x0101_0101_0101_0101 &* UInt64(delimiter)
        lineFeedWord = 0x0101_0101_0101_0101 &* 10
        returnWord = 0x0101_0101_0101_0101 &* 13
    }

    /// Splits the row starting at `i`, keeping up to `spans.count` field spans.
    ///
    /// Returns nil when the row is not complete before `n` and more data may follow (`atEnd` false).
    func row(_ p: UnsafeMutablePointer<UInt8>, from i: Int, count n: Int, atEnd: Bool,
             spans: UnsafeMutableBufferPointer<FieldSpan>) -> RowEnd? {
        var result = RowEnd(next: i)
        var i = i
        while true {
            var span = FieldSpan(start: i, end: i)
            if i < n, p[i] == UInt8(ascii: "\"") {
                guard let closed = quoted(p, from: i + 1, count: n, atEnd: atEnd, into: &span,
                                          lineBreaks: &result.lineBreaks) else { return nil }
                if closed < n, !isSpecial(p[closed]), result.problem == nil {
                    result.problem = .textAfterQuote
                    result.problemField = result.fields
                }
                i = fieldEnd(p, from: closed, count: n)
                if span.end == n, result.problem == nil {
                    result.problem = .unclosedQuote
                    result.problemField = result.fields
                }
            } else {
                i = fieldEnd(p, from: i, count: n)
                span.end = i
            }
            if result.fields < spans.count { spans[result.fields] = span }
            result.fields += 1
            if i >= n {
                guard atEnd else { return nil }
                result.next = n
                result.lineBreaks += 1
                return result
            }
            let byte = p[i]
            if byte == delimiter { i += 1; continue }
            if byte == 13 {
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

    @inline(__always)
    private func isSpecial(_ byte: UInt8) -> Bool { byte == delimiter || byte == 10 || byte == 13 }

    /// Index of the first delimiter or line break at or after `i` (or `n`), eight bytes at a time.
    @inline(__always)
    private func fieldEnd(_ p: UnsafeMutablePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let found = zeroBytes(word ^ delimiterWord) | zeroBytes(word ^ lineFeedWord) | zeroBytes(word ^ returnWord)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n, !isSpecial(p[i]) { i += 1 }
        return i
    }

    /// High bit set in each zero byte of `word` (bytes above the first zero may be flagged too,
    /// so only the lowest flag is meaningful).
    @inline(__always)
    private func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Scans a quoted field's content from just after its opening quote; returns the index after the
    /// closing quote (or `n` when unclosed at the end), nil when more data is needed.
    private func quoted(_ p: UnsafeMutablePointer<UInt8>, from start: Int, count n: Int, atEnd: Bool,
                        into span: inout FieldSpan, lineBreaks: inout Int) -> Int? {
        var i = start
        span.start = start
        while i < n {
            let byte = p[i]
            if byte == UInt8(ascii: "\"") {
                if i + 1 < n, p[i + 1] == UInt8(ascii: "\"") {
                    span.escaped = true
                    i += 2
                    continue
                }
                if i + 1 >= n && !atEnd { return nil }
                span.end = i
                return i + 1
            }
            if byte == 10 || (byte == 13 && (i + 1 >= n || p[i + 1] != 10)) { lineBreaks += 1 }
            i += 1
        }
        guard atEnd else { return nil }
        span.end = n
        return n
    }
}
