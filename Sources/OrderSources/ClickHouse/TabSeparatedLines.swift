/// Splits ClickHouse's `TabSeparated` output into rows of fields as the bytes arrive, undoing the
/// format's escapes (`\t`, `\n`, `\\`, `\'`, ...; `\N` is NULL).
struct TabSeparatedLines {
    private var partial: [UInt8] = []

    /// The complete lines in `bytes` (with what was left from before), each split into fields.
    mutating func rows(in bytes: [UInt8]) -> [[String?]] {
        partial += bytes
        guard let lastBreak = partial.lastIndex(of: 10) else { return [] }
        let complete = partial[..<lastBreak]
        let rows = complete.split(separator: 10, omittingEmptySubsequences: false).map(Self.fields)
        partial.removeFirst(lastBreak + 1)
        return rows
    }

    /// What follows the last line break (nonempty only when the answer was cut or is an error text).
    var rest: String { String(decoding: partial, as: UTF8.self) }

    /// A line's fields, unescaped.
    static func fields(_ line: ArraySlice<UInt8>) -> [String?] {
        line.split(separator: 9, omittingEmptySubsequences: false).map { field in
            if field.elementsEqual([92, 78]) { return nil }
            guard field.contains(92) else { return String(decoding: field, as: UTF8.self) }
            var bytes: [UInt8] = []
            var escaped = false
            for byte in field {
                if escaped {
                    switch byte {
                    case UInt8(ascii: "t"): bytes.append(9)
                    case UInt8(ascii: "n"): bytes.append(10)
                    case UInt8(ascii: "r"): bytes.append(13)
                    case UInt8(ascii: "b"): bytes.append(8)
                    case UInt8(ascii: "f"): bytes.append(12)
                    case UInt8(ascii: "0"): bytes.append(0)
                    default: bytes.append(byte)
                    }
                    escaped = false
                } else if byte == 92 {
                    escaped = true
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
