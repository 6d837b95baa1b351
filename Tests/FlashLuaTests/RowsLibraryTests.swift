import FlashLua
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// `orders.rows` on a small CSV: the table's methods from Lua, and their errors.
@Suite struct RowsLibraryTests {
    @TemporaryFolder("flashcast-rows") var folder

    func state() throws -> LuaState {
        let path = folder.appendingPathComponent("orders.csv").path
        try "order_id,customer,amount\n1,ann,0.1\n2,bob,0.2\n3,ann,12.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let state = try FlashLua.makeState()
        try state.execute("t = assert(orders.rows('\(path)'))")
        return state
    }

    @Test func filtersGroupsSortsAndReadsBackWhatItSaves() throws {
        let state = try state()
        #expect(try state.execute("return #t, table.concat(t.columns, ','), t[1].order_id, t[3].amount, t[4]")
            == ["3", "order_id,customer,amount", "1", "12.5", "nil"])
        #expect(try state.execute("return #t:filter('amount', '>', 0.15), #t:filter('customer', '==', 'ann')") == ["2", "2"])
        let out = folder.appendingPathComponent("per.csv").path
        #expect(try state.execute("""
            local per = t:group_by('customer'):aggregate{total = {'sum', 'amount'}, n = 'count'}:sort('total', 'desc')
            assert(per:save_csv('\(out)'))
            local back = assert(orders.rows('\(out)'))
            return table.concat(back.columns, ','), back[1].customer, back[1].total, back[2].total, back:head(1):show()
            """) == ["customer,n,total", "ann", "12.6", "0.2", "customer  n  total\nann       2   12.6\n1 rows, 3 columns"])
    }

    @Test func filtersWithALuaFunctionOfEachRow() throws {
        let state = try state()
        #expect(try state.execute("""
            local seen = {}
            local big = t:filter(function(r) seen[#seen + 1] = r.order_id return r.amount > 0.15 end)
            local ann = t:filter(function(r) return r.customer == 'ann' and 1 or nil end)
            return #big, big[1].amount, big[2].customer, #ann, table.concat(seen, ','), #t:filter(function() end)
            """) == ["2", "0.2", "ann", "2", "1,2,3", "0"])
    }

    @Test(arguments: [
        ("t:filter(function(r) return r.amount.x end)", "test:1: attempt to index a number value (field 'amount')"),
        ("t:filter(function(r) error('stop at ' .. r.order_id) end)", "test:1: stop at 1"),
        ("t:filter(function(r) error({}) end)", "(error object is a table value)"),
        ("t:filter(function(r) coroutine.yield() end)", "attempt to yield from outside a coroutine"),
        ("coroutine.wrap(function() t:filter(function(r) coroutine.yield() end) end)()", "test:1: attempt to yield across a C-call boundary"),
        ("t:filter()", "test:1: bad argument #1 to 'filter' (string or function expected, got no value)"),
        ("t:filter(nil)", "test:1: bad argument #1 to 'filter' (string or function expected, got nil)"),
        ("t:filter({})", "test:1: bad argument #1 to 'filter' (string or function expected, got table)"),
    ])
    func errorsInAFilterFunctionReadLikeLuas(code: String, message: String) throws {
        #expect(luaError(try state(), code) == message)
    }

    /// The traceback of an error in the row function shows the function's line, not only the filter's.
    @Test func aFilterFunctionsErrorShowsItsLineInTheTraceback() throws {
        let code = "local function keep(row)\n  return row.amount > nil\nend\nreturn #t:filter(keep)"
        let state = try state()
        do {
            try state.execute(code, chunkName: "@report.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "report.lua:2: attempt to compare nil with number")
            let lines = (error.traceback ?? "").split(separator: "\n").prefix(4).map { $0.trimmingPrefix("\t") }
            #expect(lines == ["stack traceback:", "report.lua:2: in function <report.lua:1>", "[C]: in method 'filter'",
                              "report.lua:4: in main chunk"], "\(error.traceback ?? "")")
        }
    }

    @Test(arguments: [
        ("t:filter('nope', '>', 1)", "test:1: bad argument #1 to 'filter' (no column 'nope' (columns: order_id, customer, amount))"),
        ("t:filter('amount', 'gt', 1)", "test:1: bad argument #2 to 'filter' (must be one of '==', '~=', '<', '<=', '>', '>=', got 'gt')"),
        ("t:filter('amount', '>', {})", "test:1: bad argument #3 to 'filter' (number or string expected, got table)"),
        ("t:sort('amount', 'up')", "test:1: bad argument #2 to 'sort' (must be 'asc' or 'desc', got 'up')"),
        ("t:group_by()", "test:1: bad argument #1 to 'group_by' (string expected, got no value)"),
        ("t:group_by('x')", "test:1: bad argument #1 to 'group_by' (no column 'x' (columns: order_id, customer, amount))"),
        ("t:group_by('customer'):aggregate{s = 'median'}",
         "test:1: bad argument #1 to 'aggregate' (field 's' must be one of 'count', 'sum', 'mean', 'min', 'max' or {how, column})"),
        ("t:group_by('customer'):aggregate{s = {'sum', 'customer'}}",
         "test:1: bad argument #1 to 'aggregate' ('sum' needs a column of numbers, 'customer' holds text)"),
        ("orders.rows({})", "test:1: bad argument #1 to 'rows' (string expected, got table)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        #expect(luaError(try state(), code) == message)
    }

    /// Hostile arguments give a result or a Lua error, never a crash.
    @Test(arguments: [
        "t:head(math.maxinteger)", "t:head(math.mininteger)", "t[0]", "t[1e300]", "t[-1]", "t['amount']",
        "t:filter('amount', '>', 0/0)", "t:filter('amount', '~=', 0/0)", "t:filter('amount', '<', math.huge)",
        "t:head(0):sort('amount')", "t:head(0):group_by('customer'):aggregate{n = 'count'}",
        "t:group_by('customer', 'amount', 'order_id'):aggregate{m = {'mean', 'amount'}, x = {'max', 'amount'}}",
        "t:group_by('customer'):aggregate{}", "t:group_by('customer'):aggregate{[1] = 'sum'}",
        "t:group_by('customer'):aggregate{s = {'sum'}}", "t:show(math.maxinteger)", "t:show(-5)",
        "t:column('amount')[1]", "tostring(t:head(0))", "t:sort('customer', 'desc'):head(1)[1].customer",
    ])
    func hostileArgumentsNeverCrash(code: String) throws {
        _ = luaError(try state(), "local r = " + code + " return tostring(r)")
    }

    @Test func unreadableFilesReturnNilAndAMessage() throws {
        let bad = folder.appendingPathComponent("bad.csv").path
        try "a,b\n1,2\n3\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try state().execute("return orders.rows('\(bad)')") == ["nil", "bad.csv:3: row has 1 fields, expected 2"])
        #expect(try state().execute("return orders.rows('/nonexistent.csv')") == ["nil", "cannot open '/nonexistent.csv': no such file or directory"])
        #expect(try state().execute("return orders.rows('\(folder.path)')") == ["nil", "cannot open '\(folder.path)': is a directory"])
    }

    /// A zero byte in a name would cut it short in C (`x\0y.csv` read or written as `x`): every reader
    /// and writer refuses it, and the message shows it.
    @Test func namesWithAZeroByteAreRefusedNotCutShort() throws {
        let state = try state()
        let base = folder.appendingPathComponent("x").path
        try "a\n1\n".write(toFile: base, atomically: true, encoding: .utf8)
        let refused = { (verb: String) in ["nil", "cannot \(verb) '\(base)\\0y.csv': the name holds a zero byte"] }
        for reader in ["orders.rows", "orders.read", "series.load_csv"] {
            #expect(try state.execute("return \(reader)('\(base)\\0y.csv')") == refused("open"), "\(reader)")
        }
        #expect(try state.execute("return series.new{1, start = 0}:save_csv('\(base)\\0y.csv')") == refused("write"))
        #expect(try state.execute("return t:save_csv('\(base)\\0y.csv')") == refused("write"))
        #expect(try String(contentsOfFile: base, encoding: .utf8) == "a\n1\n")
    }
}
