import Cancellation
import SaleData

/// One group's per-minute revenue (over the total's minutes) and, optionally, its earlier sale.
public struct GroupSeries: Sendable {
    /// The group's name (`DE`).
    public var name: String
    /// Its revenue per row, on the total's rows (it may be labelled in its own zone).
    public var revenue: Series
    /// The group's earlier sale, for the models that use one.
    public var history: Series?

    /// A group's series.
    public init(name: String, revenue: Series, history: Series? = nil) {
        self.name = name
        self.revenue = revenue
        self.history = history
    }
}

/// How to forecast a total and its groups.
public struct GroupForecastOptions: Sendable {
    /// The options of every forecast (cutoff, train, horizon, model, levels...); `history` is the total's.
    public var forecast: ForecastOptions
    /// The reconciliation; nil chooses it by back-test.
    public var reconciliation: Reconciliation?
    /// Back-test origins for the choice: the cutoff one horizon earlier, two horizons earlier, ...
    public var origins = 3

    /// Options with the forecast's settings; the reconciliation is chosen by back-test.
    public init(forecast: ForecastOptions = ForecastOptions(), reconciliation: Reconciliation? = nil) {
        self.forecast = forecast
        self.reconciliation = reconciliation
    }
}

/// A group's forecast, reconciled with the total.
public struct NamedForecast: Sendable, Equatable {
    /// The group's name.
    public var name: String
    /// Its forecast after reconciliation.
    public var forecast: Forecast
}

/// Forecasts of a total and its groups that add up: the total's reconciled forecast is the sum of the
/// groups'. The total's own forecast is kept as `direct`, to compare.
public struct GroupForecast: Sendable {
    /// The total, reconciled (its mean is the sum of the groups' means).
    public var total: Forecast
    /// The total forecast directly, on its own series.
    public var direct: Forecast
    /// Each group, reconciled, in the order given.
    public var groups: [NamedForecast]
    /// The method used.
    public var reconciliation: Reconciliation
    /// How it was chosen, with the back-test's errors.
    public var choice: ReconciliationChoice
}

/// The back-test that chooses the reconciliation: each method's errors over earlier cutoffs.
public struct ReconciliationChoice: Sendable, Equatable {
    /// The back-test's cutoffs (0-based rows); empty when none fits before the forecast's cutoff.
    public var origins: [Int]
    /// Per method, the mean over origins of the summed mean absolute errors of cumulative revenue
    /// (the total and every group), as a share of the total's actual gain over the horizon.
    public var scores: [Reconciliation: Double]
    /// Per method, the total's mean absolute error as a share of its actual gain.
    public var totalErrors: [Reconciliation: Double]
    /// The same for the total forecast directly.
    public var directTotalError: Double?
    /// Per method, the share of back-test minutes inside the total's main band.
    public var totalCoverage: [Reconciliation: Double]
    /// How the method was picked: `given`, `back-test over 3 origins`, or why no back-test ran.
    public var note: String
}

/// Forecasts a total and its groups, and reconciles them.
public enum GroupForecaster {
    /// Forecasts the total and every group with the same options, then reconciles them with the
    /// given method or the one whose back-test over earlier cutoffs erred least. Bands: each
    /// group keeps its own calibrated band around its reconciled mean, and the total keeps the band
    /// calibrated on its own errors (which know how much the markets move together) around the sum:
    /// quantiles do not add, so the total's band is not the sum of the groups' bands.
    public static func forecast(total: Series, groups: [GroupSeries], options: GroupForecastOptions)
        throws(ForecastError) -> GroupForecast {
        guard !groups.isEmpty else { throw .invalidOption(name: "groups", message: "must hold at least one group") }
        for group in groups where group.revenue.start != total.start || group.revenue.step != total.step
            || group.revenue.count != total.count {
            throw .invalidOption(name: "groups", message: "must cover the total's rows: group '\(group.name)' has"
                + " \(group.revenue.count) rows of \(group.revenue.step) minutes from another start or step")
        }
        let base = try baseForecasts(total: total, groups: groups, options: options.forecast)
        let choice: ReconciliationChoice
        let method: Reconciliation
        if let given = options.reconciliation {
            method = given
            choice = ReconciliationChoice(origins: [], scores: [:], totalErrors: [:], directTotalError: nil,
                                          totalCoverage: [:], note: "given")
        } else {
            choice = try backtest(total: total, groups: groups, options: options, cutoff: base.direct.cutoff)
            method = choice.scores.min { $0.value < $1.value || ($0.value == $1.value && $0.key == .wls) }?.key ?? .wls
        }
        let reconciled = reconcile(direct: base.direct, groups: base.groups, method: method)
        return GroupForecast(total: reconciled.total, direct: base.direct,
                             groups: zip(groups, reconciled.groups).map { NamedForecast(name: $0.name, forecast: $1) },
                             reconciliation: method, choice: choice)
    }

