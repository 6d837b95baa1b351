import Foundation
import SaleData
import TemporaryFolders
import Testing
@testable import OrderSources

/// Amounts in several currencies converted by the database, order by order, against the CSV reader's
/// conversion of the same orders.
enum CurrencySales {
    /// Each order's currency code: mixed case, padded with spaces, empty (the reporting currency) or,
    /// where the database allows, NULL.
    static func code(_ id: Int, nulls: Bool) -> String? { ["EUR", " usd ", "", "jpy", "BRL", nil][id % 6] ?? (nulls ? nil : "") }

    /// The rates into USD.
    static let rates = CurrencyRates(reporting: "USD", rates: ["EUR": 1.08, "JPY": 0.0067, "BRL": 0.2])

    /// SQL adding the text column `cur` to `table` and setting each order's code.
    static func codeSQL(_ table: String, nulls: Bool) -> [String] {
        let cases = (0..<6).map { "WHEN \($0) THEN " + (code($0, nulls: nulls).map { "'\($0)'" } ?? "NULL") }
        return ["ALTER TABLE \(table) ADD COLUMN cur text", "UPDATE \(table) SET cur = CASE order_id % 6 \(cases.joined(separator: " ")) END"]
    }

    /// The total and groups (by market) the CSV reader makes of the sale with its codes converted.
    static func csvGroups(_ sale: SaleSimulation) throws -> GroupedOrders {
        let folder = TemporaryFolder("ordersources")
        defer { folder.remove() }
        var text = "order_id,order_time,customer,amount,country,currency\n"
        for order in sale.orders() {
            text += "\(order.id),\(SimulatedSales.timeText(order, sale)),\(order.customerLabel),"
                + "\(Double(order.cents) / 100),\(GroupedSales.market(order.id)),\(code(order.id, nulls: false) ?? "")\n"
        }
        var options = OrdersReadOptions()
        options.zone = sale.zone
        options.rates = rates
        return try OrdersReader.read(path: try folder.write("orders.csv", text), options: options,
                                     grouping: OrderGrouping(.column("country")))
    }

    /// The query grouping by market (`status`) and converting `cur` with `rates`.
    static func query(_ table: String, zone: ShopZone, rates: CurrencyRates = rates) throws -> MinuteQuery {
        try MinuteQuery(table: table, time: "created_at", amount: "total", customer: "customer", zone: zone, group: "status",
                        currency: try CurrencyConversion(column: "cur", rates: rates))
    }

    /// Checks that `source` groups `table`, converted, exactly as the CSV reader groups `sale`, and that
    /// rates without BRL are refused naming it; returns the total it read.
    @discardableResult
    static func expectTheCSVReadersGroups(_ source: some OrderSource, _ table: String, _ sale: SaleSimulation) throws -> MinuteTable {
        let (total, groups) = try source.groupedTables(try query(table, zone: sale.zone), grouping: OrderGrouping(.column("status")))
        let expected = try csvGroups(sale)
        #expect(total == expected.total.table)
        #expect(groups == expected.groups)
        #expect(throws: unknownBRL(table)) {
            try source.groupedTables(try query(table, zone: sale.zone, rates: withoutBRL), grouping: OrderGrouping(.column("status")))
        }
        return total
    }

    /// The error of a query whose rates lack BRL.
    static let withoutBRL = CurrencyRates(reporting: "USD", rates: ["EUR": 1.08, "JPY": 0.0067])
    static func unknownBRL(_ table: String) -> OrderSourceError {
        OrderSourceError("unknown currency 'BRL' in column 'cur' of table '\(table)' (rates for EUR, JPY, USD)")
    }
}

@Suite struct CurrencyConversionTests {
    let folder = TemporaryFolder("ordersources")

    @Test func ratesAreWrittenAsExactDecimals() {
        let cases: [(Double, String)] = [(1.08, "1.08"), (0.0067, "0.0067"), (1, "1"), (0.00001, "0.00001"), (0.2, "0.2"),
                                         (1234.5, "1234.5"), (0.9999999999999, "1")]
        for (rate, text) in cases { #expect(CurrencyConversion.decimalText(rate) == text, "\(rate)") }
        for code in ["E'UR", "", "US D", "€"] {
            #expect(throws: OrderSourceError.self) {
                try CurrencyConversion(column: "cur", rates: CurrencyRates(reporting: "USD", rates: [code: 2]))
            }
        }
        #expect(throws: OrderSourceError.self) { try CurrencyConversion(column: "cur; drop", rates: CurrencySales.rates) }
    }

    @Test func sqliteConvertsAsTheCSVReader() throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .local)
        let path = try SimulatedSales.sqliteFile(sale, in: folder)
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        try database.execute(GroupedSales.marketSQL(nulls: true).replacingOccurrences(of: "%@", with: "orders"))
        for statement in CurrencySales.codeSQL("orders", nulls: true) { try database.execute(statement) }
        let total = try CurrencySales.expectTheCSVReadersGroups(try SQLiteSource(path: path), "orders", sale)
        #expect(total.totalCents != (try SimulatedSales.csvTable(sale)).totalCents)
    }

    @Test(PostgresTestServer.enabled, arguments: ["timestamp with time zone", "bigint"])
    func postgresConvertsAsTheCSVReader(timeType: String) throws {
        let sale = timeType == "bigint" ? SimulatedSales.sale(zone: .utc, format: .epoch)
            : SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .offset)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: timeType, source: source)
        _ = try source.run(GroupedSales.marketSQL(nulls: false).replacingOccurrences(of: "%@", with: table), [])
        for statement in CurrencySales.codeSQL(table, nulls: true) { _ = try source.run(statement, []) }
        try CurrencySales.expectTheCSVReadersGroups(source, table, sale)
    }

    @Test(ClickHouseTestServer.enabled, arguments: ["Decimal(12, 2)", "Float64"])
    func clickHouseConvertsAsTheCSVReader(amountType: String) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: "DateTime", amountType: amountType, source: source) { id in
            GroupedSales.market(id)
        }
        let codes = (0..<6).map { SQLValue.text(CurrencySales.code($0, nulls: false) ?? "").clickHouseLiteral }
        _ = try source.run("ALTER TABLE \(table) ADD COLUMN cur String ALIAS [\(codes.joined(separator: ", "))][order_id % 6 + 1]")
        try CurrencySales.expectTheCSVReadersGroups(source, table, sale)
    }
}
