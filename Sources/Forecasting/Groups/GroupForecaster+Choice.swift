import SaleData

extension GroupForecaster {
    /// Forecasts and reconciles at earlier cutoffs (one horizon before the cutoff, two, ...) whose
    /// horizon is known, and measures every method against what happened.
    static func backtest(total: Series, groups: [GroupSeries], options: GroupForecastOptions, cutoff: Int)
        throws(ForecastError) -> ReconciliationChoice {
        let rows = options.forecast.horizon / max(total.step, 1)
        var origins: [Int] = []
        var scores: [Reconciliation: [Double]] = [:]
        var totalErrors: [Reconciliation: [Double]] = [:]
        var coverage: [Reconciliation: [Double]] = [:]
        var directErrors: [Double] = []
        for k in 1...max(options.origins, 1) {
            let origin = cutoff - k * rows
            guard origin >= 0 else { break }
            var originOptions = options.forecast
            originOptions.cutoff = origin
            let base: (direct: Forecast, groups: [Forecast])
            do throws(ForecastError) {
                base = try baseForecasts(total: total, groups: groups, options: originOptions)
            } catch {
                if error == .cancelled { throw error }
                break  // the training window no longer fits: earlier origins will not either
            }
            let actualGain = (base.direct.actual.values.last ?? 0) - base.direct.observedTotal
            guard base.direct.actual.count == rows, actualGain > 0 else { continue }
            origins.append(origin)
            directErrors.append(meanError(base.direct) / actualGain)
            for method in Reconciliation.allCases {
                let reconciled = reconcile(direct: base.direct, groups: base.groups, method: method)
                let total = meanError(reconciled.total)
                totalErrors[method, default: []].append(total / actualGain)
                scores[method, default: []].append(reconciled.groups.reduce(total) { $0 + meanError($1) } / actualGain)
                coverage[method, default: []].append(reconciled.total.metrics?[.coverage] ?? 0)
            }
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(values.count, 1)) }
        return ReconciliationChoice(
            origins: origins, scores: scores.mapValues(mean), totalErrors: totalErrors.mapValues(mean),
            directTotalError: directErrors.isEmpty ? nil : mean(directErrors), totalCoverage: coverage.mapValues(mean),
            note: origins.isEmpty ? "no earlier cutoff with a known horizon fits the training window: WLS by default"
                : "back-test over \(origins.count) \(origins.count == 1 ? "origin" : "origins")")
    }

    /// Mean absolute error of a forecast's cumulative revenue over its known rows.
    private static func meanError(_ forecast: Forecast) -> Double {
        let known = min(forecast.mean.count, forecast.actual.count)
        guard known > 0 else { return 0 }
        return (0..<known).reduce(0) { $0 + abs(forecast.mean.values[$1] - forecast.actual.values[$1]) } / Double(known)
    }
}

extension GroupForecast {
    /// One line on the method and why: `WLS (MinT, diagonal) by back-test over 3 origins: the total
    /// erred 2.1% of its gain (bottom-up 2.4%, forecast directly 2.6%)`.
    public var summary: String {
        guard let chosen = choice.totalErrors[reconciliation] else { return "\(reconciliation.label), \(choice.note)" }
        let others = Reconciliation.allCases.filter { $0 != reconciliation }.compactMap { method in
            choice.totalErrors[method].map { "\(method.label) \(percent($0))" }
        } + (choice.directTotalError.map { ["forecast directly \(percent($0))"] } ?? [])
        return "\(reconciliation.label) by \(choice.note): the total erred \(percent(chosen)) of its gain"
            + (others.isEmpty ? "" : " (\(others.joined(separator: ", ")))")
    }

    private func percent(_ share: Double) -> String { MetricFormat.share.text(share) }
}
