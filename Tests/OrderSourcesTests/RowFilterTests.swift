import Testing
@testable import OrderSources

@Suite struct RowFilterTests {
    /// Filters and the SQL they become, with PostgreSQL placeholders from `$4`.
    static let cases: [(String, String, [SQLValue])] = [
        ("", "", []),
        ("status = 'paid'", "(\"status\" = $4)", [.text("paid")]),
        ("status='paid' AND total >= 10.5", "(\"status\" = $4) AND (\"total\" >= $5)", [.text("paid"), .real(10.5)]),
        ("country in ('DE', 'FR') and refunded is not null",
         "(\"country\" IN ($4, $5)) AND (\"refunded\" IS NOT NULL)", [.text("DE"), .text("FR")]),
        ("note = 'it''s'", "(\"note\" = $4)", [.text("it's")]),
        ("qty != -3 and test = false", "(\"qty\" <> $4) AND (\"test\" = $5)", [.integer(-3), .boolean(false)]),
        ("status = 'x'' or ''1''=''1'", "(\"status\" = $4)", [.text("x' or '1'='1")]),
        ("status = 'paid; drop table orders; --'", "(\"status\" = $4)", [.text("paid; drop table orders; --")]),
    ]

    @Test(arguments: cases)
    func rendersParameters(filter: String, sql: String, values: [SQLValue]) throws {
        let rendered = try RowFilter(filter).sql(firstParameter: 4) { "$\($0)" }
        #expect(rendered.text == sql)
        #expect(rendered.values == values)
    }

    /// Injection attempts and other SQL, with where reading stopped.
    static let refused: [(String, String)] = [
        ("status = 'paid' or 1 = 1", "or 1 = 1"),
        ("status = 'paid'; drop table orders", "; drop table orders"),
        ("status = 'paid' -- comment", "-- comment"),
        ("status = 'paid' /* x */", "/* x */"),
        ("1 = 1", "1 = 1"),
        ("status = status", "status"),
        ("\"status\" = 'paid'", "\"status\" = 'paid'"),
        ("status = 'paid' union select password from users", "union select password fr"),
        ("total > (select 1)", "(select 1)"),
        ("status = upper('paid')", "upper('paid')"),
        ("status =", "<end>"),
        ("and status = 'x'", "and status = 'x'"),
        ("status is 'x'", "'x'"),
    ]

    @Test(arguments: refused)
    func refusesEverythingElse(filter: String, near: String) {
        #expect(throws: OrderSourceError("bad 'where' near '\(near)' (comparisons of a column with values, joined"
                                         + " by 'and', expected)")) {
            try RowFilter(filter)
        }
    }

    @Test func unfinishedStringIsNamed() {
        #expect(throws: OrderSourceError("bad 'where' near ''paid' (unfinished string)")) { try RowFilter("s = 'paid") }
    }
}