    /// The total's and each group's own forecasts, on every core (`ParallelJobs`: the same results
    /// whatever the cores); an error names its group.
    static func baseForecasts(total: Series, groups: [GroupSeries], options: ForecastOptions)
        throws(ForecastError) -> (direct: Forecast, groups: [Forecast]) {
        let jobs = [GroupSeries(name: "", revenue: total, history: options.history)] + groups
        do {
            let forecasts = try ParallelJobs.map(jobs.count) { index in
                var jobOptions = options
                jobOptions.history = jobs[index].history
                do throws(ForecastError) {
                    return try Forecaster.forecast(revenue: jobs[index].revenue, options: jobOptions)
                } catch {
                    guard index > 0, error != .cancelled else { throw error }
                    throw ForecastError.group(name: jobs[index].name, error)
                }
            }
            return (forecasts[0], Array(forecasts.dropFirst()))
        } catch let error as ForecastError {
            throw error
        } catch {
            throw .cancelled  // a job not started because the caller asked to stop
        }
    }

    /// Shares the gap between the total's forecast and the groups' sum out by `method`: each group's
    /// mean moves by its share of the gap (its band with it), and the total is the groups' sum, with
    /// the band of its own forecast around it.
    static func reconcile(direct: Forecast, groups: [Forecast], method: Reconciliation)
        -> (total: Forecast, groups: [Forecast]) {
        let rows = direct.rows
        let gains = groups.map { forecast in forecast.mean.values.map { $0 - forecast.observedTotal } }
        let directGain = direct.mean.values.map { $0 - direct.observedTotal }
        let gap = (0..<rows).map { row in directGain[row] - gains.reduce(0) { $0 + $1[row] } }
        let shares = method.shares(totalVariance: endVariance(direct), groupVariances: groups.map(endVariance))
        var totalGain = [Double](repeating: 0, count: rows)
        var reconciled: [Forecast] = []
        for (index, forecast) in groups.enumerated() {
            let gain = (0..<rows).map { gains[index][$0] + shares[index] * gap[$0] }
            for row in 0..<rows { totalGain[row] += gain[row] }
            reconciled.append(moved(forecast, to: gain.map { forecast.observedTotal + $0 }))
        }
        let observed = groups.reduce(0) { $0 + $1.observedTotal }
        return (moved(direct, to: totalGain.map { observed + $0 }), reconciled)
    }

    /// The variance of a forecast's cumulative revenue at its last row, up to a common factor: the
    /// square of its main band's width there (the band is calibrated on the model's own errors).
    private static func endVariance(_ forecast: Forecast) -> Double {
        guard let last = forecast.mean.values.indices.last else { return 0 }
        let width = forecast.upper.values[last] - forecast.lower.values[last]
        return width.isFinite ? width * width : 0
    }

    /// The forecast with a new cumulative mean: rates from it, every band moved with it (keeping its
    /// distances from the mean), metrics measured again against the actuals.
    static func moved(_ forecast: Forecast, to mean: [Double]) -> Forecast {
        var result = forecast
        let shift = zip(mean, forecast.mean.values).map { $0 - $1 }
        func shifted(_ series: Series) -> Series {
            var moved = series
            moved.values = zip(series.values, shift).map { $0 + $1 }
            return moved
        }
        result.mean = shifted(forecast.mean)
        result.lower = shifted(forecast.lower)
        result.upper = shifted(forecast.upper)
        result.bands = forecast.bands.map { ForecastBand(level: $0.level, lower: shifted($0.lower), upper: shifted($0.upper)) }
        result.burstFreeBands = forecast.burstFreeBands.map { ForecastBand(level: $0.level, lower: shifted($0.lower), upper: shifted($0.upper)) }
        var previous = forecast.observedTotal
        result.rate.values = mean.map { value in defer { previous = value }; return value - previous }
        let main = result.bands.firstIndex { abs($0.level - forecast.level) < 1e-9 } ?? 0
        let drift = forecast.baselines.first { $0.model == .drift }?.mean.values ?? []
        if drift.count >= forecast.actual.count {
            result.metrics = ForecastMetrics.measure(
                forecast: mean, bands: result.bands.map { ($0.level, $0.lower.values, $0.upper.values) }, main: main,
                actual: forecast.actual.values, drift: drift, observedTotal: forecast.observedTotal, step: forecast.mean.step)
        }
        return result
    }
}
