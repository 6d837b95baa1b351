/// One forecasting model: its name, its line in help texts, what it needs and how it trains.
///
/// A new model is one type conforming to this (it is also the fitted model) plus its line in
/// `ForecastModel.registered`; the CLI's `--model` values, the Lua help and the error messages
/// list the registered models.
protocol ForecastMethod: FittedModel, SendableMetatype {
    /// The name users pass (`--model`, `model=`) and results carry: lowercase, `_` between words.
    static var name: String { get }
    /// What the model does, in one line of a help text.
    static var summary: String { get }
    /// Whether the model needs an earlier sale (`ForecastOptions.history`); default false.
    static var needsHistory: Bool { get }
    /// Whether every forecast reports the model beside its own (`Forecast.baselines`); default false.
    static var isBaseline: Bool { get }
    /// Whether the model reads `ForecastOptions.window`, which must then be whole rows; default false.
    static var readsWindow: Bool { get }
    /// Fewest training rows the model accepts, given the window in rows and the minutes per row;
    /// default 1.
    static func minimumTraining(window: Int, step: Int) -> Int
    /// Trains (where needed) the model on `input`.
    init(input: ForecastInput) throws(ForecastError)
}

extension ForecastMethod {
    static var needsHistory: Bool { false }
    static var isBaseline: Bool { false }
    static var readsWindow: Bool { false }
    static func minimumTraining(window: Int, step: Int) -> Int { 1 }
}
