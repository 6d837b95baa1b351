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
                                 + " raise the limit (max_groups) or group by a coarser key"])
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
