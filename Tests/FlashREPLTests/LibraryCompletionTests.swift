import FlashLua
import LuaBridge
import LuaShim
import Testing

@testable import FlashREPL

/// Completion over FlashCast's own libraries: what functions, methods, fields and items give is
/// known from declarations (classes, shapes, declared returns), never by running anything.
@Suite struct LibraryCompletionTests {
    let state: LuaState

    init() throws {
        state = try FlashLua.makeState()
        try state.execute("""
            s = series.new{start = '2024-11-29T10:00', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
            fc = forecast.run(s, {train = 8, horizon = 4, model = 'drift', level = {0.8, 0.5}})
            bt = forecast.backtest(s, {train = 8, horizon = 4, step = 4, model = 'drift'})
            w = scenario.whatif(fc, {scenario.push{at = fc.cutoff_time, lift = 0.5}}, {by = fc.cutoff_time})
            verdict = forecast.warning(s, fc)
            model = nn.Sequential():add(nn.Linear(2, 1))
            c = chart.lines(s)
            event = scenario.push{at = fc.cutoff_time, lift = 0.5}
            matrix, layer = nn.matrix{{1, 2}}, nn.Linear(2, 1)
            local path = os.tmpname()
            local file = io.open(path, "w") file:write("country,amount\\nUK,12.5\\n") file:close()
            rows = orders.rows(path)
            os.remove(path)
            groups = rows:group_by("country")
            local export = os.tmpname()
            orders.simulate{minutes = 90, orders = 1000, path = export}
            sale = assert(live.open(export, {minutes = 120, model = 'drift', lookback = 20, progress = false}))
            sale:refresh()
            os.remove(export)
            local grouped_path = os.tmpname()
            local grouped_file = io.open(grouped_path, "w")
            grouped_file:write("order_id,order_time,customer,amount,country\\n")
            for i = 1, 48 do
              grouped_file:write(string.format("%d,2024-11-29T10:%02d:00,c%d,%d,%s\\n", i, i - 1, i, 10 + i % 7, i % 3 == 0 and "DE" or "UK"))
            end
            grouped_file:close()
            grouped = assert(orders.read(grouped_path, {by = "country"}))
            os.remove(grouped_path)
            gfc = forecast.run(grouped, {train = 24, horizon = 8, model = 'drift', reconciliation = 'bottom_up'})
            gbt = forecast.backtest(grouped, {train = 24, horizon = 8, step = 8, model = 'drift', reconciliation = 'bottom_up'})
            ran = 0
            trap = setmetatable({}, {__index = function() ran = ran + 1 return {} end,
                                     __call = function() ran = ran + 1 return {} end})
            """)
    }

    static let seriesMethods = ["cumsum", "rolling", "save_csv", "shift", "where"]

