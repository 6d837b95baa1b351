@testable import FlashLua
import Foundation
import LuaBridge
import SVGCharts
import TemporaryFolders
import Testing
import TestSupport

/// The `chart` library: plain tables in, the same SVG the Swift module draws out, Lua-style errors.
@Suite struct ChartLibraryTests {
    static let saleStart = 28_603_500

    /// Runs `code` and returns its results as strings.
    static func run(_ code: String) throws -> [String] {
        try FlashLua.makeState().execute(code, chunkName: "=test")
    }

    /// Drawing a chart of millions of points takes seconds: a Ctrl-C or `run --timeout` once had to
    /// wait for it; now the drawing stops and the interrupt is raised.
    @Test func anInterruptStopsADrawing() throws {
        let state = try FlashLua.makeState()
        state.setGlobal("interrupted") { call in
            call.state?.interruptHandle.interrupt(message: "stop!", final: false)
            // a C function called from Swift: no Lua instruction runs, so no hook raises first
            try call.callFunction(at: 1, results: 1) { _ = $0.pushGlobal("c"); return 1 }
            return 1
        }
        let message = luaError(state, """
            c = chart.new{}:line(series.new{1, 2, 3, start = 0})
            interrupted(c.svg)
            """)
        #expect(message?.hasSuffix("stop!") == true, "\(message ?? "no error")")
    }

    @Test func linesMatchTheSwiftModule() throws {
        let lua = try Self.run("""
            local web, app = {}, {}
            for i = 1, 120 do web[i] = 1000 + 10 * i; app[i] = 400 + (i % 7) * 30 end
            local c = chart.lines({{name = "web", values = web}, {name = "app", values = app}},
                                  {start = '2024-05-20T13:00', title = "Channels", currency = "€"})
            return tostring(c), c:svg()
            """)
        var options = ChartOptions()
        options.title = "Channels"
        options.currency = Currency(prefix: "€")
        let swift = try LineChart(axis: TimeAxis(startMinute: Self.saleStart), series: [
            PlotLine(name: "web", values: (1...120).map { 1000 + 10 * Double($0) }),
            PlotLine(name: "app", values: (1...120).map { 400 + Double($0 % 7) * 30 }),
        ]).render(options)
        #expect(lua == ["Chart(line, 800x450)", swift.text])
    }

    @Test func aListOfNumberListsDrawsOneLineEach() throws {
        let lua = try Self.run("""
            local named = chart.lines({{name = "series 1", values = {1, 2, 3}}, {name = "series 2", values = {2, 4, 1}}})
            return chart.lines({{1, 2, 3}, {2, 4, 1}}):svg(), named:svg()
            """)
        #expect(lua.count == 2 && lua[0] == lua[1] && lua[0].contains("series 2"))
    }

    @Test func forecastFromAPlainTableMatchesTheSwiftModule() throws {
        let lua = try Self.run("""
            local fc = {actual = {}, mean = {}, lower = {}, upper = {}, level = 0.9}
            for i = 1, 60 do fc.actual[i] = 100 * i end
            for h = 1, 30 do
              fc.mean[h] = 6000 + 90 * h; fc.lower[h] = fc.mean[h] - 20 * h; fc.upper[h] = fc.mean[h] + 20 * h
            end
            return chart.forecast(fc, {start = '2024-05-20T13:00', theme = "dark"}):svg()
            """)
        var options = ChartOptions()
        options.theme = .dark
        let mean = (1...30).map { 6000 + 90 * Double($0) }
        let swift = try ForecastChart(
            axis: TimeAxis(startMinute: Self.saleStart), actual: (1...60).map { 100 * Double($0) }, cutoff: 60, mean: mean,
            lower: zip(mean, 1...30).map { $0 - 20 * Double($1) }, upper: zip(mean, 1...30).map { $0 + 20 * Double($1) },
            intervalLabel: "90% interval"
        ).render(options)
        #expect(lua == [swift.text])
        #expect(swift.text.contains(">now 13:59<"))
    }

