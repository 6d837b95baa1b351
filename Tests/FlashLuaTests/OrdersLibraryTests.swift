import Foundation
import Synchronization
import FlashLua
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// Values of a series as `a,b,c`, for comparing in one string.
func list(_ expression: String) -> String { "table.concat(\(expression):totable(), ',')" }

@Suite struct OrdersLibraryTests {
    let files = TemporaryFolder("flashcast-orders")
    /// Two currencies, a shop at +08:00, a duplicate row, a cancelled order, mapped column names.
    let shop = """
        order_id;created_at;email;total;currency;status
        1;2021-05-20 14:03:10;a@x.com;10.00;USD;paid
        2;2021-05-20T06:03:50Z;b@x.com;10.00;EUR;paid
        3;2021-05-20 14:05:00;a@x.com;5.50;usd;
        4;2021-05-20 14:05:30;c@x.com;99;USD;cancelled
        1;2021-05-20 14:03:10;a@x.com;10.00;USD;paid

        """
    let shopOptions = "{map={time='created_at', amount='total'}, tz='+08:00', currency='USD', rates={EUR=1.08}}"

    @Test func readsPerMinuteSeriesAndTheReport() throws {
        let path = try files.write("shop.csv", shop)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = assert(orders.read('\(path)', \(shopOptions)))
            return \(list("r.revenue")), \(list("r.count")), \(list("r.customers")), \(list("r.cumulative")),
              r.total, r.revenue.start, r.report.rows, r.report.orders, r.report.duplicates,
              r.report.excluded.cancelled, r.report.summary, r.report.examples['duplicate order id'][1]
            """)
        #expect(values == [
            "20.8,0.0,5.5", "2.0,0.0,1.0", "2.0,0.0,1.0", "20.8,20.8,26.3", "26.3", "2021-05-20T14:03", "5", "3", "1",
            "1", "read 5 rows: 3 orders, 1 duplicates, 1 excluded (cancelled 1)",
            "shop.csv:6:1: order id '1' seen before",
        ])
    }

    @Test func aWindowKeepsItsMinutes() throws {
        let path = try files.write("shop.csv", shop)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local o = \(shopOptions)
            o.from, o.to, o.customers = '2021-05-20 14:02', '2021-05-20T14:04', false
            local r = assert(orders.read('\(path)', o))
            return \(list("r.revenue")), r.customers, r.report.outside_window
            """)
        #expect(values == ["0.0,20.8,0.0", "nil", "1"])
    }

    /// Exports from European shops: decimal commas and day-first dates, found or given.
    @Test func europeanExportsAreRead() throws {
        let state = try FlashLua.makeState()
        let found = try files.write("de.csv", "Bestellzeit;Betrag\n29.11.2024 10:00;12,50\n29.11.2024 10:01;1.234,50\n")
        #expect(try state.execute("""
            local r = orders.read('\(found)', {map = {time = "Bestellzeit", amount = "Betrag"}})
            return r.total, r.revenue.start, r.report.summary
            """) == ["1247.0", "2024-11-29T10:00", "read 2 rows: 2 orders, decimal comma (line 2)"])
        let unclear = try files.write("fr.csv", "order_time;amount\n01/12/2024 10:00;1.000\n02/12/2024 10:00;2\n")
        #expect(try state.execute("return orders.read('\(unclear)')") == [
            "nil", "fr.csv:2:1: order time '01/12/2024 10:00' may be day-first or month-first: set the option dates to 'dmy' or 'mdy'",
        ])
        #expect(try state.execute("""
            local r = orders.read('\(unclear)', {decimal = ",", dates = "dmy"})
            return r.total, r.revenue.start
            """) == ["1002.0", "2024-12-01T10:00"])
        #expect(try state.execute("local live = orders.live('\(unclear)', {decimal = '.', dates = 'mdy'}) return live:refresh().total")
                == ["3.0"])
        #expect(throws: LuaScriptError.self) { try state.execute("orders.read('\(unclear)', {decimal = ';'})") }
        #expect(try state.execute("return select(2, pcall(orders.read, '\(unclear)', {dates = 'ymd'}))") == [
            "bad argument #2 to 'orders.read' (option 'dates' must be one of 'dmy', 'mdy', got 'ymd')",
        ])
    }

    @Test func badRowsNameFileLineAndColumn() throws {
        let path = try files.write("orders.csv", "order_id,order_time,customer,amount\n1,2021-05-20T14:03:00,a,1\n2,2021-05-20T14:04:00,b,12,5\n3,2021-05-20T14:04:00,c,x\n")
        let state = try FlashLua.makeState()
        #expect(try state.execute("return orders.read('\(path)')") == ["nil", "orders.csv:3:5: row has 5 fields, header has 4"])
        let lenient = try state.execute("""
            local r = orders.read('\(path)', {strict=false})
            return r.total, r.report.skipped['wrong number of fields'], r.report.skipped['amount is not a number'],
              r.report.examples['amount is not a number'][1], r.report.summary
            """)
        #expect(lenient == ["1.0", "1", "1", "orders.csv:4:4: amount is not a number: 'x'",
                            "read 3 rows: 1 orders, 2 skipped (amount is not a number: 1, wrong number of fields: 1)"])
        #expect(try state.execute("return orders.read('/nonexistent/o.csv')") == ["nil", "cannot open '/nonexistent/o.csv': no such file or directory"])
        let semicolon = try files.write("eu.csv", "order_time;amount\n2021-05-20T14:03:00;12,5x\n")
        #expect(try state.execute("return orders.read('\(semicolon)')") == ["nil", "eu.csv:2:2: amount is not a number: '12,5x'"])
        let piped = try files.write("p.csv", "order_time|amount\n2021-05-20T14:03:00|12.5\n")
        #expect(try state.execute("return orders.read('\(piped)', {delimiter='|'}).total") == ["12.5"])
    }

    @Test func aggregatesLuaRows() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = orders.aggregate({
              {time='2021-05-20 14:03:10', amount=10, id=1, customer='a'},
              {time=1621519430, amount='2.5', id=2},
              {time='2021-05-20 14:03:10', amount=10, id=1, customer='a'},
              {time='2021-05-20T14:05:59', amount=1, id=3, customer='b'},
            }, {tz='UTC'})
            return \(list("r.revenue")), \(list("r.count")), \(list("r.customers")), r.report.duplicates, r.revenue.start
            """)
        #expect(values == ["12.5,0.0,1.0", "2.0,0.0,1.0", "1.0,0.0,1.0", "1", "2021-05-20T14:03"])
        let mapped = try state.execute("""
            local r = orders.aggregate({{at='2021-05-20 10:00', total=3}}, {map={time='at', amount='total'}, tz='+08:00'})
            return r.total, r.revenue.start, r.revenue.tz
            """)
        #expect(mapped == ["3.0", "2021-05-20T10:00", "+08:00"])
    }

    @Test func liveRefreshReadsOnlyNewRows() throws {
        let path = try files.write("live.csv", "order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n2,2021-05-20T14:04")
        let state = try FlashLua.makeState()
        try state.execute("live = orders.live('\(path)')")
        #expect(try state.execute("local r, new = live:refresh() return r.total, new, live.offset") == ["1.0", "1", "51"])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(":00,2\n3,2021-05-20T14:06:00,4\n4,x,1\n".utf8))
        try handle.close()
        #expect(try state.execute("return live:refresh()") == ["nil", "live.csv:5:2: order time is not a timestamp: 'x'"])
        #expect(try state.execute("local r, new = live:refresh() return r, new") == ["nil", "live.csv:5:2: order time is not a timestamp: 'x'"])
        try "order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n2,2021-05-20T14:04:00,2\n3,2021-05-20T14:06:00,4\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try state.execute("local r, new = live:refresh() return \(list("r.revenue")), new")
            == ["1.0,2.0,0.0,4.0", "3"])
        #expect(try state.execute("local r, new = live:refresh() return r.total, new, tostring(live):match('^LiveOrders')")
            == ["7.0", "0", "LiveOrders"])
    }

    @Test(arguments: [
        ("orders.read('x.csv', {map={tme='t'}})", "bad argument #2 to 'read' (option 'map' has unknown field 'tme' (fields: id, time, customer, amount, currency, status))"),
        ("orders.read('x.csv', {map={time=1}})", "bad argument #2 to 'read' (option 'map' field 'time' must be a column name, got number)"),
        ("orders.read('x.csv', {tz='Mars/Base'})", "bad argument #2 to 'read' (option 'tz' must be a time zone, got 'Mars/Base')"),
        ("orders.read('x.csv', {rates={EUR=1.08}})", "bad argument #2 to 'read' (option 'currency' is needed with 'rates' (the reporting currency))"),
        ("orders.read('x.csv', {currency='USD', rates={EUR=-1}})", "bad argument #2 to 'read' (option 'rates' rate of 'EUR' must be a positive number)"),
        ("orders.read('x.csv', {delimiter='ab'})", "bad argument #2 to 'read' (option 'delimiter' must be one character other than a quote or line break, got 'ab')"),
        ("orders.read('x.csv', {from='2021-05-20'})", "bad argument #2 to 'read' (option 'to' is needed with 'from')"),
        ("orders.read('x.csv', {from='2021-05-21', to='2021-05-20'})", "bad argument #2 to 'read' (option 'to' must not be before 'from')"),
        ("orders.read('x.csv', {strict='yes'})", "bad argument #2 to 'read' (option 'strict' boolean expected, got string)"),
        ("orders.read('x.csv', {lenient=true})", "bad argument #2 to 'read' (unknown option 'lenient')"),
        ("orders.read()", "bad argument #1 to 'read' (string expected, got no value)"),
        ("orders.aggregate({{time='soon', amount=1}})", "bad argument #1 to 'aggregate' (row 1: 'time' must be a time, got 'soon')"),
        ("orders.aggregate({{time=0, amount=1}, {time=0, amount='x'}})", "bad argument #1 to 'aggregate' (row 2: 'amount' must be a number, got 'x')"),
        ("orders.aggregate({{time=0, amount=-1}})", "bad argument #1 to 'aggregate' (row 1: 'amount' must be between 0 and 9e13, got -1.0)"),
        ("orders.aggregate({5})", "bad argument #1 to 'aggregate' (row 1: table expected, got number)"),
        ("orders.simulate{minutes=0}", "bad argument #1 to 'simulate' (option 'minutes' must be at least 1)"),
        ("orders.simulate{repeat_share=2}", "bad argument #1 to 'simulate' (option 'repeat_share' must be between 0 and 1)"),
        ("orders.simulate{format='iso'}", "bad argument #1 to 'simulate' (option 'format' must be one of 'local', 'offset', 'epoch', got 'iso')"),
        ("orders.simulate{campaigns={{at='25:61'}}}", "bad argument #1 to 'simulate' (option 'campaigns' item 1: 'at' must be minutes after the start or 'HH:MM')"),
        ("orders.simulate{campaigns={{at=10, lift=-1}}}", "bad argument #1 to 'simulate' (option 'campaigns' item 1: 'lift' must be a number, not negative)"),
        ("orders.simulate{campaigns={{at=10, halflife=0}}}", "bad argument #1 to 'simulate' (option 'campaigns' item 1: 'halflife' and 'rise' must be positive)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == "test:1: " + message)
    }

    /// An interrupted read stops at its next block and raises the interrupt, not `nil, message`.
    @Test func anInterruptStopsAReadAndIsRaised() throws {
        let path = try files.write("stopped.csv", "order_id,order_time,amount\n1,2021-05-20 14:03:10,10.00\n")
        let state = try FlashLua.makeState()
        let outcome = Mutex("not called")
        state.setGlobal("read_interrupted") { call in
            call.state?.interruptHandle.interrupt(message: "stop!", final: false)
            do {  // a C function called from Swift: no Lua instruction runs, so no hook raises first
                try call.callFunction(at: 1, results: 2) { $0.push(path); return 1 }
                outcome.withLock { $0 = "returned" }
            } catch {
                outcome.withLock { $0 = "raised" }
            }
            return 0
        }
        #expect(luaError(state, "read_interrupted(orders.read)")?.hasSuffix("stop!") == true)
        #expect(outcome.withLock { $0 } == "raised")
    }
}
