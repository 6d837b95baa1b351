import Foundation
import TemporaryFolders
import Testing
@testable import SaleData

@Suite struct SaleSimulationTests {
    /// A one-day sale with a campaign, small enough for a unit test.
    var sale: SaleSimulation {
        var sale = SaleSimulation()
        sale.minutes = 1440
        sale.expectedOrders = 20_000
        sale.seed = 7
        sale.campaigns = [.init(minute: 600, lift: 2, riseMinutes: 4, halfLife: 20)]
        return sale
    }

    @Test func theSameSeedGivesTheSameSale() {
        #expect(sale.orders() == sale.orders())
        var other = sale
        other.seed = 8
        #expect(other.orders() != sale.orders())
    }

    @Test func ordersFollowTheExpectedRates() {
        let orders = sale.orders()
        let rates = sale.expectedRates()
        #expect(abs(rates.reduce(0, +) - 20_000) < 1e-6)
        // Poisson total: standard deviation sqrt(20000) = 141.
        #expect(abs(Double(orders.count) - 20_000) < 600)
        #expect(orders.map(\.second) == orders.map(\.second).sorted())
        #expect(orders.map(\.id) == Array(sale.firstOrderID..<(sale.firstOrderID + orders.count)))
        let median = orders.map(\.cents).sorted()[orders.count / 2]
        #expect(abs(Double(median) - 4500) < 200)
        let distinct = Set(orders.map(\.customer)).count
        #expect(abs(Double(distinct) / Double(orders.count) - 0.7) < 0.02)
    }

    @Test func theRateCurveHasSurgeCycleAndCampaign() {
        let rates = sale.expectedRates()
        let base = sale.baseRates()
        #expect(rates[0] > 3 * rates[400])
        // The campaign peaks 4 minutes after the mail at lift 2, then halves every 20 minutes.
        #expect(abs(rates[604] / base[604] - 3) < 1e-12)
        #expect(abs(rates[624] / base[624] - 2) < 1e-12)
        #expect(abs(sale.campaignLift(at: 602) - 1) < 1e-12)
        #expect(sale.campaignLift(at: 599) == 0)
        #expect(rates[..<600] == base[..<600])
        // Asia (+8, 45%) is at 20:00 local at 12:00 UTC, at 04:00 local at 20:00 UTC.
        #expect(sale.dailyActivity(at: sale.start + 12 * 60) > sale.dailyActivity(at: sale.start + 20 * 60))
    }

    @Test func readingTheWrittenSaleGivesTheSimulatedTotals() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        var zoned = sale
        zoned.zone = try #require(ShopZone("Asia/Singapore"))
        zoned.timeFormat = .offset
        let path = folder.path + "/sale.csv"
        let written = try zoned.write(to: path)
        let orders = zoned.orders()
        #expect(written == orders.count)
        var centsPerMinute: [Int: Int64] = [:]
        var customersPerMinute: [Int: Set<Int>] = [:]
        for order in orders {
            centsPerMinute[order.second / 60, default: 0] += order.cents
            customersPerMinute[order.second / 60, default: []].insert(order.customer)
        }
        var options = OrdersReadOptions()
        options.zone = zoned.zone
        let result = try OrdersReader.read(path: path, options: options)
        let first = try #require(centsPerMinute.keys.min())
        #expect(result.table.start == first)
        #expect(result.report.orders == orders.count)
        for (index, cents) in result.table.revenueCents.enumerated() {
            #expect(cents == centsPerMinute[first + index, default: 0])
            #expect(result.table.customers?[index] == customersPerMinute[first + index]?.count ?? 0)
        }
        #expect(result.table.totalCents == orders.reduce(0) { $0 + $1.cents })
        #expect(result.table.revenue.label(at: 0) == "2021-05-20T08:00")
    }

    @Test(arguments: SaleSimulation.TimeFormat.allCases)
    func everyTimeFormatReadsBackTheSame(format: SaleSimulation.TimeFormat) throws {
        var small = sale
        small.expectedOrders = 500
        small.timeFormat = format
        small.zone = try #require(ShopZone("-03:00"))
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = folder.path + "/sale.csv"
        try small.write(to: path)
        var options = OrdersReadOptions()
        options.zone = small.zone
        let table = try OrdersReader.read(path: path, options: options).table
        #expect(table.totalCents == small.orders().reduce(0) { $0 + $1.cents })
        #expect(table.start == small.orders().first.map { $0.second / 60 })
    }

    @Test func largeFilesReadInHalvesMatchASerialRead() throws {
        var big = sale
        big.expectedOrders = 260_000
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = folder.path + "/big.csv"
        try big.write(to: path)
        var serialOptions = OrdersReadOptions()
        serialOptions.threads = 1
        let serial = try OrdersReader.read(path: path, options: serialOptions)
        let parallel = try OrdersReader.read(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > OrdersReader.parallelThreshold)
        #expect(parallel == serial)
        // A duplicate of an early row appended at the end: each half is clean, the join is not.
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let firstRow = original.split(separator: "\n")[1]
        try folder.append("big.csv", firstRow + "\n")
        let withDuplicate = try OrdersReader.read(path: path)
        #expect(withDuplicate.report.duplicates == 1)
        #expect(withDuplicate.table == serial.table)
        #expect(withDuplicate.report.examples["duplicate order id"]?.first?.hasPrefix("big.csv:\(serial.report.rows + 2):1:") == true)
        // An order of a new customer for a minute the first half left long before: counted exactly.
        let middle = serial.table.count / 4
        let time = serial.table.zone.label(minute: serial.table.start + middle).replacingOccurrences(of: "T", with: " ")
        let returning = try OrdersReader.read(path: folder.write("returning.csv", original + "99999999,\(time):30,newcomer,1.00\n"))
        #expect(returning.table.customers?[middle] == (serial.table.customers?[middle] ?? 0) + 1)
        #expect(returning.table.orders[middle] == serial.table.orders[middle] + 1)
    }
}

@Suite struct CampaignSpecTests {
    @Test(arguments: [("09:30:1.5", 570, 1.5, 30.0), ("50:00:2:45", 3000, 2, 45), ("0:05:0", 5, 0, 30)])
    func readsCampaigns(spec: String, minute: Int, lift: Double, halfLife: Double) throws {
        let campaign = try #require(SaleSimulation.Campaign(spec: spec))
        #expect(campaign == SaleSimulation.Campaign(minute: minute, lift: lift, halfLife: halfLife))
    }

    @Test(arguments: ["", "09:30", "9:60:1", "-1:00:1", "09:30:x", "09:30:1:0", "09:30:1:2:3", "09:30:-1", "+1:00:1"])
    func refusesMalformedCampaigns(spec: String) {
        #expect(SaleSimulation.Campaign(spec: spec) == nil)
    }
}
