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

/// The delimiters and line breaks of the 64 bytes of a buffer that `RowSplitter` looked at last:
/// rows are split from these bits, found 16 bytes at a time, instead of byte by byte.
///
/// Valid only for the buffer it was made over: a scan of a new buffer starts with a new one.
struct SpecialBytes {
    /// Buffer index of the block's first byte (none yet: below any index).
    fileprivate var base = Int.min / 2
    /// Bit k set where byte `base + k` is the delimiter, a line feed or a carriage return.
    fileprivate var bits: UInt64 = 0
}

/// Splits RFC 4180 rows (quotes, doubled quotes, line breaks inside quotes; CRLF, LF or CR line
/// ends) out of a byte buffer, one row per call, without copying.
struct RowSplitter {
    /// The field delimiter: `,`, `;` or tab.
    let delimiter: UInt8
    /// The delimiter, line feed and carriage return in every byte of a vector.
    private let delimiters: SIMD16<UInt8>, lineFeeds = SIMD16<UInt8>(repeating: 10), returns = SIMD16<UInt8>(repeating: 13)

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        delimiters = SIMD16(repeating: delimiter)
    }

    /// Splits the row starting at `i`, keeping up to `spans.count` field spans; `special` carries the
    /// bytes already looked at from one row to the next of the same buffer.
    ///
    /// Returns nil when the row is not complete before `n` and more data may follow (`atEnd` false).
    func row(_ p: UnsafeMutablePointer<UInt8>, from i: Int, count n: Int, atEnd: Bool,
             spans: UnsafeMutableBufferPointer<FieldSpan>, special: inout SpecialBytes) -> RowEnd? {
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
                i = fieldEnd(p, from: closed, count: n, special: &special)
                if span.end == n, result.problem == nil {
                    result.problem = .unclosedQuote
                    result.problemField = result.fields
                }
            } else {
                i = fieldEnd(p, from: i, count: n, special: &special)
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

    /// Splits the row starting at `i` of a buffer scanned for this row alone.
    func row(_ p: UnsafeMutablePointer<UInt8>, from i: Int, count n: Int, atEnd: Bool,
             spans: UnsafeMutableBufferPointer<FieldSpan>) -> RowEnd? {
        var special = SpecialBytes()
        return row(p, from: i, count: n, atEnd: atEnd, spans: spans, special: &special)
    }

    @inline(__always)
    private func isSpecial(_ byte: UInt8) -> Bool { byte == delimiter || byte == 10 || byte == 13 }

    /// Index of the first delimiter or line break at or after `start` (or `n`): from the bits of the
    /// block in `special`, then of the next 64 bytes, and so on; byte by byte in the last 63 bytes.
    @inline(__always)
    private func fieldEnd(_ p: UnsafeMutablePointer<UInt8>, from start: Int, count n: Int,
                          special: inout SpecialBytes) -> Int {
        let offset = start &- special.base
        var base = start
        if UInt(bitPattern: offset) < 64 {
            let rest = special.bits & (~0 &<< UInt64(offset))
            if rest != 0 { return special.base + rest.trailingZeroBitCount }
            base = special.base + 64
        }
        while base + 64 <= n {
            let bits = specialBits(UnsafeRawPointer(p + base))
            special = SpecialBytes(base: base, bits: bits)
            if bits != 0 { return base + bits.trailingZeroBitCount }
            base += 64
        }
        var i = base
        while i < n, !isSpecial(p[i]) { i += 1 }
        return i
    }

    /// Bit k set where byte `block[k]` (k < 64) is the delimiter, a line feed or a carriage return.
    @inline(__always)
    private func specialBits(_ block: UnsafeRawPointer) -> UInt64 {
        var bits: UInt64 = 0
        for part in 0..<4 {
            let bytes = block.loadUnaligned(fromByteOffset: 16 * part, as: SIMD16<UInt8>.self)
            let flags = (zeroFlags(bytes ^ delimiters) | zeroFlags(bytes ^ lineFeeds) | zeroFlags(bytes ^ returns))
                & SIMD16(repeating: 0x80)
            let words = unsafeBitCast(flags, to: SIMD2<UInt64>.self)
            bits |= (gathered(words[0]) | gathered(words[1]) << 8) &<< UInt64(16 * part)
        }
        return bits
    }

    /// The high bit set in each byte of `bytes` that is zero, exactly (no byte disturbs another).
    @inline(__always)
    private func zeroFlags(_ bytes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        ~(bytes | (SIMD16<UInt8>(repeating: 0) &- bytes))
    }

    /// The high bits of a word's eight bytes (no other bit set) as eight bits, byte k's as bit k.
    @inline(__always)
    private func gathered(_ word: UInt64) -> UInt64 {
        ((word >> 7) &* 0x0102_0408_1020_4080) >> 56
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
