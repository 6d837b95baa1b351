@testable import FlashLua
import Foundation
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// A what-if on a followed sale's forecast (`sale.current`) that sends a campaign starts from the
/// burst-free band, as `flashcast whatif` and `forecast.run` do: the sale's earlier burst is not
/// counted again beside the campaign the scenario states.
@Suite struct LiveWhatIfBandTests {
    @TemporaryFolder("flashcast-live-whatif") var folder

    /// 1200 minutes from 2021-05-20T00:00 with an order of 10 a minute, and 200 a minute for the
    /// quarter hour from minute 600 (an unannounced campaign).
    func export() throws -> String {
        let path = folder.appendingPathComponent("live.csv").path
        let rows = (0..<1200).map { (m: Int) -> String in
            let amount = (600..<615).contains(m) ? 200 : 10 + m % 7
            return String(format: "%d,2021-05-20T%02d:%02d:30,c%d,%d.00\n", m + 1, m / 60, m % 60, m, amount)
        }
        try ("order_id,order_time,customer,amount\n" + rows.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCampaignScenarioOnTheLiveForecastStartsFromItsBurstFreeBand() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            sale = live.open('\(try export())', {minutes = 1500, model = 'drift', progress = false})
            sale:refresh()
            local mail = {scenario.email{at = '21:00', lift = 1, half_life = 30}}
            local live = scenario.whatif(sale.current, mail)
            local run = scenario.whatif(forecast.run(sale.revenue, {model = 'drift', train = 1000, horizon = 300, seed = 1}), mail)
            local f = sale.forecast
            local ordinary = scenario.whatif({observed = f.observed, mean = f.mean, lower = f.lower, upper = f.upper}, mail)
            local function last(s) return s[#s] end
            return last(live[1].upper), last(run[1].upper), last(ordinary[1].upper), last(live[1].lower), last(run[1].lower),
                   last(live.baseline.upper), last(ordinary.baseline.upper)
            """).map { try #require(Double($0)) }
        #expect(values[0] == values[1] && values[3] == values[4], "the live what-if is forecast.run's: \(values)")
        #expect(values[0] < values[2], "the ordinary band keeps room for the burst again: \(values)")
        #expect(values[5] == values[6], "the baseline keeps its ordinary band: \(values)")

        // Ten minutes later the forecast is carried to now (not trained again): its burst-free band with it.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: try state.execute("return sale.path")[0]))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((1200..<1210).map { "\($0 + 1),2021-05-20T20:0\($0 - 1200):30,c,12.00\n" }.joined().utf8))
        try handle.close()
        let carried = try state.execute("""
            sale:refresh()
            local mail = {scenario.email{at = '21:00', lift = 1, half_life = 30}}
            local f = sale.forecast
            local live = scenario.whatif(sale.current, mail)
            local ordinary = scenario.whatif({observed = f.observed, mean = f.mean, lower = f.lower, upper = f.upper}, mail)
            return sale.current.cutoff, f.trained_at, live[1].upper[#live[1].upper], ordinary[1].upper[#ordinary[1].upper]
            """)
        #expect(carried[0] == "1210" && carried[1] == "2021-05-20T19:59")
        #expect(try #require(Double(carried[2])) < #require(Double(carried[3])), "\(carried)")
    }
}
