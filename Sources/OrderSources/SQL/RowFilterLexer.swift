/// A token of a `where` filter, with the text from its start (for error messages).
struct RowFilterToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case word(String)
        case string(String)
        case number(SQLValue)
        case symbol(String)
        case end
    }

    let kind: Kind
    /// The filter text from this token on.
    let rest: Substring
}

/// Splits a `where` filter into words, quoted strings, numbers and comparison symbols.
enum RowFilterLexer {
    private static let symbols = ["<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", ","]

    /// The tokens of a filter, ending with `.end`; anything else (a `;`, a comment, a double quote) is refused.
    static func tokens(of text: String) throws(OrderSourceError) -> [RowFilterToken] {
        var tokens: [RowFilterToken] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard let first = rest.first else { break }
            let start = rest
            if first == "'" {
                tokens.append(RowFilterToken(kind: .string(try string(&rest)), rest: start))
            } else if first.isASCII, first.isLetter || first == "_" {
                let word = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                rest = rest.dropFirst(word.count)
                tokens.append(RowFilterToken(kind: .word(String(word)), rest: start))
            } else if first.isASCII, first.isNumber || first == "-" || first == "+" || first == "." {
                let literal = rest.prefix { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
                rest = rest.dropFirst(literal.count)
                tokens.append(RowFilterToken(kind: .number(try number(literal, at: start)), rest: start))
            } else if let symbol = symbols.first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(symbol.count)
                tokens.append(RowFilterToken(kind: .symbol(symbol == "!=" ? "<>" : symbol), rest: start))
            } else {
                throw near(start)
            }
        }
        tokens.append(RowFilterToken(kind: .end, rest: rest))
        return tokens
    }

    /// The error for a filter that cannot be read from `rest` on.
    static func near(_ rest: Substring) -> OrderSourceError {
        let shown = rest.isEmpty ? "<end>" : String(rest.prefix(24))
        return OrderSourceError("bad 'where' near '\(shown)' (comparisons of a column with values, joined by"
            + " 'and', expected)")
    }

    private static func string(_ rest: inout Substring) throws(OrderSourceError) -> String {
        let start = rest
        rest = rest.dropFirst()
        var value = ""
        while let character = rest.first {
            rest = rest.dropFirst()
            if character != "'" {
                value.append(character)
            } else if rest.first == "'" {
                value.append("'")
                rest = rest.dropFirst()
            } else {
                return value
            }
        }
        throw OrderSourceError("bad 'where' near '\(start.prefix(24))' (unfinished string)")
    }

    private static func number(_ literal: Substring, at start: Substring) throws(OrderSourceError) -> SQLValue {
        if let integer = Int64(literal) { return .integer(integer) }
        if let real = Double(literal), real.isFinite { return .real(real) }
        throw near(start)
    }
}
