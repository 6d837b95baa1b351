/// Reads the Lua expression that ends at the cursor, as completion needs it: `sale.revenue:cumsum():`
/// in `print(sale.revenue:cumsum():`, cut into names, fields and calls. It reads text only.
enum ExpressionParser {
    /// One step after the first name of an expression.
    enum Step: Equatable {
        /// `.name`
        case field(String)
        /// `:name(...)`, `:name{...}` or `:name"..."`
        case methodCall(String)
        /// `(...)`, `{...}` or `"..."` after a value that is not a method, with the text of the first
        /// argument of a bracketed list (`sale` in `forecast.run(sale, {...})`), nil when there is none
        case call(firstArgument: String?)
        /// `[key]`: the key when it is a literal (`1`, `"name"`), else nil
        case index(Key?)
    }

    /// A literal key of an index step.
    enum Key: Equatable {
        case integer(Int)
        case string(String)
    }

    /// The expression that ends the text: a name followed by fields, method calls and calls with
    /// balanced brackets (`a.b:c(1, ")").d:`), or "" when the text does not end in one.
    static func trailingExpression(of text: String) -> Substring {
        let bytes = Array(text.utf8)
        var start = bytes.count
        var depth = 0
        while start > 0 {
            let byte = bytes[start - 1]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let open = bytes[..<(start - 1)].lastIndex(of: byte) else { return "" }
                start = open
                continue
            }
            if closing.contains(byte) {
                depth += 1
            } else if opening.contains(byte) {
                guard depth > 0 else { break }
                depth -= 1
            } else if depth == 0 && !isNameByte(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: ":") {
                break
            }
            start -= 1
        }
        guard depth == 0 else { return "" }
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: start)
        let expression = text[index...]
        guard let first = expression.utf8.first else { return expression }
        return isNameByte(first) && !isDigit(first) ? expression : ""
    }

    /// The steps of an expression without its trailing separator and partial name, after the first
    /// name (a global, looked up in `_G`, so it comes first as a field); nil when it is not one.
    static func steps(_ expression: Substring) -> [Step]? {
        let bytes = Array(expression.utf8)
        var position = 0
        guard let first = name(bytes, &position) else { return nil }
        var steps = [Step.field(first)]
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."):
                position += 1
                guard let field = name(bytes, &position) else { return nil }
                steps.append(.field(field))
            case UInt8(ascii: ":"):
                position += 1
                guard let method = name(bytes, &position), skipArguments(bytes, &position) else { return nil }
                steps.append(.methodCall(method))
            case UInt8(ascii: "["):
                let open = position
                guard skipArguments(bytes, &position) else { return nil }
                steps.append(.index(key(bytes[(open + 1)..<(position - 1)])))
            default:
                let open = position
                guard skipArguments(bytes, &position) else { return nil }
                steps.append(.call(firstArgument: firstArgument(bytes[open..<position])))
            }
        }
        return steps
    }

    /// Reads a name at `position`, moving past it.
    private static func name(_ bytes: [UInt8], _ position: inout Int) -> String? {
        let start = position
        while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
        guard position > start, !isDigit(bytes[start]) else { return nil }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// The key between `[` and `]` when it is an integer or a quoted string without escapes.
    private static func key(_ bytes: ArraySlice<UInt8>) -> Key? {
        var text = Substring(String(decoding: bytes, as: UTF8.self))
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        if let integer = Int(text) { return .integer(integer) }
        guard let quote = text.first, quote == "\"" || quote == "'", text.count >= 2, text.last == quote else { return nil }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains(quote), !inner.contains("\\") else { return nil }
        return .string(String(inner))
    }

    /// The first argument's text in a bracketed argument list (`(a.b, 2)` gives `a.b`), spaces
    /// trimmed; nil for a table or string argument, or an empty list.
    private static func firstArgument(_ arguments: ArraySlice<UInt8>) -> String? {
        guard arguments.first == UInt8(ascii: "("), arguments.count > 2 else { return nil }
        var end = arguments.startIndex + 1
        var depth = 0
        while end < arguments.endIndex - 1 {
            let byte = arguments[end]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                end = arguments[(end + 1)...].firstIndex(of: byte) ?? arguments.endIndex - 1
            } else if opening.contains(byte) {
                depth += 1
            } else if closing.contains(byte) {
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 0 {
                break
            }
            end += 1
        }
        let text = arguments[(arguments.startIndex + 1)..<end].drop { $0 == UInt8(ascii: " ") }
        let trimmed = text.prefix(text.lastIndex { $0 != UInt8(ascii: " ") }.map { $0 + 1 - text.startIndex } ?? 0)
        return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
    }

    /// Moves past one call's arguments or index: a bracketed list, a table or a string.
    private static func skipArguments(_ bytes: [UInt8], _ position: inout Int) -> Bool {
        guard position < bytes.count else { return false }
        let first = bytes[position]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = bytes[(position + 1)...].firstIndex(of: first) else { return false }
            position = close + 1
            return true
        }
        guard first == UInt8(ascii: "(") || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = bytes[(position + 1)...].firstIndex(of: byte) else { return false }
                position = close
            } else if opening.contains(byte) {
                depth += 1
            } else if closing.contains(byte) {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return true
                }
            }
            position += 1
        }
        return false
    }

    private static let opening: Set<UInt8> = [UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{")]
    private static let closing: Set<UInt8> = [UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}")]

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Letters, digits and `_`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
