import Foundation
import FlashLua
import LuaBridge
import OrderSources
import SaleData
import TemporaryFolders
import Testing
import TestSupport

@Suite struct OrdersQueryTests {
    @TemporaryFolder("flashcast-orders-query") var folder

    /// A day-long sale at +08:00 written as a CSV export and as an SQLite table
    /// `orders(order_id, created_at, customer, total, status)`; returns both paths.
    func saleFiles() throws -> (csv: String, sqlite: String) {
        var sale = SaleSimulation()
        sale.minutes = 1440
        sale.expectedOrders = 3000
        sale.zone = ShopZone(offsetSeconds: 8 * 3600)
        sale.timeFormat = .epoch
        let csv = folder.appendingPathComponent("orders.csv").path
        try sale.write(to: csv)
        let path = folder.appendingPathComponent("orders.db").path
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, created_at INTEGER, customer TEXT,"
            + " total REAL, status TEXT); BEGIN")
        let insert = try database.prepare("INSERT INTO orders VALUES (?1, ?2, ?3, ?4, ?5)")
        for order in sale.orders() {
            try insert.bind([.integer(Int64(order.id)), .integer(Int64(order.second)), .text(order.customerLabel),
                             .real(Double(order.cents) / 100), .text(order.id % 7 == 0 ? "refunded" : "paid")])
            _ = try insert.step()
        }
        try database.execute("COMMIT")
        return (csv, path)
    }

    @Test func queryEqualsReadingTheExport() throws {
        let (csv, sqlite) = try saleFiles()
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local a = assert(orders.read('\(csv)', {tz='+08:00'}))
            local b = assert(orders.query{url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total',
                                          customer='customer', tz='+08:00'})
            local same = true
            for _, name in ipairs({'revenue', 'count', 'customers', 'cumulative'}) do
              same = same and \(list("a[name]")) == \(list("b[name]")) and a[name].start == b[name].start
            end
            return same, a.total == b.total, #b.revenue, b.source, tostring(b.revenue.start)
            """)
        #expect(values == ["true", "true", "1440", "sqlite:\(sqlite)", "2021-05-20T08:00"])
    }

    /// `currency`/`rates` convert each order in the database as orders.read converts the export's.
    @Test func currenciesConvertInTheDatabaseAsInTheExport() throws {
        let (csv, sqlite) = try saleFiles()
        let database = try SQLiteDatabase(path: sqlite, mode: .readWrite)
        try database.execute("ALTER TABLE orders ADD COLUMN cur TEXT; UPDATE orders SET cur = CASE order_id % 3 WHEN 0 THEN 'EUR'"
            + " WHEN 1 THEN 'usd' ELSE NULL END")
        var text = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        text[0] += ",currency"
        for row in 1..<text.count {
            let id = Int(text[row].prefix { $0 != "," }) ?? 0
            text[row] += id % 3 == 0 ? ",EUR" : id % 3 == 1 ? ",usd" : ","
        }
        try (text.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local rates = {EUR = 1.08}
            local a = assert(orders.read('\(csv)', {tz = '+08:00', currency = 'USD', rates = rates}))
            local q = {url = 'sqlite:\(sqlite)', table = 'orders', time = 'created_at', amount = 'total', customer = 'customer',
                       tz = '+08:00', currency = 'USD', rates = rates, currency_column = 'cur'}
            local b = assert(orders.query(q))
            local plain = assert(orders.read('\(csv)', {tz = '+08:00', currency = 'USD', rates = {EUR = 1}}))
            q.rates = {}
            local none, message = orders.query(q)
            return \(list("a.revenue")) == \(list("b.revenue")), a.total == b.total, b.total > plain.total, none, message
            """)
        #expect(values == ["true", "true", "true", "nil",
                           "unknown currency 'EUR' in column 'cur' of table 'orders' (rates for USD)"])
        #expect(luaError(state, "orders.query{url = 'sqlite:\(sqlite)', table = 'orders', time = 'created_at', amount = 'total',"
            + " currency_column = 'cur'}") == "test:1: bad argument #1 to 'query' (option 'currency_column' goes with 'currency'"
            + " (the reporting currency))")
    }

    @Test func whereAndWindowArePushedDown() throws {
        let (_, sqlite) = try saleFiles()
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local q = {url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total', tz='+08:00',
                       from='2021-05-20 10:00', to='2021-05-20 10:59'}
            local all = assert(orders.query(q))
            q.where = "status = 'paid'"
            local paid = assert(orders.query(q))
            return #all.revenue, #paid.revenue, all.customers, paid.count:sum() < all.count:sum(), paid.count:sum() > 0
            """)
        #expect(values == ["60", "60", "nil", "true", "true"])
    }

    @Test(arguments: [
        ("{table='orders', time='t', amount='a'}", "bad argument #1 to 'query' (option 'url' is needed)"),
        ("{url='sqlite:x.db', time='t', amount='a'}", "bad argument #1 to 'query' (option 'table' is needed)"),
        ("{url='sqlite:x.db', table='orders; drop table orders', time='t', amount='a'}",
         "bad argument #1 to 'query' (bad table name 'orders; drop table orders' (plain identifier expected:"
            + " letters, digits and '_', not starting with a digit))"),
        ("{url='sqlite:x.db', table='orders', time='t', amount='a', where=\"s = 'x' or 1=1\"}",
         "bad argument #1 to 'query' (bad 'where' near 'or 1=1' (comparisons of a column with values, joined by"
            + " 'and', expected))"),
        ("{url='sqlite:x.db', table='orders', time='t', amount='a', tz='Mars/Base'}",
         "bad argument #1 to 'query' (option 'tz' must be a time zone, got 'Mars/Base')"),
        ("{url='mysql://root:hunter2@h/x', table='orders', time='t', amount='a'}",
         "bad argument #1 to 'query' (bad database url '<url hidden: it may hold a password>' (postgres://..., clickhouse://... or"
            + " sqlite:path expected))"),
        ("{url='sqlite:x.db', table='orders', time='t', amount='a', limit=5}", "bad argument #1 to 'query' (unknown option 'limit')"),
    ])
    func misuseIsRefusedInLuasWords(options: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), "orders.query\(options)") == "test:1: " + message)
    }

    /// The same for a sale followed in the database (`live.open{db=...}`).
    @Test(arguments: ["orders.query{url", "live.open{db"])
    func unreachableServerReturnsNilAndNoPassword(opening: String) throws {
        let values = try FlashLua.makeState().execute("""
            return \(opening)='postgres://shop:Sekrit-77@127.0.0.1:1/sales?connect_timeout=2', table='orders',
                                time='created_at', amount='total'}
            """)
        #expect(values.count == 2 && values[0] == "nil")
        #expect(values[1].hasPrefix("cannot connect to 'postgres://shop@127.0.0.1:1/sales': "))
        #expect(!values[1].contains("Sekrit-77"))
    }

    @Test func sandboxedRunsReadOnlyNamedDatabaseFiles() throws {
        let (_, sqlite) = try saleFiles()
        let output = folder.appendingPathComponent("out").path
        let refused = try FlashLua.makeState()
        try refused.applySandbox(try FileAccessPolicy(outputFolder: output, readable: []))
        let message = luaError(refused, "orders.query{url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total'}")
        #expect(message?.contains("reading '\(sqlite)' is not allowed in the sandbox") == true)
        let allowed = try FlashLua.makeState()
        try allowed.applySandbox(try FileAccessPolicy(outputFolder: output, readable: [sqlite]))
        #expect(try allowed.execute("""
            return #assert(orders.query{url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total'}).revenue
            """) == ["1440"])
    }

    @Test func liveQueryGrowsAndReportsNewMinutes() throws {
        let (_, sqlite) = try saleFiles()
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local q = assert(orders.live_query{url='sqlite:\(sqlite)', table='orders', time='created_at',
                                               amount='total', from='2021-05-20 08:00', to='2021-05-21 07:59', tz='+08:00'})
            local r, added = assert(q:refresh())
            local _, again = q:refresh()
            return tostring(q), q.table, #r.revenue, added, again
            """)
        #expect(values == ["LiveQuery('sqlite:\(sqlite)', 'orders', 1440 minutes)", "orders", "1440", "1440", "0"])
    }

    @Test func liveQueryByAColumnGivesTheGroupsAsTheQueryDoes() throws {
        let (_, sqlite) = try saleFiles()
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local options = {url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total', by='status',
                             from='2021-05-20 08:00', to='2021-05-21 07:59', tz='+08:00'}
            local q = assert(orders.live_query(options))
            local r = assert(q:refresh())
            local once = assert(orders.query(options))
            return r.by, #r.groups, r.groups[1].name, r.groups.paid.total == once.groups.paid.total,
                   r.groups.refunded.revenue == once.groups.refunded.revenue, math.abs(r.groups.paid.total + r.groups.refunded.total - r.total) < 1e-6
            """)
        #expect(values == ["status", "2", "paid", "true", "true", "true"])
        #expect(luaError(state, "orders.live_query{url='sqlite:\(sqlite)', table='orders', time='created_at', amount='total', by='st atus'}")
            == "test:1: bad argument #1 to 'live_query' (bad group column name 'st atus' (plain identifier expected: letters, digits and '_', not starting with a digit))")
    }
}
