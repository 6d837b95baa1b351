import Foundation
import Testing
import SaleData
@testable import Forecasting

/// The registered models: their names, what they need, and that each forecasts through the registry.
@Suite struct ModelRegistryTests {
    @Test func theRegistryListsTheModelsByTheirNamesInOrder() {
        #expect(ForecastModel.allCases.map(\.rawValue) == ["flashcast", "paper", "drift", "seasonal_naive", "profile"])
        #expect(ForecastModel.registered.map { $0.name } == ForecastModel.allCases.map(\.rawValue))
        #expect(Set(ForecastModel.allCases).count == ForecastModel.allCases.count)
        #expect(ForecastModel.allCases.allSatisfy { !$0.summary.isEmpty && !$0.summary.hasSuffix(".") })
        #expect(ForecastModel.baselines.allSatisfy(ForecastModel.allCases.contains))
    }

    @Test func namesReadBackAndUnknownOnesAreRefused() throws {
        for model in ForecastModel.allCases {
            #expect(ForecastModel(rawValue: model.rawValue) == model)
            #expect("\(model)" == model.rawValue)
            let encoded = try JSONEncoder().encode([model])
            #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(model.rawValue)\"]")
            #expect(try JSONDecoder().decode([ForecastModel].self, from: encoded) == [model])
        }
        #expect(ForecastModel(rawValue: "arima") == nil)
        #expect(ForecastModel(rawValue: "seasonalNaive") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ForecastModel].self, from: Data("[\"arima\"]".utf8)) }
    }

    @Test(arguments: [
        (ForecastModel.flashcast, false, 60, 1, 12),
        (.paper, false, 70, 70, 70),
        (.drift, false, 1, 1, 1),
        (.seasonalNaive, false, 1, 1, 1),
        (.profile, true, 1, 1, 1),
    ])
    func eachModelSaysWhatItNeeds(_ model: ForecastModel, history: Bool, perMinute: Int, hourly: Int, fiveMinute: Int) {
        #expect(model.needsHistory == history)
        #expect(model.method.minimumTraining(window: 60, step: 1) == perMinute)
        #expect(model.method.minimumTraining(window: 60, step: 60) == hourly)
        #expect(model.method.minimumTraining(window: 60, step: 5) == fiveMinute)
        #expect(model.method.readsWindow == (model == .paper))
    }

    @Test func everyRegisteredModelForecastsUnderItsName() throws {
        let revenue = SimulatedSales.revenue(seed: 3)
        let history = SimulatedSales.revenue(seed: 4)
        for model in ForecastModel.allCases {
            var options = ForecastOptions(cutoff: 1499, train: 1000, horizon: 100, model: model, history: history)
            options.epochs = 2
            let forecast = try Forecaster.forecast(revenue: revenue, options: options)
            #expect(forecast.model == model)
            #expect(forecast.mean.count == 100 && forecast.mean.values.allSatisfy(\.isFinite), "\(model)")
        }
    }
}
