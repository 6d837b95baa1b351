import SaleData
import Testing
@testable import OrderSources

@Suite struct PostgresMinuteSQLTests {
    @Test func valuesAreParametersAndNamesAreQuoted() throws {
        let query = try MinuteQuery(table: "sales.orders", time: "created_at", amount: "total", customer: "buyer",
                                    where: "status = 'paid'' or 1=1 --'", zone: try #require(ShopZone("+08:00")))
        let statement = PostgresMinuteSQL(query, timeKind: .instant, from: 100, through: 159)
        #expect(statement.text == """
            SELECT (extract(epoch FROM date_trunc('minute', "created_at", $1)) / 60)::bigint AS minute, \
            sum(round("total"::numeric * 100))::bigint AS cents, count(*) AS orders, \
            count(DISTINCT "buyer") AS customers FROM "sales"."orders" WHERE "created_at" IS NOT NULL \
            AND "created_at" >= to_timestamp($2) AND "created_at" < to_timestamp($3) AND ("status" = $4) \
            GROUP BY 1 ORDER BY 1
            """)
        #expect(statement.parameters == ["<+0800>-08:00", "6000", "9600", "paid' or 1=1 --"])
    }

    @Test func wallClockTimesAreGroupedLocallyWithSlack() throws {
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a")
        let statement = PostgresMinuteSQL(query, timeKind: .wallClock, from: 1440, through: nil)
        #expect(statement.text.hasPrefix("SELECT (extract(epoch FROM date_trunc('minute', \"t\")) / 60)::bigint"))
        #expect(statement.text.contains("\"t\" >= (to_timestamp($1) AT TIME ZONE 'UTC')"))
        #expect(statement.parameters == ["0"])
    }

    @Test(arguments: [("+08:00", "<+0800>-08:00"), ("-03:30", "<-0330>+03:30"), ("UTC", "UTC"),
                      ("Europe/Berlin", "Europe/Berlin")])
    func zonesArePosixForPostgres(name: String, posix: String) throws {
        #expect(PostgresMinuteSQL.zoneName(try #require(ShopZone(name))) == posix)
    }
}
