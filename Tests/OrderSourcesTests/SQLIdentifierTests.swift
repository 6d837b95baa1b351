import Testing
@testable import OrderSources

@Suite struct SQLIdentifierTests {
    @Test(arguments: [("orders", "\"orders\""), ("created_at", "\"created_at\""), ("_x9", "\"_x9\""),
                      ("Orders2021", "\"Orders2021\""), ("sales.orders", "\"sales\".\"orders\"")])
    func quotesPlainNames(name: String, quoted: String) throws {
        #expect(try SQLIdentifier(name, role: "table", qualified: true).quoted == quoted)
    }

    @Test(arguments: ["", "9lives", "orders; drop table orders", "orders\"", "a b", "a-b", "naïve", "a.b.c", ".a", "a.",
                      "\"orders\"", "orders--", String(repeating: "x", count: 64)])
    func refusesAnythingElse(name: String) {
        #expect(throws: OrderSourceError("bad table name '\(name)' (plain identifier expected: letters, digits and"
                                         + " '_', not starting with a digit)")) {
            try SQLIdentifier(name, role: "table", qualified: true)
        }
    }

    @Test func columnsCannotBeQualified() {
        #expect(throws: OrderSourceError.self) { try SQLIdentifier("orders.total", role: "amount column") }
        #expect((try? SQLIdentifier(String(repeating: "x", count: 63), role: "column")) != nil)
    }

    @Test func queryNamesTheBadArgument() {
        #expect(throws: OrderSourceError("bad time column name 'created_at) from users --' (plain identifier"
                                         + " expected: letters, digits and '_', not starting with a digit)")) {
            try MinuteQuery(table: "orders", time: "created_at) from users --", amount: "total")
        }
    }
}
