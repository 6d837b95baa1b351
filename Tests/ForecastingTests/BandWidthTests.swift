import Testing
import SaleData
@testable import Forecasting

/// Bands have width wherever the forecast gains, and widen with the horizon, also just after the
/// first origin that can be back-tested (where few back-tests reach only the first minutes).
@Suite struct BandWidthTests {
    /// Width > 0 at every minute and never narrowing over a minute in which the forecast gains.
    static func expectWidens(_ forecast: Forecast, _ label: String) {
        for band in forecast.bands {
            let lower = band.lower.values, upper = band.upper.values, mean = forecast.mean.values
            for h in lower.indices {
                let width = upper[h] - lower[h]
                #expect(width > 0, "\(label) cutoff \(forecast.cutoff) level \(band.level) minute \(h + 1): width \(width)")
                guard h > 0, mean[h] > mean[h - 1] else { continue }
                let before = upper[h - 1] - lower[h - 1]
                #expect(width >= before - 1e-6 * max(abs(before), 1),
                        "\(label) cutoff \(forecast.cutoff) level \(band.level) minute \(h + 1): width \(width) after \(before)")
            }
        }
    }

    static func options(cutoff: Int, train: Int, horizon: Int, history: Series? = nil, levels: [Double] = [0.5, 0.8, 0.95]) -> ForecastOptions {
        var options = ForecastOptions(cutoff: cutoff, train: train, horizon: horizon, history: history)
        options.levels = levels
        return options
    }

    @Test func theBundledSaleHasABandJustAfterItsFirstBackTest() throws {
        // forecast.run(sale.revenue, {cutoff = 241, train = 241, horizon = 100, level = {0.5, 0.95}}):
        // one back-test origin reached one minute, and both bands had zero width at minute 100
        let sale = try ExampleSale.revenue()
        let forecast = try Forecaster.forecast(revenue: sale, options: Self.options(cutoff: 240, train: 241, horizon: 100, levels: [0.5, 0.95]))
        for band in forecast.bands {
            #expect(band.upper.values[99] - band.lower.values[99] > 0.05 * (forecast.mean.values[99] - forecast.observedTotal))
        }
        Self.expectWidens(forecast, "bundled")
    }

    @Test func bandsWidenAtTheEarliestOrigins() throws {
        // cutoffs 240-260 minutes into a sale (rows 239-259): 0 to 20 back-test origins, which
        // reach 1 to 20 minutes of the horizon
        let sales: [(String, Series, Series?, Int)] = [
            ("bundled", try ExampleSale.revenue(), nil, 100), ("simulated", BandPropertyTests.current, nil, 500),
            ("simulated with history", BandPropertyTests.current, BandPropertyTests.earlier, 500),
        ]
        for (label, sale, history, horizon) in sales {
            for cutoff in 239...259 {
                let options = Self.options(cutoff: cutoff, train: cutoff + 1, horizon: horizon, history: history)
                Self.expectWidens(try Forecaster.forecast(revenue: sale, options: options), label)
            }
        }
    }

    @Test func bandsWidenAtManyOrigins() throws {
        // origins across the simulated sale, training on everything seen or on 1000 minutes
        for history in [BandPropertyTests.earlier, nil] {
            for cutoff in stride(from: 260, through: 3700, by: 344) {
                for train in [cutoff + 1, min(cutoff + 1, 1000)] {
                    let options = Self.options(cutoff: cutoff, train: train, horizon: 500, history: history)
                    Self.expectWidens(try Forecaster.forecast(revenue: BandPropertyTests.current, options: options), "simulated")
                }
            }
        }
    }
}
