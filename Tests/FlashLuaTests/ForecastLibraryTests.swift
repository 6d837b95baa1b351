@testable import FlashLua
import Forecasting
import Foundation
import LuaBridge
import SaleData
import SaleReports
import TemporaryFolders
import Testing
import TestSupport

/// The `forecast` library gives what the Swift module gives for the same series and options.
@Suite struct ForecastLibraryTests {
    /// Two days of revenue per minute from 2021-11-11T00:00 (+08:00), a daily wave and a weekly ripple,
    /// made the same way in Lua (`revenue`) and in Swift (`Self.revenue`).
    static let setup = """
        local values = {}
        for i = 1, 2880 do values[i] = 100 + (i % 1440) / 20 + (i * 37 % 11) end
        values.start, values.tz = "2021-11-11T00:00", "+08:00"
        revenue = series.new(values)
        function exact(s) local t = {} for i = 1, #s do t[i] = string.format("%.17g", s[i]) end return table.concat(t, ",") end

        """
    static let zone = ShopZone("+08:00") ?? .utc
    static let revenue = Series(start: zone.minute(of: "2021-11-11T00:00") ?? 0, values: (1...2880).map(value),
                                zone: zone)

    static func value(_ i: Int) -> Double {
        100 + Double(i % 1440) / 20 + Double(i * 37 % 11)
    }

    static func exact(_ values: [Double]) -> String {
        values.map { g($0) }.joined(separator: ",")
    }

    /// `%.17g`, as the Lua side formats; "nan" for nil.
    static func g(_ value: Double?) -> String {
        String(format: "%.17g", value ?? Double.nan)
    }

    static func run(_ code: String) throws -> [String] {
        try FlashLua.makeState().execute(setup + code, chunkName: "=test")
    }

    @Test func theModelsAndTheirHelpComeFromTheRegistry() throws {
        let names = ForecastModel.allCases.map(\.rawValue)
        #expect(try Self.run("return table.concat(forecast.models(), ',')") == [names.joined(separator: ",")])
        #expect(ForecastLibrary.run.doc.summary.contains("model=" + names.map { "'\($0)'" }.joined(separator: "|") + " "))
        for model in ForecastModel.allCases {
            #expect(ForecastLibrary.models.doc.summary.contains("'\(model)' (\(model.summary)"))
        }
        #expect(ForecastLibrary.models.doc.summary.contains("(\(ForecastModel.profile.summary); needs history)"))
    }

