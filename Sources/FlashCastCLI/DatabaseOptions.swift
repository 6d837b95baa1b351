import ArgumentParser
import FlashREPL
import OrderSources
import SaleData

/// `--db URL --table NAME [--where FILTER]`: `flashcast aggregate` reading a database table instead of a CSV.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read orders from a database instead of a CSV: postgres://user@host/db (password from PGPASSWORD or"
            + " ~/.pgpass), clickhouse://user@host:8123/db (password from CLICKHOUSE_PASSWORD or"
            + " CLICKHOUSE_PASSWORD_FILE) or sqlite:path.db; the database sums each minute.",
        valueName: "url"))
    var db: String?

    @Option(help: ArgumentHelp(
        "Table of orders (with --db); columns order_time and amount unless --map names others, distinct"
            + " customers only with --map customer=.",
        valueName: "orders"))
    var table: String?

    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Rows to keep (with --db): comparisons of a column with values joined by 'and'; values are sent as"
            + " parameters, never as SQL.",
        valueName: "status = 'paid'"))
    var filter: String?

    /// Checks the options against the CSV ones: exactly one source, and no CSV-only option with `--db`.
    func validate(input: String?, map: ColumnMap?, lenient: Bool, currency: String?) throws {
        guard let db else {
            guard input != nil else { throw ValidationError("give an orders CSV or --db") }
            if table != nil || filter != nil { throw ValidationError("--table and --where go with --db") }
            return
        }
        guard input == nil else { throw ValidationError("give an orders CSV or --db, not both") }
        guard table != nil else { throw ValidationError("--db needs --table") }
        if lenient { throw ValidationError("--lenient is for CSV files") }
        if let columns = map?.columns, columns.orderID != nil || columns.status != nil {
            throw ValidationError("--map takes time, amount, customer and currency with --db (filter statuses with --where)")
        }
        if map?.columns.currency != nil, currency == nil { throw ValidationError("--map currency= goes with --currency") }
        do { _ = try DatabaseURL(db) } catch { throw ValidationError(error.message) }
    }

    /// The per-minute table the database sums; columns default to the CSV names `order_time` and `amount`
    /// (and `currency`, converted with `rates`).
    func read(map: ColumnMap?, zone: ShopZone, window: ClosedRange<Int>?, customers: Bool, rates: CurrencyRates?)
        throws(OrderSourceError) -> (table: MinuteTable, source: String) {
        let url = db ?? ""
        let columns = map?.columns ?? OrderColumns()
        let query = try MinuteQuery(table: table ?? "", time: columns.time ?? "order_time",
                                    amount: columns.amount ?? "amount", customer: customers ? columns.customer : nil,
                                    where: filter, window: window, zone: zone,
                                    currency: try Self.conversion(columns, rates))
        let minutes = try OrderDatabase.open(url).minuteTable(query)
        return (minutes, "table '\(query.table)' of '\(try DatabaseURL(url))'")
    }

    /// The total and each group's table, the database grouping by `grouping`'s column and minute.
    func readGroups(map: ColumnMap?, zone: ShopZone, window: ClosedRange<Int>?, customers: Bool, rates: CurrencyRates?,
                    grouping: OrderGrouping, column: String)
        throws(OrderSourceError) -> (total: MinuteTable, groups: [OrderGroup], source: String) {
        let url = db ?? ""
        let columns = map?.columns ?? OrderColumns()
        let query = try MinuteQuery(table: table ?? "", time: columns.time ?? "order_time",
                                    amount: columns.amount ?? "amount", customer: customers ? columns.customer : nil,
                                    where: filter, window: window, zone: zone, group: column,
                                    currency: try Self.conversion(columns, rates))
        let (total, groups) = try OrderDatabase.open(url).groupedTables(query, grouping: grouping)
        return (total, groups, "table '\(query.table)' of '\(try DatabaseURL(url))'")
    }

    /// The database's conversion of the currency column (`--map currency=`, default `currency`) with `rates`.
    static func conversion(_ columns: OrderColumns, _ rates: CurrencyRates?) throws(OrderSourceError) -> CurrencyConversion? {
        try rates.map { rates throws(OrderSourceError) in try CurrencyConversion(column: columns.currency ?? "currency", rates: rates) }
    }
}
