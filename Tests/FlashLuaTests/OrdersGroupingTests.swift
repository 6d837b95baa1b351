import FlashLua
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

@Suite struct OrdersGroupingTests {
    let files = TemporaryFolder("flashcast-groups")
    let sale = """
        order_id,order_time,customer,amount,country,channel
        1,2021-05-20T14:03:00,a,10.10,DE,web
        2,2021-05-20T14:03:30,b,0.20,US,app
        3,2021-05-20T14:05:00,c,5,DE,app
        4,2021-05-20T14:06:00,a,1,,web

        """

    @Test func byAColumnGivesTheTotalAndEachGroupInNameOrder() throws {
        let path = try files.write("sale.csv", sale)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = assert(orders.read('\(path)', {by = 'country'}))
            local plain = assert(orders.read('\(path)'))
            local names = {}
            for i, g in ipairs(r.groups) do names[i] = g.name .. '=' .. g.total end
            return table.concat(names, ' '), r.by, r.total == plain.total, \(list("r.groups.DE.revenue")),
              r.groups.DE == r.groups[2], #r.groups, r.groups.DE.revenue.start, r.groups['(none)'].count[4],
              \(list("r.groups.US.cumulative")), r.report.summary
            """)
        #expect(values == ["(none)=1.0 DE=15.1 US=0.2", "country", "true", "10.1,0.0,5.0,0.0", "true", "3",
                           "2021-05-20T14:03", "1.0", "0.2,0.2,0.2,0.2", "read 4 rows: 4 orders"])
    }

    @Test func byAFunctionOfTheRow() throws {
        let path = try files.write("sale.csv", sale)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local calls = 0
            local r = assert(orders.read('\(path)', {by = function(row)
              calls = calls + 1
              if row.country == '' then return nil end
              return row.country .. '/' .. row.channel
            end}))
            local names = {}
            for i, g in ipairs(r.groups) do names[i] = g.name end
            return table.concat(names, ' '), calls, r.by
            """)
        #expect(values == ["(none) DE/app DE/web US/app", "4", "function"])
    }

    @Test func aGroupsZoneLabelsItsSeries() throws {
        let path = try files.write("sale.csv", sale)
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = assert(orders.read('\(path)', {by = 'country', zones = {DE = '+01:00'}}))
            return r.groups.DE.revenue.start, r.groups.US.revenue.start, r.groups.DE.revenue:at('2021-05-20T15:05')
            """)
        #expect(values == ["2021-05-20T15:03", "2021-05-20T14:03", "5.0"])
    }

    @Test func misuseReadsLikeLua() throws {
        let path = try files.write("sale.csv", sale)
        let state = try FlashLua.makeState()
        let cases: [(String, String)] = [
            ("{by = 42}", "bad argument #2 to 'read' (option 'by' must be a column name or a function, got number)"),
            ("{by = ''}", "bad argument #2 to 'read' (option 'by' must name a column, got '')"),
            ("{max_groups = 3}", "bad argument #2 to 'read' (option 'max_groups' needs 'by')"),
            ("{by = 'country', max_groups = 0}", "bad argument #2 to 'read' (option 'max_groups' must be at least 1)"),
            ("{by = 'country', zones = {DE = 'Mars/Base'}}",
             "bad argument #2 to 'read' (option 'zones' zone of 'DE' must be a time zone such as 'Europe/Berlin')"),
            ("{by = function(row) return {} end}",
             "bad argument #2 to 'read' (option 'by': the function returned a table at sale.csv:2 (string, number or nil expected))"),
            ("{by = function(row) return 0/0 end}",
             "bad argument #2 to 'read' (option 'by': the function returned nan at sale.csv:2 (a group needs a name: a string, a number or nil))"),
        ]
        for (options, message) in cases {
            #expect(luaError(state, "orders.read('\(path)', \(options))") == "test:1: " + message)
        }
        #expect(luaError(state, "orders.read('\(path)', {by = function(row) error('no market for ' .. row.order_id) end})")
                    == "test:1: no market for 1")
        let failures = try state.execute("""
            local a, b = orders.read('\(path)', {by = 'region'})
            local c, d = orders.read('\(path)', {by = 'customer', max_groups = 2})
            return a, b, c, d
            """)
        #expect(failures == ["nil", "sale.csv:1:1: no column 'region' to group by (columns: order_id, order_time, customer, amount, country, channel)",
                             "nil", "sale.csv:4:1: group 'c' is one more than the 2 groups allowed by 'customer':"
                                 + " raise the limit (max_groups; --max-groups on the command line) or group by a coarser key"])
    }

    @Test func hostileByValuesNeverCrashTheHost() throws {
        let path = try files.write("sale.csv", sale)
        let state = try FlashLua.makeState()
        let hostile = [
            "function() return string.rep('x', 1e6) end", "function() coroutine.yield() end",
            "function(row) return orders.read('\(path)', {by = 'country'}).total end", "setmetatable({}, {__call = print})",
            "function() return 0/0 end", "function() return math.huge end", "function() while true do error({}) end end",
            "'\\0'", "'country\\0x'", "function() collectgarbage() return '\\0' end", "true", "io.stdout",
        ]
        for by in hostile {
            _ = luaError(state, "pcall(orders.read, '\(path)', {by = \(by)})")
            _ = luaError(state, "orders.read('\(path)', {by = \(by)})")
        }
        #expect(try state.execute("return #orders.read('\(path)', {by = 'country'}).groups") == ["3"])
    }

    @Test func underAMemoryCapTooManyGroupMinutesAreRefused() throws {
        var text = "order_time,amount,sku\n"
        for index in 0..<3000 { text += "2021-05-\(10 + index % 20)T10:00,1,s\(index)\n" }
        let path = try files.write("skus.csv", text)
        let state = try FlashLua.makeState(memoryLimit: 64 << 20)
        let values = try state.execute("return orders.read('\(path)', {by = 'sku'})")
        #expect(values.count == 2 && values[0] == "nil")
        #expect(values.last?.hasPrefix("skus.csv: 3000 groups by 'sku' over 27361 minutes are more than the") == true)
    }
}

@Suite struct GroupForecastLuaTests {
    let files = TemporaryFolder("flashcast-group-forecast")

    /// Two days of orders in two markets, written by the simulator for each and merged.
    func sale() throws -> String {
        let state = try FlashLua.makeState()
        var text = "order_id,order_time,customer,amount,country\n"
        for (market, seed) in [("DE", 1), ("US", 2)] {
            let values = try state.execute("""
                local r = orders.simulate{seed = \(seed), minutes = 2880, orders = 6000}
                local parts = {}
                for i = 1, #r.revenue do parts[i] = string.format('%.2f', r.revenue[i]) end
                return table.concat(parts, ' ')
                """)
            for (minute, amount) in values[0].split(separator: " ").enumerated() where amount != "0.00" {
                text += "\(market)\(minute),\(27_024_480 * 60 + minute * 60),c,\(amount),\(market)\n"
            }
        }
        return try files.write("markets.csv", text)
    }

    @Test func forecastRunOnAGroupedReadReconciles() throws {
        let path = try sale()
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = assert(orders.read('\(path)', {by = 'country'}))
            local fc = forecast.run(r, {cutoff = 2000, horizon = 300, model = 'seasonal_naive', origins = 2})
            local sum = fc.groups.DE.mean[300] + fc.groups.US.mean[300]
            local ok = math.abs(sum - fc.total.mean[300]) < 1e-6 * sum
            local bu = forecast.run(r, {cutoff = 2000, horizon = 300, model = 'seasonal_naive', reconciliation = 'bottom_up'})
            return ok, #fc.groups, fc.groups[1] == fc.groups.DE, fc.reconciliation == 'wls' or fc.reconciliation == 'bottom_up',
              #fc.choice.origins, fc.choice.origins[1], fc.choice.note, bu.reconciliation, bu.choice.note,
              tostring(fc.direct):sub(1, 9), fc.summary:find('by back%-test over 2 origins') ~= nil
            """)
        #expect(values == ["true", "2", "true", "true", "2", "1700", "back-test over 2 origins", "bottom_up", "given",
                           "Forecast(", "true"])
    }

    @Test func misuseReadsLikeLua() throws {
        let path = try sale()
        let state = try FlashLua.makeState()
        let prefix = "local r = orders.read('\(path)', {by = 'country'}) "
        let cases: [(String, String)] = [
            ("forecast.run(r, {reconciliation = 'mint'})",
             "bad argument #2 to 'run' (option 'reconciliation' must be one of 'bottom_up', 'wls', got 'mint')"),
            ("forecast.run(r, {events = {1, 2}})", "bad argument #2 to 'run' (unknown option 'events')"),
            ("forecast.run(r, {origins = 0})", "bad argument #2 to 'run' (option 'origins' must be at least 1)"),
            ("forecast.run({revenue = r.revenue, groups = {}})", "bad argument #1 to 'run' (groups: at least one group expected)"),
            ("forecast.run({revenue = r.revenue, groups = {{name = 'x'}}})",
             "bad argument #1 to 'run' (groups[1].revenue: Series expected, got nil)"),
            ("forecast.run({revenue = 1, groups = {}})", "bad argument #1 to 'run' (revenue: Series expected, got number)"),
            ("forecast.run(r, {model = 'profile'})",
             "bad argument #2 to 'run' (option 'history' is needed: model 'profile' needs an earlier sale: pass the earlier"
                + " sale's per-minute revenue as 'history')"),
        ]
        for (code, message) in cases {
            let got = luaError(state, prefix + code)
            #expect(got == "test:1: " + message, "\(code)")
        }
    }
}

