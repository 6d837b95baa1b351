import Testing
import SaleData
@testable import Forecasting

/// The default model beside an earlier sale, on a shop whose closing hour differs by weekday.
@Suite struct ClosingHourTests {
    /// Four days from midnight: an order of 100 every 20 minutes from 08:00, to 20:00 on days 0
    /// and 2 and to 17:00 on days 1 and 3 (a shop open late on Tuesdays and Thursdays).
    static func shop() -> Series {
        Series(start: 0, values: (0..<4 * 1440).map { row in
            let minute = row % 1440, close = row / 1440 % 2 == 0 ? 1200 : 1020
            return minute >= 480 && minute < close && minute % 20 == 0 ? 100 : 0
        })
    }

    @Test func anEveningTheEarlierSaleWasShutIsNotReadFromTheLateDayBefore() throws {
        // from 16:19 on day 3 the shop sells its orders at 16:20 and 16:40 and closes at 17:00, as
        // it did on the earlier sale's day 3; last season (day 2) sold on to 20:00 (9 orders more)
        let options = ForecastOptions(cutoff: 3 * 1440 + 979, train: 1000, horizon: 500, history: Self.shop())
        let forecast = try Forecaster.forecast(revenue: Self.shop(), options: options)
        let gain = forecast.mean.values[499] - forecast.observedTotal
        #expect(abs(gain - 200) < 100, "forecast \(gain) for 200 to come")
    }

    @Test func aClosingHourNeedsMoreThanOneOrder() throws {
        // the earlier sale's day 2 sold one order after 17:00: its day 3 sold nothing there by chance
        let model = FlashcastModel(input: try Forecaster.prepare(revenue: Self.shop(), options: ForecastOptions(
            cutoff: 3 * 1440 + 979, train: 1000, horizon: 500,
            history: Series(start: 0, values: Self.shop().values.enumerated().map { row, value in
                row / 1440 == 2 && row % 1440 >= 1020 ? (row % 1440 == 1100 ? 100 : 0) : value
            }))))
        #expect(model.closedEarlier(at: 3 * 1440 + 1030, back: 1440) == false)
        #expect(try FlashcastModel(input: Forecaster.prepare(revenue: Self.shop(), options: ForecastOptions(
            cutoff: 3 * 1440 + 979, train: 1000, horizon: 500, history: Self.shop()))).closedEarlier(at: 3 * 1440 + 1030, back: 1440))
    }
}
