import Cancellation
import Forecasting
import Glibc
import SaleData

/// Estimates of the memory a library function allocates while it works, from the sizes it was given,
/// so that `call.reserveMemory` refuses work that would not fit under the script's memory cap before
/// it starts (what the function returns is then counted by its objects' footprints).
///
/// Each estimate is an upper bound, with a margin, of the growth of peak resident memory (VmHWM)
/// measured around the call on a release build for a few sizes; they are computed in floating
/// point, so no product of user-given sizes overflows.
enum WorkMemory {
    /// `orders.simulate` aggregating its orders: per minute a bucket with its customer set and the
    /// result's columns; per order a customer hash; the busiest minute's order times. Writing a CSV
    /// (`aggregated: false`) keeps only the busiest minute and the write buffer.
    static func simulation(_ sale: SaleSimulation, aggregated: Bool) -> Double {
        let busiest = sale.expectedRates().max() ?? 0
        let times = (busiest * 1.2 + 100) * 8
        guard aggregated else { return times + Double(1 << 20) }
        let orders = sale.expectedOrders * 1.05 + 100
        return Double(sale.minutes) * 240 + orders * 24 + times
    }
}

extension WorkMemory {
    /// `orders.simulate{markets=...}`: every market's orders held and merged in time order (the
    /// markets' arrays, the merged one and its sort), and a per-minute aggregation per market and
    /// for the total.
    static func markets(_ simulation: MarketSimulation) -> Double {
        let sale = simulation.sale
        return (sale.expectedOrders * 1.05 + 100) * 160 + Double(simulation.markets.count + 1) * Double(sale.minutes) * 240
    }

    /// `forecast.run` on `revenue` with `options`: the models' inputs over the observed rows, the
    /// default model's features over the training rows or the paper network's training, the interval
    /// calibration's back-test residuals (up to 60 origins, each over the horizon it can reach), and
    /// the forecast's series over the horizon (mean, rate, bands, actuals, baselines).
    static func forecast(_ options: ForecastOptions, revenue: Series) -> Double {
        let step = Double(max(revenue.step, 1))
        let rows = Double((options.cutoff ?? revenue.count - 1) + 1)
        let horizon = Double(options.horizon) / step, train = Double(options.train) / step
        var bytes = rows * 32 + (rows + horizon) * 8 + Double(options.history?.count ?? 0) * 16
        bytes += horizon * forecastBytesPerRow(options)
        bytes += calibrationResiduals(cutoff: rows - 1, horizon: horizon) * 128 * bandSets(options)
        switch options.model {
        case .flashcast: bytes += train * 48
        case .paper: bytes += paperTraining(train: train, window: Double(options.window) / step, hidden: Double(options.hidden))
        default: break  // the baselines keep a value or two a row
        }
        return bytes
    }

    /// `forecast.backtest`: every piece's forecast, kept, and the work of the latest piece on each
    /// core at once (the pieces are forecast in parallel).
    static func backtest(_ options: ForecastOptions, revenue: Series, step: Int) -> Double {
        let rowStep = Double(max(revenue.step, 1))
        let horizon = Double(options.horizon) / rowStep, train = Double(options.train) / rowStep
        let room = Double(revenue.count) - horizon - train
        guard room >= 0, step > 0 else { return 0 }
        let pieces = (room / (Double(step) / rowStep)).rounded(.down) + 1
        var latest = options
        latest.cutoff = revenue.count - 1 - Int(horizon)
        let workers = min(Double(ParallelJobs.cores), pieces)
        return pieces * (horizon * forecastBytesPerRow(options) + 1024) + workers * forecast(latest, revenue: revenue)
    }

    /// A forecast's series: mean, rate, lower, upper, actual, two a band and the three baselines' means.
    private static func forecastBytesPerRow(_ options: ForecastOptions) -> Double {
        (8 + 2 * Double(Set(options.levels).count) * bandSets(options)) * 8
    }

    /// Sets of bands a forecast calibrates: 2 with `burstFreeBands` (each from its own residuals).
    private static func bandSets(_ options: ForecastOptions) -> Double {
        options.burstFreeBands ? 2 : 1
    }

    /// How many residuals the interval calibration collects: origins spread evenly before the
    /// cutoff, each reaching the horizon or the cutoff, whichever comes first.
    private static func calibrationResiduals(cutoff: Double, horizon: Double) -> Double {
        guard cutoff > 0 else { return 0 }
        let origins = min(cutoff, 60)
        return (1...Int(origins)).reduce(0.0) { total, j in total + min(horizon, (Double(j) * cutoff / origins).rounded(.down)) }
    }

    /// The paper network's training: the windows (and the trainer's scaled, shuffled copies), the
    /// weights with their gradients, the optimizer's moments and the best epoch's copy, a batch's activations.
    private static func paperTraining(train: Double, window: Double, hidden: Double) -> Double {
        let windows = max(train - window, 0) * (window + 1) * 3
        let weights = (window * hidden + 2 * hidden + 1) * 6
        let batch = 32 * (window + 3 * hidden) * 2
        return (windows + weights + batch) * 8
    }
}

extension WorkMemory {
    /// `scenario.whatif`: every scenario's forecast (rate, mean, lower, upper) and its multipliers,
    /// over the baseline's rows, and the baseline's own.
    static func whatIf(scenarios: Int, rows: Int) -> Double {
        Double(scenarios + 1) * Double(rows) * 48
    }

    /// A CSV text of `rows` rows of `columns` numbers built in memory before it is written (the
    /// text, its growth, and the rows' cells on the way).
    static func csv(rows: Double, columns: Int) -> Double {
        rows * Double(64 + 32 * columns)
    }

    /// A chart's SVG text and its thinned lines, for `points` points drawn.
    static func chart(points: Double) -> Double {
        points * 48
    }

    /// `series.load_csv` of the file at `path`: its bytes, their text, and the values parsed from
    /// rows as short as `0,1` (measured: about four times the file; 0 when it cannot be read).
    static func seriesFile(_ path: String) -> Double {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Double(info.st_size) * 8
    }
}