    @Test(arguments: [
        ("orders.read(\"x.csv\").", ["count", "cumulative", "customers", "groups", "report", "revenue", "total"]),
        ("orders.read(\"x.csv\").revenue:", seriesMethods),
        ("orders.read(\"x.csv\", {by = 'country'}).groups[1].", ["count", "cumulative", "customers", "name", "revenue"]),
        ("orders.read(\"x.csv\").report.", ["duplicates", "examples", "orders", "rows", "skipped", "summary"]),
        ("series.new{1, 2, start = '2024-11-29T10:00'}:", seriesMethods),
        ("s:cumsum():rolling(5, 'mean'):", seriesMethods),
        ("(s + 1):", []),
        ("forecast.run(s):", ["band", "save_csv"]),
        ("forecast.run(s).mean:", seriesMethods),
        ("forecast.run(s).bands[0.95].", ["level", "lower", "upper"]),
        ("fc.bands[0.8].lower:", seriesMethods),
        ("forecast.backtest(s).pieces[2].", ["actual", "bands", "cutoff", "mean", "metrics"]),
        ("forecast.run(grouped, {model = 'drift'}).", ["choice", "direct", "groups", "reconciliation", "summary", "total"]),
        ("forecast.run(grouped):", []),
        ("forecast.run(grouped).total:", ["band", "save_csv"]),
        ("forecast.run(grouped).groups[2].mean:", seriesMethods),
        ("forecast.run(grouped.revenue):", ["band", "save_csv"]),
        ("forecast.run(grouped.groups[1], {}):", ["band", "save_csv"]),
        ("forecast.backtest(grouped).", ["direct", "groups", "reconciliations", "summary", "total"]),
        ("forecast.backtest(grouped).groups[1].pieces[1].", ["actual", "bands", "cutoff", "mean", "metrics"]),
        ("forecast.backtest(grouped):", []),
        ("forecast.whatif(fc, {}).baseline.bands[0.8].upper:", seriesMethods),
        ("w[1].", ["bands", "gain", "lower", "mean", "name", "rate", "total", "upper"]),
        ("forecast.warning(s, fc).actual:", seriesMethods),
        ("forecast.metrics()[1].", ["format", "heading", "horizon", "key"]),
        ("chart.lines(s):line(s):band(s, s):", ["band", "bars", "events", "line", "save", "svg"]),
        ("nn.Sequential():add(nn.Linear(1, 2)):", ["add", "evaluate", "fit", "forward", "training"]),
        ("nn.Linear(1, 2):", ["evaluate", "forward", "training"]),
        ("model:fit(X, Y).", ["best_epoch", "stopped", "train", "val"]),
        ("orders.rows(\"x.csv\"):filter('a', '>', 1):group_by('b'):", ["aggregate"]),
        ("orders.rows(\"x.csv\"):group_by('b'):aggregate{n = 'count'}:", ["filter", "group_by", "head", "save_csv", "show", "sort"]),
        ("scenario.latest_send(fc, {target = 1}).", ["best_time", "best_total", "status", "time", "total"]),
        ("scenario.learn(s, {at = 't'}).", ["extra", "half_life", "level", "lift"]),
        ("orders.live(\"x.csv\"):refresh().revenue:", seriesMethods),
        ("sale.forecast.mean:", seriesMethods),
        ("sale.current.bands[0.8].lower:", seriesMethods),
        ("sale:refresh().", ["alert", "forecast", "pace", "revenue"]),
        ("live.refresh().", ["alert", "forecast", "pace", "revenue"]),
    ])
    func completesWhatAnExpressionGives(expression: String, expected: [String]) {
        let separator = String(expression.last!)
        let names = Completer(state: state).candidates(for: separator, after: String(expression.dropLast())).map { $0.dropFirst() }
        #expect(Set(expected).isSubset(of: names.map(String.init)), "\(expression) gave \(names)")
        if expected.isEmpty { #expect(names.isEmpty, "\(expression) gave \(names)") }
    }

    @Test func userIndexAndCallCodeNeverRuns() throws {
        for expression in ["trap.x.", "trap.x:", "trap[1].", "trap():", "trap.a.b[2]:c():", "trap(1).x."] {
            let completer = Completer(state: state)
            #expect(completer.candidates(for: String(expression.last!), after: String(expression.dropLast())).isEmpty, "\(expression)")
        }
        #expect(try state.execute("return ran") == ["0"])
    }

    /// Every field of every object a library makes declares what it holds when that is userdata or
    /// a table, and the declaration is right: the class it names, or a table of the shape it names.
    @Test(arguments: ["s", "fc", "bt", "w", "verdict", "model", "c", "event", "matrix", "layer", "rows", "groups", "sale", "sale.status", "sale.forecast", "sale.current", "w.baseline", "fc.bands[0.8]", "bt.pieces[1]", "gfc", "gbt"])
    func declaredFieldsMatchWhatTheFieldsHold(global: String) throws {
        try state.execute("probe = \(global)")
        let call = LuaCall(state.pointer)
        let base = lua_gettop(state.pointer)
        defer { lua_settop(state.pointer, base) }
        _ = call.pushGlobal("probe")
        let value = lua_gettop(state.pointer)
        var declarations: Int32
        if call.type(at: value) == .userdata {
            lua_getmetatable(state.pointer, value)
            #expect(call.rawField(-1, "__fields") == .table, "\(global) has no __fields")
        } else {
            let shape = try #require(shapeName(of: global))
            #expect(call.pushRegistryValue(shape) == .table)
            #expect(call.rawField(-1, "__fields") == .table)
        }
        declarations = lua_gettop(state.pointer)
        for name in call.stringKeys(declarations) {
            let declared = call.rawField(declarations, name) == .string ? try call.string(-1) : "plain"
            call.pop()
            try state.execute("field = probe.\(name)")
            switch call.pushGlobal("field") {
            case .table: #expect(declared != "plain", "\(global).\(name) holds a table without a declared shape")
            case .userdata:
                #expect(luaL_testudata(state.pointer, -1, declared) != nil, "\(global).\(name) is not the \(declared) declared")
            default: break
            }
            call.pop()
        }
    }

    private func shapeName(of global: String) -> String? {
        ["w.baseline": "ScenarioOutcome", "fc.bands[0.8]": "Band", "verdict": "Verdict", "sale.forecast": "LiveForecast",
         "gfc": "GroupForecast", "gbt": "GroupBacktest"][global]
    }

    /// Every class, shape and return a library declares names a registered class or shape or a Lua type.
    @Test func everyDeclarationNamesSomethingKnown() throws {
        let call = LuaCall(state.pointer)
        let base = lua_gettop(state.pointer)
        defer { lua_settop(state.pointer, base) }
        let luaTypes: Set = ["number", "string", "boolean", "table", "function"]
        func isKnown(_ name: String) -> Bool {
            if luaTypes.contains(name) { return true }
            defer { call.pop() }  // pop what the registry holds under the name
            return call.pushRegistryValue(name) == .table
        }
        var names: [(String, String)] = []
        for library in state.openedLibraries {
            for function in library.functions { if let type = function.returns { names.append(("\(library.name).\(function.doc.name)", type)) } }
            for shape in library.shapes { names += shape.fields.map { ("\(shape.name).\($0.key)", $0.value) } + (shape.items.map { [(shape.name, $0)] } ?? []) }
            for type in library.classes {
                guard call.pushRegistryValue(type.typeName) == .table else {
                    Issue.record("class '\(type.typeName)' of '\(library.name)' is not registered")
                    call.pop()
                    continue
                }
                for table in ["__fields", "__returns"] {
                    let declarations = lua_gettop(state.pointer) + 1
                    call.rawField(declarations - 1, table)
                    for key in call.stringKeys(declarations) {
                        if call.rawField(declarations, key) == .string { names.append(("\(type.typeName).\(key)", try call.string(-1))) }
                        call.pop()
                    }
                    call.pop()
                }
                call.pop()
            }
        }
        #expect(names.count > 60)
        for (place, name) in names { #expect(isKnown(name), "\(place) declares unknown '\(name)'") }
    }
}