@Suite struct SimulatedMarketsTests {
    let files = TemporaryFolder("flashcast-markets")

    @Test func simulateMarketsGivesAGroupedSaleAndItsExport() throws {
        let path = files.file("markets.csv")
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = orders.simulate{markets = true, minutes = 600, orders = 3000, seed = 2}
            local sum, names = 0, {}
            for i, g in ipairs(r.groups) do sum, names[i] = sum + g.total, g.name end
            local n = orders.simulate{markets = true, minutes = 600, orders = 3000, seed = 2, path = '\(path)'}
            local back = assert(orders.read('\(path)', {by = 'country', currency = 'USD',
              rates = {EUR = 1.08, USD = 1, JPY = 0.0067, BRL = 0.2}}))
            return table.concat(names, ' '), r.by, math.abs(sum - r.total) < 1e-6, r.groups.DE.revenue.start,
              n == back.report.orders, #back.groups, math.abs(back.total - r.total) / r.total < 1e-3
            """)
        #expect(values == ["BR DE JP US", "country", "true", "2021-05-20T02:00", "true", "4", "true"])
    }

    @Test func badMarketsReadLikeLua() throws {
        let state = try FlashLua.makeState()
        let cases: [(String, String)] = [
            ("{markets = 5}", "option 'markets' must be true or a list of markets, got number"),
            ("{markets = {}}", "option 'markets' must hold at least one market"),
            ("{markets = {{name = 'A'}}}", "option 'markets' item 1: 'tz' must be a non-empty string, got nil"),
            ("{markets = {{name = 'A', tz = 'Mars', currency = 'X', rate = 1, share = 1}}}",
             "option 'markets' item 1: 'tz' must be a time zone, got 'Mars'"),
            ("{markets = {{name = 'A', tz = 'UTC', currency = 'X', rate = 0, share = 1}}}",
             "option 'markets' item 1: 'rate' must be a positive number, got number"),
            ("{markets = {{name = 'A', tz = 'UTC', currency = 'X', rate = 1, share = 1, campaigns = {{at = -1}}}}}",
             "option 'markets' item 1: 'campaigns' item 1: 'at' must be minutes after the start or 'HH:MM'"),
        ]
        for (options, message) in cases {
            #expect(luaError(state, "orders.simulate(\(options))") == "test:1: bad argument #1 to 'simulate' (\(message))")
        }
    }
}
