@testable import FlashLua
import LuaBridge
import SaleData
import Scenarios
import Testing
import TestSupport

/// The `scenario` library's events and learning: what scripts see, and Lua-style errors.
@Suite struct ScenarioLibraryTests {
    static func run(_ code: String) throws -> [String] {
        try FlashLua.makeState().execute(code, chunkName: "=test")
    }

    @Test func eventsDescribeThemselves() throws {
        let lua = try Self.run("""
            local e = scenario.email{at = "14:00", lift = 1.5, half_life = 45}
            local d = scenario.discount{from = "2024-05-20T16:00", depth = 0.1, elasticity = 3, fade = 60}
            local o = scenario.outage{from = "15:00", to = "15:30", remaining = 0.1}
            return tostring(e), e.kind, e.name, tostring(d), tostring(o), tostring(scenario.push{at = "09:05"})
            """)
        #expect(lua == [
            "Event(e-mail 14:00 +150%, peak after 5 min, half-life 45 min)", "email", "e-mail 14:00 +150%",
            "Event(discount 2024-05-20T16:00 +17%, fading with half-life 60 min)",
            "Event(outage 15:00-15:30, -90%)", "Event(push 09:05 +100%, peak after 5 min, half-life 30 min, lift +37.5%..+266.5% (90%))",
        ])
    }

    @Test func clockTimesAreTheNextSuchMinuteAfterTheCutoff() {
        let zone = ShopZone("+08:00")!
        let cutoff = zone.minute(of: "2024-05-20T13:10")!
        let cases: [(String, String)] = [("14:00", "2024-05-20T14:00"), ("13:10", "2024-05-21T13:10"),
                                         ("09:00", "2024-05-21T09:00"), ("2024-05-22T10:30", "2024-05-22T10:30")]
        for (text, label) in cases {
            let minute = EventTime(text: text)?.minute(after: cutoff, zone: zone)
            #expect(minute.map(zone.label(minute:)) == label, "\(text)")
        }
    }

    @Test func learnsTheSimulatedCampaign() throws {
        let lua = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 60000, seed = 3, campaigns = {{at = "10:00", lift = 1.5, halflife = 30}}}
            local e = scenario.learn(sale.revenue, {at = "10:00"})
            local again = scenario.email{at = "15:00", from = e}
            return e.lift, e.half_life, e.lift_low < e.lift and e.lift < e.lift_high, e.level, tostring(e):sub(1, 12), again.name
            """)
        let lift = Double(lua[0]) ?? 0, halfLife = Double(lua[1]) ?? 0
        #expect(abs(lift / 1.5 - 1) < 0.15 && abs(halfLife / 30 - 1) < 0.4, "\(lua)")
        #expect(lua[2...4] == ["true", "0.9", "Effect(lift "])
        #expect(lua[5].hasPrefix("e-mail 15:00 +1"))
    }

    /// A forecast of 100 a minute from 2024-05-20T14:00 UTC for 10 minutes after 1000 observed, as a table.
    static let forecastTable = """
        local mean, lower, upper = {}, {}, {}
        for i = 1, 10 do mean[i] = 1000 + 100 * i; lower[i] = 1000 + 80 * i; upper[i] = 1000 + 120 * i end
        local function s(v) v.start = "2024-05-20T14:00"; return series.new(v) end
        local fc = {observed = 1000, mean = s(mean), lower = s(lower), upper = s(upper)}
        """

    @Test func whatIfGainsMatchTheHandComputedCase() throws {
        let lua = try Self.run(Self.forecastTable + """
            local mail = scenario.email{at = "14:02", lift = 1, rise = 2, half_life = 1}
            local down = scenario.outage{from = "14:00", to = "14:05"}
            local w = scenario.whatif(fc, {mail, {mail, down, name = "mail and outage"}}, {by = "14:05", target = 1600})
            local m = w[1]
            return #w, tostring(w), m.name, m.gain, m.total, m.gain_by, m.total_by, tostring(m.reaches), m.upper[10],
                   w[2].name, w[2].total, w.baseline.gain, w.by, w.target, tostring(w[3])
            """)
        // Campaign factors 1, 1.5, 2, 1.5, 1.25, 1.125, 1.0625, 1.03125 on minutes 14:02..14:09 (see ScenarioForecastTests).
        #expect(lua == ["2", "WhatIf(2 scenarios, best 'e-mail 14:02 +100%' +246.88 at end)", "e-mail 14:02 +100%",
                        "246.875", "2246.875", "150.0", "1650.0", "true", tostring(1000 + 1.2 * 1246.875),
                        "mail and outage", tostring(1000 + 100 * (1.5 + 1.25 + 1.125 + 1.0625 + 1.03125)),
                        "0.0", "2024-05-20T14:05", "1600.0", "nil"])
    }

    func tostring(_ value: Double) -> String { value == value.rounded() ? String(format: "%.1f", value) : "\(value)" }

    @Test func latestSendAnswersTheInverseQuestion() throws {
        let lua = try Self.run(Self.forecastTable + """
            local a = scenario.latest_send(fc, {target = 2101, lift = 1, rise = 0, half_life = 1})
            local b = scenario.latest_send(fc, {target = 1900})
            local c = scenario.latest_send(fc, {target = 9999, lift = 1, rise = 0, half_life = 1})
            return a.status, a.time, a.total, b.status, c.status, c.best_time, c.best_total
            """)
        // Sent at 14:09 (the last minute): +100 in that minute; at 14:08: 100 + 50.
        #expect(lua == ["send_by", "2024-05-20T14:08", "2150.0", "not_needed", "unreachable", "2024-05-20T14:00",
                        tostring(2000 + 100 * (2 - 1.0 / 512))])
    }

    @Test func whatIfOnAForecastDrawsAndAgreesWithTheSwiftModule() throws {
        let lua = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 30000, seed = 2, tz = "+08:00", start = "2024-05-20T00:00"}
            local fc = forecast.run(sale.revenue, {cutoff = "2024-05-20T12:00", train = 600, horizon = 300, model = "drift"})
            local mail = scenario.email{at = "14:00", lift = 0.8, half_life = 40}
            local w = forecast.whatif(fc, {mail}, {by = "15:00"})
            local w2 = scenario.whatif(fc, {mail}, {by = "15:00"})
            local c = chart.scenarios(w, {title = "what if"})
            local rate, base = w[1].rate, w.baseline.rate
            local expected = 0
            for i = 1, #rate do
              local since = i - 120  -- row 1 is 12:01, so 14:00 is row 120
              if since >= 0 then
                local shape = since < 5 and since / 5 or 2 ^ (-(since - 5) / 40)
                expected = expected + base[i] * 0.8 * shape
              end
            end
            return w[1].gain - expected, w[1].gain == w2[1].gain, w.by, tostring(c), c:svg():find("e-mail 14:00 +80%", 1, true) ~= nil,
                   w[1].mean[1] == fc.mean[1]
            """)
        #expect(abs(Double(lua[0]) ?? 1) < 1e-6, "\(lua)")
        #expect(Array(lua[1...]) == ["true", "2024-05-20T15:00", "Chart(scenario, 800x450)", "true", "true"])
    }

    /// A what-if chart focuses on what differs: the axis starts near the data (not at 0), the
    /// baseline's band, the scenario's band (in its colour) and the target are drawn, and the
    /// actual history is at most a third as long as the forecast.
    @Test func whatIfChartsFocusOnTheDifferencesWithTheBandAndTheTarget() throws {
        let svg = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 30000, seed = 2, tz = "+08:00", start = "2024-05-20T00:00"}
            local fc = forecast.run(sale.revenue, {cutoff = "2024-05-20T12:00", train = 600, horizon = 300})
            local w = forecast.whatif(fc, {scenario.email{at = "14:00", lift = 0.8, half_life = 40}}, {target = fc.mean[#fc.mean] * 1.01})
            return chart.scenarios(w):svg()
            """)[0]
        #expect(svg.contains(">target</text>") && svg.contains(">80% intervals: the baseline&apos;s and each scenario&apos;s in its colour</text>"))
        #expect(svg.contains("fill=\"#0072B2\" fill-opacity=\"0.16\""))  // the scenario's band, in its palette colour
        #expect(!svg.contains(">0</text>"))  // no zero on the value axis
        #expect(svg.contains(">10:20</text>") == false && svg.contains(">11:00</text>"))  // 100 minutes of history: from 10:21
    }

    @Test func whatIfCarriesEveryLevelOfTheForecast() throws {
        let lua = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 30000, seed = 2, start = "2024-05-20T00:00"}
            local fc = forecast.run(sale.revenue, {cutoff = "2024-05-20T12:00", train = 600, horizon = 300, level = {0.5, 0.8, 0.95}})
            local w = scenario.whatif(fc, {scenario.email{at = "13:00"}})
            local b = w[1].bands
            local nested = true
            for i = 1, 300 do
              nested = nested and b[0.95].lower[i] <= b[0.5].lower[i] and b[0.5].upper[i] <= b[0.95].upper[i]
                and b[0.5].lower[i] <= w[1].mean[i] and w[1].mean[i] <= b[0.5].upper[i]
            end
            local path = os.tmpname()
            w:save_csv(path)
            local header = io.open(path):read("l")
            os.remove(path)
            local t = scenario.whatif({observed = 0, mean = series.new{10, 20, start=0}, lower = series.new{9, 18, start=0}, upper = series.new{11, 22, start=0}, level = 0.5},
                                      {scenario.email{at = 60, lift = 1}})
            return nested, b[0.5].lower[300] == w[1].lower[300], header, (next(t[1].bands))
            """)
        #expect(lua == ["true", "true", "scenario,minute,rate,mean,lower50,upper50,lower80,upper80,lower95,upper95", "0.5"])
    }

    @Test func plannedEventsAreKnownInputsOfTheForecast() throws {
        let lua = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 30000, seed = 4, start = "2024-05-20T00:00"}
            local options = {cutoff = "2024-05-20T12:00", train = 600, horizon = 120, model = "drift"}
            local plain = forecast.run(sale.revenue, options)
            options.events = {scenario.email{at = "12:30", lift = 1, rise = 0, half_life = 10},
                              scenario.email{at = "11:00", lift = 5}}  -- a time of day: tomorrow, past the horizon
            local known = forecast.run(sale.revenue, options)
            local worst = 0
            for i = 1, 120 do
              local since = i - 30
              local factor = since >= 0 and 1 + 2 ^ (-since / 10) or 1
              worst = math.max(worst, math.abs(known.rate[i] - plain.rate[i] * factor))
            end
            return worst < 1e-9
            """)
        #expect(lua == ["true"])
    }

    @Test func aCampaignSentBeforeTheCutoffIsTakenOutAndItsTailCarriedOn() throws {
        let lua = try Self.run("""
            local sale = orders.simulate{minutes = 1440, orders = 30000, seed = 4, start = "2024-05-20T00:00"}
            local options = {cutoff = "2024-05-20T12:00", train = 600, horizon = 120, model = "drift"}
            local plain = forecast.run(sale.revenue, options)
            options.events = {scenario.email{at = "2024-05-20T11:50", lift = 5, rise = 0, half_life = 10}}
            local known = forecast.run(sale.revenue, options)
            local function factor(i) return 1 + 5 * 2 ^ (-(10 + i) / 10) end
            local worst = 0
            for i = 1, 120 do
              worst = math.max(worst, math.abs(known.rate[i] / known.rate[120] - factor(i) / factor(120)))
            end
            -- the drift level falls (the spike divided out), the tail lifts the first minutes
            return worst < 1e-9, known.rate[120] < plain.rate[120], known.rate[1] > 2 * plain.rate[1],
                   known.mean[1] - known.rate[1] == plain.mean[1] - plain.rate[1]
            """)
        #expect(lua == ["true", "true", "true", "true"])
    }

    @Test(arguments: [
        ("scenario.email()", "test:1: bad argument #1 to 'email' (table expected, got no value)"),
        ("scenario.email{}", "test:1: bad argument #1 to 'email' (option 'at' must be a time such as '14:00' or '2024-05-20T14:00', got nil)"),
        ("scenario.email{at = '25:00'}", "test:1: bad argument #1 to 'email' (option 'at' must be a time such as '14:00' or '2024-05-20T14:00', got '25:00')"),
        ("scenario.email{at = '14:00', lift = -1}", "test:1: bad argument #1 to 'email' (option 'lift' must be 0 to 100 (0.5 is +50%), got -1.0)"),
        ("scenario.email{at = '14:00', lift = 1e308}", "test:1: bad argument #1 to 'email' (option 'lift' must be 0 to 100 (0.5 is +50%), got 1e+308)"),
        ("scenario.push{at = '14:00', lift = math.huge}", "test:1: bad argument #1 to 'push' (option 'lift' must be 0 to 100 (0.5 is +50%), got inf)"),
        ("scenario.email{at = '14:00', half_life = 1e6}", "test:1: bad argument #1 to 'email' (option 'half_life' must be at most 10080 minutes (a week), got 1000000.0)"),
        ("scenario.email{at = '14:00', rise = 1e308}", "test:1: bad argument #1 to 'email' (option 'rise' must be at most 10080 minutes (a week), got 1e+308)"),
        ("scenario.discount{from = '16:00', lift = 1e9}", "test:1: bad argument #1 to 'discount' (option 'lift' must be above -1 and at most 100 (0.15 is +15%), got 1000000000.0)"),
        ("scenario.email{at = '14:00', half_life = 0}", "test:1: bad argument #1 to 'email' (option 'half_life' must be positive, got 0.0)"),
        ("scenario.email{at = '14:00', from = {}}", "test:1: bad argument #1 to 'email' (option 'from' Effect expected, got table)"),
        ("scenario.email{at = '14:00', lfit = 1}", "test:1: bad argument #1 to 'email' (unknown option 'lfit')"),
        ("scenario.discount{from = '16:00'}", "test:1: bad argument #1 to 'discount' (option 'lift' must be a number (or give depth and elasticity), got nil)"),
        ("scenario.discount{from = '16:00', depth = 2, elasticity = 1}", "test:1: bad argument #1 to 'discount' (option 'depth' must be between 0 and 1 (0.1 is 10% off), got 2.0)"),
        ("scenario.outage{from = '16:00'}", "test:1: bad argument #1 to 'outage' (option 'to' must be a time such as '14:00' or '2024-05-20T14:00', got nil)"),
        ("scenario.learn(series.new{1, 2, 3, start=0}, {at = 60})", "test:1: bad argument #1 to 'learn' (need 30 rows before the send, got 1)"),
        ("scenario.learn(series.new{1, 2, 3, start=0})", "test:1: bad argument #2 to 'learn' (table expected, got no value)"),
        ("forecast.run({1, 2, 3}, {events = {scenario.push{at = '01:00'}, 2}})", "test:1: bad argument #2 to 'run' (option 'events' item 2: Event expected, got number)"),
        ("scenario.whatif(1, {})", "test:1: bad argument #1 to 'whatif' (Forecast expected, got number)"),
        ("scenario.whatif({observed = 1}, {})", "test:1: bad argument #1 to 'whatif' (option 'mean' must be a Series of at least one value)"),
        ("scenario.whatif({observed = 1, mean = series.new{2, start=0}}, {})", "test:1: bad argument #2 to 'whatif' (at least one scenario expected)"),
        ("scenario.whatif({observed = 1, mean = series.new{2, start=0}}, {5})", "test:1: bad argument #2 to 'whatif' (scenario 1: Event or list of Events expected, got number)"),
        ("scenario.whatif({observed = 1, mean = series.new{2, start=0}}, {{'x'}})", "test:1: bad argument #2 to 'whatif' (scenario 1, item 1: Event expected, got string)"),
        ("scenario.latest_send({observed = 1, mean = series.new{2, start=0}}, {})", "test:1: bad argument #2 to 'latest_send' (option 'target' must be a number (money))"),
    ])
    func errorsReadLikeLuas(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == message)
    }
}
