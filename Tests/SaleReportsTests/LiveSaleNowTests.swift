import Forecasting
import Foundation
import SaleData
import SaleReports
import TemporaryFolders
import Testing

/// A followed sale's "now" is its last minute read: the end-of-sale forecast is carried to it, so
/// the status, `LiveSale.forecast` and a chart of it agree; with a lookback a second forecast,
/// made that many minutes earlier, is the band the alert checks.
@Suite struct LiveSaleNowTests {
    @TemporaryFolder("flashcast-live-now") var folder

    /// One order of 10 a minute from 00:00, for `minutes` minutes.
    func write(minutes: Range<Int>, to path: String, appending: Bool = false) throws {
        let rows = minutes.map { String(format: "%d,2021-05-20T%02d:%02d:30,c%d,10.00\n", $0 + 1, $0 / 60, $0 % 60, $0) }
        if appending {
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(rows.joined().utf8))
            try handle.close()
        } else {
            try ("order_id,order_time,customer,amount\n" + rows.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func theForecastIsCarriedToNowAndTheLookbackForecastIsMadeEarlier() throws {
        let path = folder.appendingPathComponent("live.csv").path
        try write(minutes: 0..<200, to: path)
        var options = LiveSaleOptions(source: .export(path: path, reading: OrdersReadOptions()))
        options.plan.length = 400
        options.settings.model = .drift
        options.settings.lookback = 60
        let sale = try LiveSale.open(options)
        let first = try sale.refresh()
        #expect(first.now == "2021-05-20T03:19" && first.minute == 200)
        #expect(first.forecast?.trainedAt == "2021-05-20T03:19" && first.forecast?.retrained == true)
        #expect(sale.earlyForecast?.cutoff == 199 - 60)
        let made = try #require(sale.forecast)
        #expect(made.cutoff == 199 && made.mean.label(at: 0) == "2021-05-20T03:20" && made.rows == 200)

        try write(minutes: 200..<210, to: path, appending: true)
        let second = try sale.refresh()
        // Ten minutes later the model is not trained again; its forecast moves to now.
        #expect(second.now == "2021-05-20T03:29" && second.forecast?.trainedAt == "2021-05-20T03:19")
        #expect(second.forecast?.retrained == false)
        let carried = try #require(sale.forecast)
        #expect(carried.cutoff == 209 && carried.observedTotal == 2100 && carried.rows == 190)
        #expect(carried.mean.label(at: 0) == "2021-05-20T03:30")
        #expect(carried.mean.values.last == second.forecast?.total)
        #expect(carried.lower.values.last == second.forecast?.lower && carried.upper.values.last == second.forecast?.upper)
        // The expected gain from now to the end is the one made at 03:19.
        let madeGain = try #require(made.mean.values.last) - made.mean.values[9]
        let carriedGain = try #require(carried.mean.values.last) - 2100
        #expect(abs(madeGain - carriedGain) < 1e-6)
    }
}

/// An end before the sale's first order is refused by the refresh, not shown as "minute 200 of 1".
@Suite struct LiveSaleEndTests {
    @TemporaryFolder("flashcast-live-end") var folder

    @Test func anEndBeforeTheFirstOrderIsRefused() throws {
        let path = folder.appendingPathComponent("live.csv").path
        try "order_id,order_time,customer,amount\n1,2021-05-20T10:00:30,c1,10.00\n2,2021-05-20T10:01:10,c2,5.00\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var options = LiveSaleOptions(source: .export(path: path, reading: OrdersReadOptions()))
        options.plan.end = 10 * 60 - 1 + 27_024_480  // 2021-05-20T09:59 UTC in epoch minutes
        let sale = try LiveSale.open(options)
        let error = #expect(throws: LiveSaleEndError.self) { try sale.refresh() }
        #expect(error?.description == "the sale's end 2021-05-20T09:59 is before its first order at 2021-05-20T10:00")
        options.plan.end = 10 * 60 + 27_024_480
        #expect(try LiveSale.open(options).refresh().minutes == 1)
    }
}
