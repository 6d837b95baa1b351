import Cancellation
import SaleData

/// A rolling back-test of a total and its groups: at each cutoff, what `GroupForecaster` gives.
public struct GroupBacktest: Sendable {
    /// The total, reconciled: at every cutoff the sum of the groups' pieces.
    public var total: Backtest
    /// The total forecast directly, to compare.
    public var direct: Backtest
    /// Each group's reconciled pieces, in the order given.
    public var groups: [(name: String, backtest: Backtest)]
    /// The reconciliation used at each cutoff (given, or chosen there by its own back-test).
    public var reconciliations: [Reconciliation]

    /// `bottom-up at 3 of 5 cutoffs, WLS (MinT, diagonal) at 2`: how the pieces were reconciled.
    public var summary: String {
        let counts = Reconciliation.allCases.map { method in (method, reconciliations.filter { $0 == method }.count) }
            .filter { $0.1 > 0 }
        return counts.enumerated().map { offset, entry in
            "\(entry.0.label) at \(entry.1)" + (offset == 0 ? " of \(reconciliations.count) cutoffs" : "")
        }.joined(separator: ", ")
    }
}

/// Back-tests a total and its groups as `Backtester` does one series.
public enum GroupBacktester {
    /// Forecasts and reconciles the total and its groups from cutoffs `train-1, train-1+step, ...`
    /// (as `Backtester.backtest`) while the horizon is known; each cutoff reconciles with the given
    /// method, or chooses it by back-test over earlier origins as `GroupForecaster.forecast` does.
    /// The pieces' groups are forecast on every core.
    public static func backtest(total: Series, groups: [GroupSeries], train: Int = 500, horizon: Int = 200, step: Int = 200,
                                options: GroupForecastOptions) throws(ForecastError) -> GroupBacktest {
        let (cutoffs, pieceOptions) = try Backtester.plan(revenue: total, train: train, horizon: horizon, step: step,
                                                         options: options.forecast)
        var pieces: [GroupForecast] = []
        for cutoff in cutoffs {
            guard !CancellationCheck.isRequested else { throw .cancelled }
            var cutoffOptions = options
            cutoffOptions.forecast = pieceOptions
            cutoffOptions.forecast.cutoff = cutoff
            pieces.append(try GroupForecaster.forecast(total: total, groups: groups, options: cutoffOptions))
        }
        let model = options.forecast.model
        return GroupBacktest(
            total: Backtest(pieces: pieces.map(\.total), model: model),
            direct: Backtest(pieces: pieces.map(\.direct), model: model),
            groups: groups.indices.map { index in
                (groups[index].name, Backtest(pieces: pieces.map { $0.groups[index].forecast }, model: model))
            },
            reconciliations: pieces.map(\.reconciliation))
    }
}
