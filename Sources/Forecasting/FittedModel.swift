import SaleData

/// What every model sees: the revenue observed up to the cutoff and the request.
struct ForecastInput {
    /// Per-minute revenue, rows `0...cutoff` (nothing after the cutoff).
    let revenue: [Double]
    /// Training window length in rows, at most `revenue.count` (`options` holds the minutes asked).
    let train: Int
    /// Rows forecast after the cutoff.
    let horizon: Int
    /// Input window of the paper's network, in rows.
    let window: Int
    /// The earlier sale's per-minute revenue, aligned by row.
    let history: [Double]?
    /// Local minute of the day (0..<1440) of each row, observed and forecast.
    let minuteOfDay: [Int]
    /// Rows in a season.
    let season: Int
    /// The request.
    let options: ForecastOptions
    /// Minute (UTC, from the epoch) of the first forecast row.
    let firstForecastMinute: Int
    /// Minutes per row.
    let step: Int
    /// The shop's zone.
    let zone: ShopZone

    /// The cutoff row.
    var cutoff: Int { revenue.count - 1 }

    /// The local minute of the day of `row`: `minuteOfDay`'s, and past the forecast's rows (an
    /// earlier sale may run longer) on at the same step.
    func localMinute(row: Int) -> Int {
        guard row >= minuteOfDay.count else { return minuteOfDay[row] }
        return (minuteOfDay[minuteOfDay.count - 1] + (row - minuteOfDay.count + 1) * max(step, 1)) % 1440
    }

    /// Mean revenue per row over the `train` rows ending at `origin` (fewer near the start).
    func driftRate(at origin: Int) -> Double {
        let first = max(0, origin - train + 1)
        guard origin >= first else { return 0 }
        return revenue[first...origin].reduce(0, +) / Double(origin - first + 1)
    }
}

/// A model after training: it forecasts the revenue rate from any origin up to the cutoff, reading
/// only rows up to that origin (which is how the intervals are calibrated on earlier origins).
protocol FittedModel {
    /// The training losses (empty when nothing is trained).
    var loss: LossHistory { get }
    /// Fewest observed rows before an origin whose forecast is back-tested for the intervals.
    var minimumRows: Int { get }
    /// Expected revenue for rows `origin+1 ... origin+horizon`, from rows `0...origin` only.
    func rates(origin: Int, horizon: Int) -> [Double]
    /// Names the way the model forecasts from `origin` (for the default model, the shapes it can
    /// mix there): back-tests from origins forecast another way weigh less in the intervals.
    func method(origin: Int) -> String
    /// Rows of its reference the forecast from `origin` stands on (for the default model, the
    /// rows of its training window where a reference shape has a value): a back-test that stood on
    /// far fewer rows than the cutoff's forecast errs more than it will (see `IntervalCalibration`).
    func information(origin: Int) -> Int
}

extension FittedModel {
    /// One way at every origin.
    func method(origin: Int) -> String { "" }
    /// Every origin alike.
    func information(origin: Int) -> Int { 0 }
}
