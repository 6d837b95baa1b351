import Forecasting
import LuaBridge
import SaleData
import Scenarios

/// The `forecast` library: forecasts of a sale's cumulative revenue, rolling back-tests, early warning.
enum ForecastLibrary {
    static let run = LuaLibraryFunction(
        "run", "forecast.run(revenue [, options]) -> Forecast",
        """
        Forecasts cumulative revenue after a cutoff from per-minute revenue (a Series such as \
        sale.revenue, or a list of numbers), with an 80% interval, the baselines \
        (\(ForecastModel.baselineList(needing: "history="))) and, where the series goes on past the cutoff, metrics against the \
        actuals. Options (defaults): cutoff=#revenue (index counted from 1, or a time such as \
        '2021-11-12T09:00'), train=1000, horizon=500, model=\(ForecastModel.allCases.map { "'\($0)'" }.joined(separator: "|")) (forecast.models()), history=an earlier sale's per-minute revenue (aligned by minutes since the start), \
        seed=1, level=0.8 or a list such as {0.5, 0.8, 0.95} (one nested band each; the first is fc.lower/fc.upper), epochs=(the model's own), window=60, hidden=64, dropout=0.2 (the paper's network), \
        season=1440, events={per-minute multipliers of the forecast after the cutoff} or a list of Events \
        (scenario.email{...}, scenario.discount{...}): those after the cutoff multiply the forecast, those \
        sent by it are divided out of the revenue the model learns from and their tails carried on. \
        train, horizon, window and season are minutes whatever the series' step: on 5-minute rows \
        horizon=500 forecasts 100 rows and must be a multiple of 5 (the defaults are rounded up to whole \
        rows), and metrics.hre60 compares 60 minutes (12 rows) ahead. \
        On a grouped read (orders.read{by=...}) it forecasts the total and every group and reconciles \
        them so that the groups add up to the total: {total (reconciled Forecast), direct (the total's \
        own), groups (Forecasts in order and by name), reconciliation, choice, summary}; \
        reconciliation='bottom_up'|'wls' (default: the one whose back-test over origins=3 earlier \
        cutoffs erred least), history=an earlier grouped read (each group gets its own) or Series.
        """, returnsWhenFirstArgumentHas: ["groups": ForecastShapes.groupForecast.name]
    ) { call in
        if GroupForecastRun.isGrouped(call, at: 1) { return try GroupForecastRun.run(call) }
        let revenue = try call.series(at: 1)
        let table = try LuaOptions(call, at: 2)
        try table.allow(ForecastRunOptions.runKeys)
        var options = try ForecastRunOptions.read(table, call, revenue: revenue)
        options.burstFreeBands = true  // for forecast.whatif on it
        let events = try ForecastRunOptions.plannedEvents(table, call, revenue: revenue, options: options)
        try call.reserveMemory(WorkMemory.forecast(options, revenue: revenue), for: "forecast.run of \(options.horizon) minutes")
        let forecast = try ForecastLuaErrors.run(call, options: table) { () throws(ForecastError) in
            guard let events else { return try Forecaster.forecast(revenue: revenue, options: options) }
            return try EventForecaster.forecast(revenue: revenue, events: events, options: options)
        }
        call.push(ForecastObject(forecast, revenue: revenue, train: options.train))
        return 1
    }

    static let backtest = LuaLibraryFunction(
        "backtest", "forecast.backtest(revenue [, options]) -> Backtest",
        """
        The rolling evaluation: train on `train` minutes, forecast `horizon` minutes, move on by `step` \
        minutes (each a multiple of the series' step), over the whole series while the horizon is known; every piece and the mean metrics beside the baselines'. \
        Options: train=500, horizon=200, step=200, and model, history, seed, level... as forecast.run (not events: each piece has its own cutoff). \
        On a grouped read (orders.read{by=...}) every piece is forecast.run's grouped forecast at its cutoff: \
        {total (Backtest of the reconciled total), direct (of the total's own), groups (Backtests in order and by \
        name), reconciliations (the method of each piece), summary}; reconciliation= and origins= as forecast.run.
        """, returnsWhenFirstArgumentHas: ["groups": ForecastShapes.groupBacktest.name]
    ) { call in
        if GroupForecastRun.isGrouped(call, at: 1) { return try GroupForecastRun.backtest(call) }
        let revenue = try call.series(at: 1)
        let table = try LuaOptions(call, at: 2)
        try table.allow(ForecastRunOptions.backtestKeys)
        let options = try ForecastRunOptions.read(table, call, revenue: revenue, train: 500, horizon: 200)
        let step = try table.integer("step", default: ForecastOptions.wholeRows(200, step: revenue.step))
        try call.reserveMemory(WorkMemory.backtest(options, revenue: revenue, step: step),
                               for: "forecast.backtest of \(options.horizon) minutes every \(step)")
        let result = try ForecastLuaErrors.run(call, options: table) { () throws(ForecastError) in
            try Backtester.backtest(revenue: revenue, train: options.train, horizon: options.horizon, step: step,
                                    options: options)
        }
        call.push(BacktestObject(result, revenue: revenue, train: options.train, step: step))
        return 1
    }

    static let warning = LuaLibraryFunction(
        "warning", "forecast.warning(revenue, fc [, options]) -> verdict",
        """
        Early warning from live per-minute revenue (same start as the forecast's series) against a \
        Forecast made earlier: alert=true when cumulative revenue ran below the lower band for k minutes \
        or the expected end total fell below target (k rounded up to whole rows of the series); kind ('below_band'|'below_target'), index, time, \
        gap (money short), shortfall (share), message, and every warning in warnings; for its chart, actual (cumulative, \
        from the forecast's cutoff to the last minute known), expected, lower, upper, alerts (indices of actual below \
        the band), alert_at (where the below-band alert fired), ends (the end total expected at each minute) and \
        target. Options: k=15, target=money. chart.warning(verdict) draws it. \
        On a grouped read with the grouped forecast made from it (forecast.run on orders.read{by=...}): \
        {alert, message, summary, behind (the names of the groups behind their forecast, most behind first), \
        total (a verdict), groups (a verdict per group, by name and in sequence: the warned groups first, \
        then the most behind by the share of their expected gain missing)}; each verdict also has name, now, \
        actual_now, expected_now, behind (money short of the forecast now) and behind_share. \
        targets={DE=money, ...} gives the groups' targets.
        """, returns: "Verdict"
    ) { call in
        if GroupForecastRun.isGrouped(call, at: 1) { return try GroupForecastWarning.check(call) }
        return try ForecastWarning.check(call)
    }

    static let models = LuaLibraryFunction(
        "models", "forecast.models() -> {name, ...}",
        "The names model= takes, the default first: "
            + ForecastModel.allCases.map { "'\($0)' (\($0.summary)\($0.needsHistory ? "; needs history" : ""))" }
            .joined(separator: ", ") + "."
    ) { call in
        call.pushTable(arrayCapacity: ForecastModel.allCases.count) { table in
            for (index, model) in ForecastModel.allCases.enumerated() { table.set(index + 1) { $0.push(model.rawValue) } }
        }
        return 1
    }

    static let library = LuaLibrary(
        name: "forecast", summary: "Forecasts of cumulative revenue with intervals, rolling back-tests, early warning.",
        functions: [run, backtest, warning, models, ScenarioWhatIf.forecastWhatIf, ForecastMetricList.metrics,
                     ForecastMetricList.metricText, ForecastMetricList.metricTable],
        classes: [ForecastClass.luaClass, BacktestClass.luaClass], shapes: ForecastShapes.all)
}