    @Test func everyKindRendersFromPlainTables() throws {
        let results = try Self.run("""
            local actual, rate = {}, {}
            for i = 1, 90 do rate[i] = 500 + (i % 11) * 20; actual[i] = (actual[i - 1] or 0) + rate[i] end
            local pieces = {}
            for k = 1, 3 do
              local p = {cutoff = 20 * k, mean = {}}
              for h = 1, 30 do p.mean[h] = actual[20 * k] + 540 * h end
              pieces[k] = p
            end
            local base, what = {}, {}
            for h = 1, 60 do base[h] = actual[30] + 500 * h; what[h] = base[h] + 40 * h end
            local lower, upper = {}, {}
            for i = 1, 90 do lower[i] = 450; upper[i] = 750 end
            local charts = {
              chart.backtest({actual = actual, pieces = pieces}),
              chart.loss({train = {0.5, 0.2, 0.1, 0.08}, validation = {0.6, 0.3, 0.2, 0.25}}, {log = true}),
              chart.bars(rate, {start = '2024-05-20T13:00', currency = " kr", currencysuffix = ""}),
              chart.scenarios({actual = {table.unpack(actual, 1, 30)}, baseline = base,
                               scenarios = {{name = "e-mail", values = what}},
                               events = {{minute = 60, label = "e-mail"}},
                               annotations = {{minute = 89, value = what[60], text = "+2.4k"}}}),
              chart.warning({actual = rate, lower = lower, upper = upper, alerts = {3, 4, 5}}, {legend = "right"}),
            }
            local names = {}
            for i, c in ipairs(charts) do names[i] = tostring(c) end
            return table.concat(names, " "), charts[4]:svg()
            """)
        #expect(results.first == "Chart(back-test, 800x450) Chart(loss, 800x450) Chart(bar, 800x450) "
            + "Chart(scenario, 800x450) Chart(early-warning, 800x450)")
        #expect(results.last?.contains(">e-mail</text>") == true)
        #expect(results.last?.contains(">minutes since start<") == true)
    }

    @Test func plainListsSitOnTheClockFromStartInSteps() throws {
        let lua = try Self.run("""
            local rate, lower, upper = {}, {}, {}
            for i = 1, 48 do rate[i] = 3000 + (i % 5) * 200; lower[i] = 2900; upper[i] = 3700 end
            rate[10] = 1000
            return chart.warning({actual = rate, lower = lower, upper = upper, alerts = {10}},
                                 {start = '2024-05-20T13:00', step = 5}):svg()
            """)
        let rate = (1...48).map { $0 == 10 ? 1000 : 3000 + Double($0 % 5) * 200 }
        let swift = try EarlyWarningChart(
            axis: TimeAxis(startMinute: Self.saleStart, stepMinutes: 5), actual: rate,
            lower: Array(repeating: 2900, count: 48), upper: Array(repeating: 3700, count: 48), alerts: [9]
        ).render()
        #expect(lua == [swift.text])
    }

    @Test func scenarioEventsCountMinutesFromTheStart() throws {
        let lua = try Self.run("""
            return chart.scenarios({actual = {10, 20}, baseline = {30, 40}, scenarios = {{name = "mail", values = {35, 55}}},
                                    events = {{minute = 20, label = "e-mail"}}}, {start = '2024-05-20T13:00', step = 10}):svg(),
                   chart.scenarios({actual = {10, 20}, baseline = {30, 40}, scenarios = {{name = "mail", values = {35, 55}}},
                                    events = {{at = '2024-05-20T15:20+02:00', label = "e-mail"}}},
                                   {start = '2024-05-20T13:00', step = 10}):svg()
            """)
        let swift = try ScenarioChart(
            axis: TimeAxis(startMinute: Self.saleStart, stepMinutes: 10), actual: [10, 20],
            baseline: PlotLine(name: "baseline", values: [30, 40], start: 2), scenarios: [PlotLine(name: "mail", values: [35, 55], start: 2)],
            events: [ChartEvent(minute: Self.saleStart + 20, label: "e-mail")]
        ).render()
        #expect(lua == [swift.text, swift.text])
    }

    @Test func aScenarioTableWithLowerAndUpperIsShadedLikeTheSwiftChart() throws {
        let lua = try Self.run("""
            return chart.scenarios({actual = {10, 20}, baseline = {30, 40},
                                    scenarios = {{name = "mail", values = {35, 55}, lower = {32, 45}, upper = {38, 70}}}},
                                   {start = '2024-05-20T13:00', step = 10}):svg()
            """)
        let swift = try ScenarioChart(
            axis: TimeAxis(startMinute: Self.saleStart, stepMinutes: 10), actual: [10, 20],
            baseline: PlotLine(name: "baseline", values: [30, 40], start: 2), scenarios: [PlotLine(name: "mail", values: [35, 55], start: 2)],
            scenarioBands: [(lower: [32, 45], upper: [38, 70])]
        ).render()
        #expect(lua == [swift.text])
        #expect(swift.text.contains("fill-opacity=\"0.16\""))
    }

    @Test func lossTakesAListOrTrainingUnderEitherName() throws {
        let lua = try Self.run("""
            return chart.loss({0.5, 0.3, 0.2}):svg(), chart.loss({training = {0.5, 0.3, 0.2}}):svg(),
                   chart.loss({train = {0.5, 0.3, 0.2}, validation = {0.6, 0.4, 0.35}}):svg()
            """)
        #expect(lua[0] == (try LossChart(train: [0.5, 0.3, 0.2]).render().text))
        #expect(lua[1] == lua[0])
        #expect(lua[2] == (try LossChart(train: [0.5, 0.3, 0.2], validation: [0.6, 0.4, 0.35]).render().text))
    }

    @Test func lossDrawsTheHistoryFitReturns() throws {
        let lua = try Self.run("""
            local model = nn.Sequential():add(nn.Linear(1, 1))
            local history = model:fit(nn.matrix{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, nn.matrix{2, 4, 6, 8, 10, 12, 14, 16, 18, 20},
                                      {epochs = 5, validation = 0.2})
            local drawn = chart.loss(history):svg()
            return #history.val, drawn == chart.loss({train = history.train, validation = history.val}):svg(),
                   drawn ~= chart.loss({train = history.train}):svg()
            """)
        #expect(lua == ["5", "true", "true"])
    }

    @Test func aSeriesSetsTheClockItsStepAndItsZone() throws {
        let lua = try Self.run("""
            local values = {}
            for i = 1, 72 do values[i] = 100 + i * (i % 3) end
            local s = series.new({start = '2024-05-20T15:00', step = 5, tz = 'Europe/Berlin', table.unpack(values)})
            return chart.lines(s):svg(), chart.lines({{name = 'values', values = values}},
                                                     {start = '2024-05-20T15:00', step = 5, tz = 'Europe/Berlin'}):svg()
            """)
        var options = ChartOptions()
        options.timeZone = try #require(ShopZone("Europe/Berlin"))
        let swift = try LineChart(
            axis: TimeAxis(startMinute: Self.saleStart, stepMinutes: 5),
            series: [PlotLine(name: "values", values: (1...72).map { 100 + Double($0 * ($0 % 3)) })]
        ).render(options)
        #expect(lua == [swift.text, swift.text])
        #expect(swift.text.contains(">15:00<") && swift.text.contains("time (Europe/Berlin)"))
    }

    @Test func listsAfterASeriesContinueItsClock() throws {
        let lua = try Self.run("""
            local s = series.new({start = '2024-05-20T13:00', 100, 200, 300, 400})
            return chart.forecast({actual = s, mean = {500, 600}, lower = {450, 500}, upper = {550, 700}}):svg(),
                   chart.lines({s, {name = 'plan', values = {150, 250}}}):svg()
            """)
        let forecast = try ForecastChart(
            axis: TimeAxis(startMinute: Self.saleStart), actual: [100, 200, 300, 400], cutoff: 4, mean: [500, 600],
            lower: [450, 500], upper: [550, 700], intervalLabel: "interval"
        ).render()
        let lines = try LineChart(axis: TimeAxis(startMinute: Self.saleStart), series: [
            PlotLine(name: "series 1", values: [100, 200, 300, 400]), PlotLine(name: "plan", values: [150, 250]),
        ]).render()
        #expect(lua == [forecast.text, lines.text])
        #expect(forecast.text.contains(">now 13:03<"))
    }

    @Test func seriesFromTheOrdersLibraryDrawDirectly() throws {
        let lua = try Self.run("""
            local s = series.new({start = '2024-05-20T13:00', 5, 0, 7, 9})
            local lower = series.new({start = '2024-05-20T13:00', 4, 4, 4, 4})
            return chart.bars(s):svg(),
                   chart.warning({actual = s, lower = lower, upper = {8, 8, 8, 8}, alerts = {2, 4}}):svg(),
                   chart.backtest({actual = s:cumsum(), pieces = {{cutoff = 2, mean = {12, 20}}}}):svg()
            """)
        let axis = TimeAxis(startMinute: Self.saleStart)
        #expect(lua[0] == (try RevenueBarChart(axis: axis, perMinute: [5, 0, 7, 9]).render().text))
        #expect(lua[1] == (try EarlyWarningChart(axis: axis, actual: [5, 0, 7, 9], lower: [4, 4, 4, 4], upper: [8, 8, 8, 8],
                                                 alerts: [1, 3]).render().text))
        #expect(lua[2] == (try BacktestChart(axis: axis, actual: [5, 5, 12, 21],
                                             pieces: [PlotLine(name: "piece", values: [12, 20], start: 2)]).render().text))
    }

    @Test func saveWritesTheFileOrReturnsNilAndAMessage() throws {
        let folder = TemporaryFolder("chart-save")
        defer { folder.remove() }
        let path = folder.file("loss.svg")
        let results = try Self.run("""
            local c = chart.loss({train = {3, 2, 1}})
            local ok = c:save("\(path)")
            local bad, message = c:save("\(folder.path)/missing/loss.svg")
            return ok, bad, message, c:svg()
            """)
        #expect(results.prefix(3) == ["true", "nil", "cannot write '\(folder.path)/missing/loss.svg': no such file or directory"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == results[3])
    }

    @Test func saveObeysTheSandbox() throws {
        let folder = TemporaryFolder("chart-sandbox")
        defer { folder.remove() }
        let output = folder.file("out")
        let state = try FlashLua.makeState()
        try state.applySandbox(try FileAccessPolicy(outputFolder: output, readable: []))
        #expect(try state.execute("return chart.loss({train = {3, 2}}):save('\(output)/loss.svg')", chunkName: "=test") == ["true"])
        #expect(FileManager.default.fileExists(atPath: output + "/loss.svg"))
        #expect(luaError(state, "chart.loss({train = {3, 2}}):save('\(folder.path)/loss.svg')")?.hasPrefix(
            "test:1: writing '\(folder.path)/loss.svg' is not allowed in the sandbox") == true)
    }

    @Test(arguments: [
        ("chart.lines({1, 2}, {width = -5})", "bad argument #2 to 'lines' (option 'width' must be a positive number)"),
        ("chart.lines({1, 2}, {width = 'big'})", "bad argument #2 to 'lines' (option 'width' number expected, got string)"),
        ("chart.lines({1, 2}, {colour = 'red'})", "bad argument #2 to 'lines' (unknown option 'colour')"),
        ("chart.lines({1, 2}, {theme = 'neon'})", "bad argument #2 to 'lines' (option 'theme' must be one of 'light', 'dark', got 'neon')"),
        ("chart.lines({1, 2}, {tz = 'Mars/Olympus'})", "bad argument #2 to 'lines' (option 'tz' must be a time zone, got 'Mars/Olympus')"),
        ("chart.lines({1, 2}, {start = 'noon'})", "bad argument #2 to 'lines' (option 'start' must be a time, got 'noon')"),
        ("chart.scenarios({baseline = {1, 2}, scenarios = {{values = {1, 2}, lower = {1}, upper = {2, 3}}}})",
         "bad argument #1 to 'scenarios' (field 'scenarios[1].lower': must have as many values as values (2))"),
        ("chart.scenarios({baseline = {1, 2}, scenarios = {{values = {1, 2}, upper = {2, 3}}}})",
         "bad argument #1 to 'scenarios' (field 'scenarios[1].lower': must be given with 'upper')"),
        ("chart.scenarios({baseline = {1}, events = {{at = 'soon'}}})",
         "bad argument #1 to 'scenarios' (field 'events[1].at': time expected, got 'soon')"),
        ("chart.forecast(series.new({1, 2, start=0}))", "bad argument #1 to 'forecast' (table or Forecast expected, got Series)"),
        ("chart.lines({series.new({1, start=0}), 5})", "bad argument #1 to 'lines' (field '[2]': table or Series expected, got number)"),
        ("chart.bars(true)", "bad argument #1 to 'bars' (table or Series expected, got boolean)"),
        ("chart.lines({1, 2}, {step = 0})", "bad argument #2 to 'lines' (option 'step' must be at least 1)"),
        ("chart.loss({train = {1, 0}}, {log = true})", "bad argument #2 to 'loss' (option 'log' needs positive loss values)"),
        ("chart.lines(42)", "bad argument #1 to 'lines' (table or Series expected, got number)"),
        ("chart.lines({{name = 'a', values = {1, 'x'}}})", "bad argument #1 to 'lines' (field '[1].values': number expected at index 2, got string)"),
        ("chart.lines({{1, 2}, {1, 'x'}})", "bad argument #1 to 'lines' (field '[2]': number expected at index 2, got string)"),
        ("chart.forecast({actual = {1}, mean = 3})", "bad argument #1 to 'forecast' (field 'mean': table expected, got number)"),
        ("chart.forecast({actual = {1}})", "bad argument #1 to 'forecast' (field 'mean': table expected, got nil)"),
        ("chart.forecast({actual = {1, 2}, mean = {3}, lower = {1, 2}, upper = {4, 5}})",
         "bad argument #1 to 'forecast' (forecast 'lower' and 'upper' have 2 values but 'mean' has 1)"),
        ("chart.backtest({actual = {1}, pieces = {{cutoff = 0, mean = {1}}, 7}})",
         "bad argument #1 to 'backtest' (field 'pieces[2]': table expected, got number)"),
        ("chart.scenarios({baseline = {1}, annotations = {{minute = 1}}})",
         "bad argument #1 to 'scenarios' (field 'annotations[1].value': number expected, got nil)"),
        ("chart.warning({actual = {1}, lower = {0}, upper = {2}, alerts = {1.5}})",
         "bad argument #1 to 'warning' (field 'alerts': indices must be whole numbers from 1)"),
        ("chart.forecast({actual = {1}, mean = {2}, cutoff = -1})", "bad argument #1 to 'forecast' (field 'cutoff': must not be negative)"),
        ("chart.loss({validation = {1}})", "bad argument #1 to 'loss' (field 'train': table expected, got nil)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == "test:1: " + message)
    }

    @Test func theExampleScriptWritesEveryKind() throws {
        let folder = TemporaryFolder("chart-example")
        defer { folder.remove() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/charts.lua").standardized.path
        let state = try FlashLua.makeState()
        _ = try state.execute("arg = {'\(folder.path)'}; print = function() end", chunkName: "=setup")
        try state.loadFile(script)
        try state.call(arguments: 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["backtest.svg", "bars.svg", "forecast.svg", "lines.svg", "loss.svg", "scenarios.svg", "warning.svg"])
        for name in written {
            let text = try String(contentsOfFile: folder.file(name), encoding: .utf8)
            #expect(text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n"), "\(name)")
        }
    }

    @Test func theLibraryIsItsRegisteredKinds() throws {
        let names = ChartLibrary.kinds.map { $0.name }
        #expect(names == ["lines", "forecast", "backtest", "loss", "bars", "scenarios", "warning", "rate", "groups", "stacked"])
        #expect(ChartLibrary.library.functions.map(\.doc.name) == names + ["new", "page"])
        #expect(ChartLibrary.library.summary == "SVG charts: lines, forecast, backtest, loss, bars, scenarios, warning, rate, groups, stacked; "
            + "chart.new for a chart of your own layers (help('Chart')), chart.page for a web page of charts.")
        for kind in ChartLibrary.kinds {
            let function = try #require(ChartLibrary.library.functions.first { $0.doc.name == kind.name })
            #expect(function.doc.signature == kind.signature && function.doc.summary == kind.summary)
            #expect(function.doc.signature.hasPrefix("chart.\(kind.name)("))
        }
        for source in ChartSources.types {
            #expect(source.chartFunctions.isSubset(of: Set(names)), "\(source.luaTypeName)")
        }
    }

    @Test func everyOptionIsDocumentedInTheChartHelp() throws {
        let help = chartClass.summary
        for key in ChartSettings.keys {
            #expect(help.contains(" \(key)=") || help.contains(" \(key),") || help.contains(" \(key) ("), "option '\(key)' is not in help('Chart')")
        }
    }

    @Test func methodsCheckSelf() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "local c = chart.bars({1, 2}); c.save({}, 'x.svg')")
            == "test:1: bad argument #1 to 'save' (Chart expected, got table)")
        #expect(luaError(state, "local c = chart.bars({1, 2}); c:save()")
            == "test:1: bad argument #1 to 'save' (string expected, got no value)")
    }
}