    @Test func lengthsAreMinutesOnFiveAndFifteenMinuteRows() throws {
        let lua = try Self.run("""
            local five = revenue:resample(5)
            local fc = forecast.run(five, {cutoff = 300, train = 1000, horizon = 500})
            local gain = function(s, row) return s[row] - fc.observed end
            local hre60 = math.abs(gain(fc.mean, 12) - gain(fc.actual, 12)) / gain(fc.actual, 12)
            local fifteen = forecast.run(revenue:resample(15), {cutoff = 100})
            local bt = forecast.backtest(revenue:resample(15))
            return fc.horizon, #fc.mean, fc.step, fc.metrics.minutes, fc.metrics.hre60 == hre60, tostring(fc):match("%d+ minutes[^,]*"),
                   fifteen.horizon, #fifteen.mean, bt.train, bt.horizon, bt.step, bt.pieces[1].cutoff, #bt.pieces[1].mean,
                   tostring(bt):match("%d+ minutes")
            """)
        #expect(lua == ["500", "100", "5", "500", "true", "500 minutes in 5-minute rows", "510", "34", "510", "210", "210", "34",
                        "14", "210 minutes"])
    }

    @Test func runMatchesTheSwiftForecaster() throws {
        let lua = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, train = 1000, horizon = 300, seed = 3, level = 0.9})
            local m = fc.metrics
            return exact(fc.mean), exact(fc.lower), exact(fc.upper), exact(fc.rate), exact(fc.actual), fc.cutoff,
                   fc.cutoff_time, fc.horizon, fc.level, fc.model, string.format("%.17g", fc.observed),
                   string.format("%.17g %.17g %.17g %.17g", m.mape, m.hre60, m.hre200, m.mase), tostring(m.hre500),
                   m.minutes, tostring(fc)
            """)
        let swift = try Forecaster.forecast(revenue: Self.revenue, options: ForecastOptions(
            cutoff: 1499, train: 1000, horizon: 300, seed: 3, level: 0.9))
        let m = try #require(swift.metrics)
        let metrics = [m[.mape], m[.hre60], m[.hre200], m[.mase]].map(Self.g)
        #expect(lua == [
            Self.exact(swift.mean.values), Self.exact(swift.lower.values), Self.exact(swift.upper.values),
            Self.exact(swift.rate.values), Self.exact(swift.actual.values), "1500", "2021-11-12T00:59", "300", "0.9",
            "flashcast", Self.g(swift.observedTotal), metrics.joined(separator: " "), "nil", "300",
            ForecastClass.describe(swift),
        ])
        #expect(lua.last?.hasPrefix("Forecast(flashcast at 2021-11-12T00:59, 300 minutes, end ") == true)
    }

    @Test func theCutoffIsAnIndexFromOneOrATime() throws {
        let lua = try Self.run("""
            local a = forecast.run(revenue, {cutoff = 1441, horizon = 60})
            local b = forecast.run(revenue, {cutoff = "2021-11-12T00:00", horizon = 60})
            local c = forecast.run(revenue:slice(1, 1441), {horizon = 60})
            return a.cutoff, b.cutoff, c.cutoff, a.cutoff_time, exact(a.mean) == exact(b.mean), exact(a.mean) == exact(c.mean),
                   a.metrics.minutes, c.metrics.minutes, c.metrics.mape
            """)
        #expect(lua == ["1441", "1441", "1441", "2021-11-12T00:00", "true", "true", "60", "0", "nil"])
    }

    @Test func baselinesAndTheEarlierSaleMatchTheSwiftModule() throws {
        let lua = try Self.run("""
            local prev = {}
            for i = 1, 2880 do prev[i] = 0.8 * revenue[i] + (i % 5) end
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 200, model = "profile", history = prev})
            local b = fc.baselines
            return fc.model, exact(fc.mean), exact(b.profile.mean), exact(b.drift.mean), exact(b.seasonal_naive.mean),
                   string.format("%.17g", b.drift.metrics.mape), #fc.history.train, fc.history.best_epoch
            """)
        let previous = Series(start: 0, values: (1...2880).map { 0.8 * Self.value($0) + Double($0 % 5) })
        var options = ForecastOptions(cutoff: 1499, horizon: 200, model: .profile, history: previous)
        options.train = 1000
        let swift = try Forecaster.forecast(revenue: Self.revenue, options: options)
        let baseline = { (model: ForecastModel) -> BaselineResult? in swift.baselines.first { $0.model == model } }
        #expect(lua == [
            "profile", Self.exact(swift.mean.values), Self.exact(baseline(ForecastModel.profile)?.mean.values ?? []),
            Self.exact(baseline(ForecastModel.drift)?.mean.values ?? []),
            Self.exact(baseline(ForecastModel.seasonalNaive)?.mean.values ?? []),
            Self.g(baseline(ForecastModel.drift)?.metrics?[.mape]), "0", "0",
        ])
    }

    @Test func thePaperModelReportsItsLossHistory() throws {
        let lua = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 100, model = "paper", epochs = 5, seed = 2})
            return exact(fc.mean), #fc.history.train, #fc.history.validation, exact(fc.history.train), fc.history.best_epoch
            """)
        var options = ForecastOptions(cutoff: 1499, horizon: 100, model: .paper, seed: 2)
        options.epochs = 5
        let swift = try Forecaster.forecast(revenue: Self.revenue, options: options)
        #expect(lua == [
            Self.exact(swift.mean.values), "5", "\(swift.loss.validation.count)", Self.exact(swift.loss.training),
            "\(swift.loss.bestEpoch)",
        ])
    }

    @Test func backtestMatchesTheSwiftBacktester() throws {
        let lua = try Self.run("""
            local bt = forecast.backtest(revenue, {train = 500, horizon = 200, step = 400})
            local s = bt.summary
            return #bt, #bt.pieces, bt.pieces[2].cutoff, exact(bt.pieces[3].mean), s.pieces, s.model,
                   string.format("%.17g %.17g", s.hre200, s.coverage), string.format("%.17g", bt.baselines.drift.hre200),
                   bt.train, bt.horizon, bt.step, tostring(bt)
            """)
        let swift = try Backtester.backtest(revenue: Self.revenue, train: 500, horizon: 200, step: 400)
        let drift = try #require(swift.baselines.first { $0.model == ForecastModel.drift })
        let count = swift.pieces.count
        #expect(count == 6)
        #expect(lua == [
            "\(count)", "\(count)", "900", Self.exact(swift.pieces[2].mean.values), "\(count)", "flashcast",
            Self.g(swift.summary[.hre200]) + " " + Self.g(swift.summary[.coverage]), Self.g(drift[.hre200]), "500", "200", "400",
            "Backtest(flashcast, 6 pieces of 200 minutes, mean hre200 "
                + String(format: "%.1f%%", (swift.summary[.hre200] ?? 0) * 100) + ")",
        ])
    }

    @Test func saveCSVWritesTheCommandsRows() throws {
        let folder = TemporaryFolder("flashcast-forecast-lua")
        defer { folder.remove() }
        let lua = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 30})
            local bt = forecast.backtest(revenue, {train = 1000, horizon = 100, step = 1000})
            return fc:save_csv("\(folder.path)/fc.csv"), bt:save_csv("\(folder.path)/bt.csv"),
                   fc:save_csv("/nonexistent/fc.csv")
            """)
        #expect(lua == ["true", "true", "nil", "cannot write '/nonexistent/fc.csv': no such file or directory"])
        let forecast = try Forecaster.forecast(revenue: Self.revenue, options: ForecastOptions(cutoff: 1499, horizon: 30))
        let written = try String(contentsOf: folder.url.appendingPathComponent("fc.csv"), encoding: .utf8)
        #expect(written == ForecastTable(forecast).csv)
        let lines = written.split(separator: "\n")
        #expect(lines.count == 31)
        #expect(lines[0] == "cutoff,minute,step,actual,forecast,lower,upper")
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(first[0...2] == ["2021-11-12T00:59", "2021-11-12T01:00", "1"])
        let actual = Self.revenue.values[0...1500].reduce(0, +)
        #expect(first[3] == String(format: "%.2f", actual))
        #expect(first[4] == String(format: "%.2f", forecast.mean.values[0]))
        let pieces = try String(contentsOf: folder.url.appendingPathComponent("bt.csv"), encoding: .utf8)
        let backtest = try Backtester.backtest(revenue: Self.revenue, train: 1000, horizon: 100, step: 1000)
        #expect(pieces == ForecastTable(backtest).csv)
        #expect(pieces.split(separator: "\n").count == 1 + 100 * backtest.pieces.count)
    }

    @Test func severalLevelsGiveOneNestedBandEach() throws {
        let folder = TemporaryFolder("flashcast-forecast-levels")
        defer { folder.remove() }
        let lua = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 300, level = {0.8, 0.5, 0.95}})
            local lo95, hi95 = fc:band(0.95)
            local nested = true
            for i = 1, #fc.mean do
              local b50, b80, b95 = fc.bands[0.5], fc.bands[0.8], fc.bands[0.95]
              nested = nested and b95.lower[i] <= b80.lower[i] and b80.lower[i] <= b50.lower[i]
                and b50.upper[i] <= b80.upper[i] and b80.upper[i] <= b95.upper[i]
            end
            local m = fc.metrics
            local bt = forecast.backtest(revenue, {train = 1000, horizon = 100, step = 1000, level = {0.5, 0.95}})
            return table.concat(fc.levels, ","), fc.level, fc.lower[300] == fc.bands[0.8].lower[300], lo95[300] == fc.bands[0.95].lower[300],
                   hi95[1] == fc.bands[0.95].upper[1], nested, m.coverage == m.coverage80, m.coverage50 <= m.coverage80,
                   m.coverage80 <= m.coverage95, m.width50 < m.width95, bt.summary.coverage == bt.summary.coverage50,
                   bt.summary.coverage95 ~= nil, fc:save_csv("\(folder.path)/levels.csv")
            """)
        #expect(lua == ["0.5,0.8,0.95", "0.8", "true", "true", "true", "true", "true", "true", "true", "true", "true", "true", "true"])
        let csv = try String(contentsOf: folder.url.appendingPathComponent("levels.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "cutoff,minute,step,actual,forecast,lower50,upper50,lower80,upper80,lower95,upper95")
        #expect(csv.count == 301 && csv[1].split(separator: ",").count == 11)
    }

    @Test func plannedEventsMoveEveryBandWithTheForecast() throws {
        let lua = try Self.run("""
            local mail = scenario.email{at = "2021-11-11T20:00", lift = 1}  -- sent before the cutoff: taken out, then put back
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 300, level = {0.8, 0.95}, events = {mail}})
            local same = true
            for i = 1, #fc.mean do
              same = same and fc.bands[0.8].lower[i] == fc.lower[i] and fc.bands[0.8].upper[i] == fc.upper[i]
                and fc.bands[0.95].lower[i] <= fc.lower[i] and fc.upper[i] <= fc.bands[0.95].upper[i]
            end
            return same
            """)
        #expect(lua == ["true"])
    }

    @Test func warningMatchesTheSwiftEarlyWarning() throws {
        let lua = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 300})
            local live = {}
            for i = 1, 1700 do live[i] = i <= 1500 and revenue[i] or revenue[i] / 2 end
            local v = forecast.warning(live, fc, {k = 5, target = 1e9})
            local w = v.warnings
            return v.alert, #w, w[1].kind, w[1].index, w[2].kind, w[2].index, w[2].time, string.format("%.17g", w[2].gap),
                   v.kind, v.message, #v.actual, v.alerts[1], #v.alerts, tostring(v.expected == fc.mean)
            """)
        let swiftForecast = try Forecaster.forecast(revenue: Self.revenue, options: ForecastOptions(cutoff: 1499, horizon: 300))
        let halved = (1...1700).map { $0 <= 1500 ? Self.value($0) : Self.value($0) / 2 }
        let live = Series(start: Self.revenue.start, values: halved, zone: Self.zone)
        let warnings = try EarlyWarning.check(revenue: live, forecast: swiftForecast, consecutive: 5, target: 1e9)
        #expect(warnings.count == 2)
        let band = try #require(warnings.first { $0.kind == EarlyWarning.Kind.belowBand })
        #expect(lua == [
            "true", "2", "below_target", "1500", "below_band", "\(band.row + 1)", band.label, Self.g(band.gap),
            "below_target", ForecastWarning.message(warnings[0], level: 0.8), "201", "2", "\(1700 - 1500)", "true",
        ])
        let quiet = try Self.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 300})
            local live = {}
            for i = 1, 1700 do live[i] = i <= 1500 and revenue[i] or 2 * revenue[i] end
            local v = forecast.warning(live, fc)
            return v.alert, #v.warnings, v.kind, v.message
            """)
        #expect(quiet == ["false", "0", "nil", "nil"])
    }

    @Test func helpDocumentsEveryFunctionOptionAndField() throws {
        let lua = try Self.run("""
            local lines = {}
            print = function(text) lines[#lines + 1] = text end
            help("forecast"); help("forecast.run"); help("Forecast"); help("Backtest")
            return table.concat(lines, "\\n")
            """)
        let text = try #require(lua.first)
        for signature in ["forecast.run(revenue [, options]) -> Forecast", "forecast.backtest(revenue [, options]) -> Backtest",
                          "forecast.warning(revenue, fc [, options]) -> verdict", "fc:save_csv(path)", "bt:save_csv(path)"] {
            #expect(text.contains(signature), "\(signature)")
        }
        for option in ForecastRunOptions.runKeys.union(ForecastRunOptions.backtestKeys) {
            #expect(text.contains(option + "="), "option '\(option)' is not in help")
        }
        for field in ["mean", "lower", "upper", "rate", "actual", "cutoff", "cutoff_time", "horizon", "level", "model",
                      "observed", "history", "metrics", "baselines", "pieces", "summary"] {
            #expect(text.contains(field), "field '\(field)' is not in help")
        }
    }
}
