import ArgumentParser
import Forecasting
import SaleData
import SaleReports
import Scenarios

/// One `flashcast forecast`: the sale, the horizon (given, or to the sale's `--end`), the planned
/// events, the forecast and its outputs.
struct ForecastRun {
    let sale: SaleInput
    let forecast: Forecast
    /// Minutes of training data.
    let train: Int
    /// The planned events' names (`e-mail 14:00`), empty without any.
    let planned: [String]
    /// The planned events' first minutes and names, for charts.
    let markers: [(minute: Int, label: String)]
    /// Where the e-mail's effect comes from, when an e-mail is planned.
    let effectSource: String?
    /// The sale's last minute (epoch minute) from `--end`.
    let saleEnd: Int?

    init(_ command: ForecastCommand) throws {
        let modelOptions = command.modelOptions
        sale = try SaleInput.load(command.input, reading: command.reading)
        let revenue = sale.revenue
        let cutoff = try command.cutoff.index(in: revenue, file: sale.fileName)
        let step = try Self.rateStep(command.rateStep, in: revenue)
        let cutoffMinute = revenue.minute(at: cutoff), zone = revenue.zone
        saleEnd = try command.end.minute(after: cutoff, in: revenue)
        train = ModelOptions.minutes(command.train, default: 1000, in: revenue)
        let toEnd = saleEnd.map { SaleEndArgument.horizon(to: $0, cutoff: cutoff, in: revenue) }
        var options = ForecastOptions(cutoff: cutoff, train: train,
                                      horizon: ModelOptions.minutes(command.horizon ?? toEnd, default: 500, in: revenue),
                                      model: modelOptions.model, seed: modelOptions.seed)
        options.levels = modelOptions.level.values
        let earlier = try modelOptions.earlierSale(command.reading)?.revenue
        options.history = earlier
        if command.events.isEmpty {
            planned = []
            markers = []
            effectSource = nil
            forecast = try Forecaster.forecast(revenue: revenue, options: options)
        } else {
            let (campaign, source) = try command.events.campaign(observed: revenue.slice(0..<(cutoff + 1)), earlier: earlier)
            let named = command.events.events(campaign, after: cutoffMinute, zone: zone)
            planned = named.map(\.name)
            markers = named.map { ($0.event.firstMinute, $0.name) }
            effectSource = command.events.email.isEmpty ? nil : source
            forecast = try EventForecaster.forecast(revenue: revenue, events: named.map(\.event), options: options)
        }
        let forecast = forecast, train = train, markers = markers
        try modelOptions.write(ForecastTable(forecast), chart: {
            let title = "Forecast from \(forecast.mean.label(at: -1)) (\(forecast.model.rawValue))"
            return try ChartDrawing.forecast(forecast, revenue: revenue, train: train).render(title: title)
        }, extra: [(command.rateSvg, {
            let title = "Revenue per \(step) minutes from \(forecast.mean.label(at: -1)) (\(forecast.model.rawValue))"
            return try ChartDrawing.rate(forecast, revenue: revenue, train: train, step: step, events: markers).render(title: title)
        })])
    }

    /// `--rate-step`'s minutes (a usage error when the rows cannot be cut into them), or the default
    /// rounded up to whole rows.
    static func rateStep(_ given: Int?, in revenue: Series) throws -> Int {
        guard let given else { return ForecastOptions.wholeRows(RateSteps.defaultStep, step: revenue.step) }
        guard given % max(revenue.step, 1) == 0 else {
            throw ValidationError("--rate-step must be a multiple of the series' step (\(revenue.step) minutes), got \(given)")
        }
        return given
    }

    /// The warning for standard error when the forecast runs past the sale's end, or nil.
    var pastEndWarning: String? { SaleEndArgument.warning(saleEnd, mean: forecast.mean) }
}
