@testable import FlashLua
import LuaBridge
import Testing

/// Every field of FlashCast's objects gives the same value on every read (`fc.metrics ==
/// fc.metrics`, `bt.pieces[1] == bt.pieces[1]`): tables and userdata are made once per object.
@Suite struct KeptFieldTests {
    /// A forecast with actuals after its cutoff, several bands and a back-test of the same revenue.
    static let setup = ForecastLibraryTests.setup + """
        fc = forecast.run(revenue, {cutoff = 1500, horizon = 500, level = {0.5, 0.8}})
        bt = forecast.backtest(revenue, {train = 1000, horizon = 500, step = 500})
        w = scenario.whatif(fc, {scenario.email{at = "02:00", lift = 1}}, {by = "03:00", target = 1e6})
        s = revenue
        event = scenario.email{at = "02:00", lift = 1}
        effect = scenario.learn(orders.simulate{minutes = 1440, orders = 60000, seed = 3,
                                                campaigns = {{at = "10:00", lift = 1.5, halflife = 30}}}.revenue, {at = "10:00"})
        function differing(o, names)
          local found = {}
          for _, name in ipairs(names) do
            if not rawequal(o[name], o[name]) then found[#found + 1] = name end
          end
          return table.concat(found, ",")
        end

        """

    static func run(_ code: String) throws -> [String] {
        try FlashLua.makeState().execute(setup + code, chunkName: "=test")
    }

    static func names(_ fields: some Collection<String>) -> String {
        "{" + fields.sorted().map { "'\($0)'" }.joined(separator: ", ") + "}"
    }

    /// Every field of each class (read from its definition, so a new field is checked too).
    @Test(arguments: [
        ("fc", names(ForecastClass.luaClass.fields.keys)), ("bt", names(BacktestClass.luaClass.fields.keys)),
        ("bt.pieces[2]", names(ForecastClass.luaClass.fields.keys)), ("w", names(WhatIfClass.luaClass.fields.keys)),
        ("s", names(SeriesClass.luaClass.fields.keys)), ("event", names(EventClass.luaClass.fields.keys)),
        ("effect", names(EffectClass.luaClass.fields.keys)),
    ])
    func everyFieldIsTheSameOnEveryRead(object: String, fields: String) throws {
        #expect(try Self.run("return differing(\(object), \(fields))") == [""])
    }

    @Test func nestedTablesAndPiecesAreThemselves() throws {
        let lua = try Self.run("""
            return bt.pieces[1] == bt.pieces[1], fc.metrics == fc.metrics, bt.pieces[1].metrics == bt.pieces[1].metrics,
                   fc.bands[0.5] == fc.bands[0.5], fc.baselines.drift.metrics == fc.baselines.drift.metrics,
                   w[1] == w[1], w.baseline == w.baseline, bt.summary == bt.summary, type(fc.metrics), type(bt.pieces[1])
            """)
        #expect(lua == ["true", "true", "true", "true", "true", "true", "true", "true", "table", "userdata"])
    }

    @Test func keptValuesStillReadTheirObject() throws {
        let lua = try Self.run("""
            local first = bt.pieces[1]
            return first.cutoff, bt.pieces[2].cutoff, #fc.mean, fc.metrics.minutes, w[1].name, w[2]
            """)
        #expect(lua == ["1000", "1500", "500", "500", "e-mail 02:00 +100%", "nil"])
    }
}
