/// Reads filter tokens as `condition (and condition)*`.
struct RowFilterParser {
    let tokens: [RowFilterToken]
    private var position = 0

    init(tokens: [RowFilterToken]) { self.tokens = tokens }

    /// Every condition up to the end; an empty filter has none.
    mutating func conditions() throws(OrderSourceError) -> [RowFilter.Condition] {
        if current.kind == .end { return [] }
        var result = [try condition()]
        while keyword("and") { result.append(try condition()) }
        guard current.kind == .end else { throw RowFilterLexer.near(current.rest) }
        return result
    }

    private var current: RowFilterToken { tokens[min(position, tokens.count - 1)] }

    private mutating func condition() throws(OrderSourceError) -> RowFilter.Condition {
        guard case .word(let name) = current.kind, !Self.keywords.contains(name.lowercased()) else {
            throw RowFilterLexer.near(current.rest)
        }
        let column = try SQLIdentifier(name, role: "column")
        position += 1
        if keyword("is") {
            let negated = keyword("not")
            guard keyword("null") else { throw RowFilterLexer.near(current.rest) }
            return .isNull(column, negated: negated)
        }
        if keyword("in") {
            try expect("(")
            var list = [try value()]
            while symbol(",") { list.append(try value()) }
            try expect(")")
            return .oneOf(column, list)
        }
        guard case .symbol(let op) = current.kind, !["(", ")", ","].contains(op) else {
            throw RowFilterLexer.near(current.rest)
        }
        position += 1
        return .compare(column, op, try value())
    }

    private mutating func value() throws(OrderSourceError) -> SQLValue {
        let token = current
        position += 1
        switch token.kind {
        case .string(let text): return .text(text)
        case .number(let number): return number
        case .word(let word) where word.lowercased() == "true": return .boolean(true)
        case .word(let word) where word.lowercased() == "false": return .boolean(false)
        default: throw RowFilterLexer.near(token.rest)
        }
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "is", "null", "true", "false"]

    private mutating func keyword(_ word: String) -> Bool {
        guard case .word(let found) = current.kind, found.lowercased() == word else { return false }
        position += 1
        return true
    }

    private mutating func symbol(_ text: String) -> Bool {
        guard current.kind == .symbol(text) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ text: String) throws(OrderSourceError) {
        guard symbol(text) else { throw RowFilterLexer.near(current.rest) }
    }
}
