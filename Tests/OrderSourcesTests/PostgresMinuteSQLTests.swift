import SaleData
import Testing
@testable import OrderSources

@Suite struct PostgresMinuteSQLTests {
    @Test func valuesAreParametersAndNamesAreQuoted() throws {
        let query = try MinuteQuery(table: "sales.orders", time: "created_at", amount: "total", customer: "buyer",
                                    where: "status = 'paid'' or 1=1 --'", zone: try #require(ShopZone("+08:00")))
        let statement = MinuteSQL(query, dialect: PostgresMinuteSQL(timeKind: .instant), from: 100, through: 159)
        #expect(statement.text == """
            SELECT floor(extract(epoch FROM "created_at") / 60)::bigint AS minute, \
            sum(round("total"::numeric * 100))::bigint AS cents, count(*) AS orders, \
            count(DISTINCT "buyer") AS customers FROM "sales"."orders" WHERE "created_at" IS NOT NULL \
            AND "created_at" >= to_timestamp($1) AND "created_at" < to_timestamp($2) AND ("status" = $3) \
            GROUP BY 1 ORDER BY 1
            """)
        #expect(statement.parameters == ["6000", "9600", "paid' or 1=1 --"])
    }

    @Test func wallClockTimesAreBoundedWithSlack() throws {
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a")
        let statement = MinuteSQL(query, dialect: PostgresMinuteSQL(timeKind: .wallClock), from: 1440, through: nil)
        #expect(statement.text.contains("WHERE \"t\" IS NOT NULL AND \"t\" >= (to_timestamp($1) AT TIME ZONE 'UTC') GROUP BY"))
        #expect(statement.parameters == ["0"])
    }

    @Test func epochSecondsAreComparedAsThemselves() throws {
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a")
        let statement = MinuteSQL(query, dialect: PostgresMinuteSQL(timeKind: .epochSeconds), from: 1, through: 1)
        #expect(statement.text.hasPrefix("SELECT floor(\"t\"::float8 / 60)::bigint AS minute"))
        #expect(statement.text.contains("\"t\" >= $1 AND \"t\" < $2"))
        #expect(statement.parameters == ["60", "120"])
    }

    @Test func groupsAreTheFifthColumnAndTheFirstKey() throws {
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a", group: "country")
        let statement = MinuteSQL(query, dialect: PostgresMinuteSQL(timeKind: .instant), from: nil, through: nil)
        #expect(statement.text == """
            SELECT floor(extract(epoch FROM "t") / 60)::bigint AS minute, sum(round("a"::numeric * 100))::bigint AS cents, \
            count(*) AS orders, 0 AS customers, COALESCE(NULLIF(btrim("country"::text, ' '), ''), '(none)') AS grp \
            FROM "orders" WHERE "t" IS NOT NULL GROUP BY 5, 1 ORDER BY 5, 1
            """)
        #expect(statement.parameters.isEmpty)
    }
}
