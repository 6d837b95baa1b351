import Foundation
import FlashLua
import LuaBridge
import SaleData
import TemporaryFolders
import Testing
import TestSupport

@Suite struct SimulateTests {
    let options = "seed=3, minutes=180, orders=3000, tz='+08:00', start='2021-05-20T20:00', campaigns={{at='01:00', lift=2, halflife=20}}"

    /// The same sale computed in Swift from the simulator's orders, independently of the aggregation.
    var sale: SaleSimulation {
        var sale = SaleSimulation()
        sale.seed = 3
        sale.minutes = 180
        sale.expectedOrders = 3000
        sale.zone = ShopZone("+08:00") ?? .utc
        sale.start = 27_024_480 + 12 * 60
        sale.campaigns = [.init(minute: 60, lift: 2, halfLife: 20)]
        return sale
    }

    @Test func simulatedResultsMatchTheOrders() throws {
        let orders = sale.orders()
        let cents = orders.reduce(Int64(0)) { $0 + $1.cents }
        let inCampaignHour = orders.filter { ($0.second / 60 - sale.start) / 60 == 1 }.count
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local r = orders.simulate{\(options)}
            return r.report.orders, string.format('%.2f', r.total), r.revenue.start, #r.revenue, r.count:slice(61, 120):sum()
            """)
        #expect(values == [String(orders.count), String(format: "%.2f", Double(cents) / 100), "2021-05-20T20:00",
                           "180", "\(Double(inCampaignHour))"])
    }

    @Test func writesTheOrdersCSVThatReadsBackTheSame() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sale.csv")
        let state = try FlashLua.makeState()
        let values = try state.execute("""
            local n = orders.simulate{\(options), path='\(path)'}
            local direct = orders.simulate{\(options)}
            local read = assert(orders.read('\(path)', {tz='+08:00'}))
            return n, read.total == direct.total, read.cumulative:max() == direct.cumulative:max(), io.open('\(path)'):read('l')
            """)
        #expect(values == [String(sale.orders().count), "true", "true", "order_id,order_time,customer,amount"])
    }
}
