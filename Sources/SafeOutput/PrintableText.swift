/// Text as messages and tables show it, on one line: a name or a cell that holds control characters
/// (a quoted field's line break, a tab, a zero byte that would end a message in C) cannot break the
/// message or the table's rows and columns.
public enum PrintableText {
    /// `text` with its control characters written as Lua escapes (`\n`, `\r`, `\t`, `\0`, `\27`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where isControl(scalar): shown += "\\\(scalar.value)"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
