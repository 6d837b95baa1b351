import Forecasting
import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// scripts/train.lua and scripts/rolling.lua, the paper's two experiments, run as users run them
/// (small sizes and few epochs keep the debug build quick; the defaults are the paper's).
@Suite struct ExperimentScriptsTests {
    @TemporaryFolder("flashcast-experiments") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: repository)
    }

    /// The scripts' columns, as flashcast's tables: one per metric, headings right-aligned in 9 characters.
    static let headings = Metric.allCases.map { String(repeating: " ", count: max(0, 9 - $0.heading.count)) + $0.heading }.joined()
    static let keys = Metric.allCases.map(\.key).joined(separator: ",")

    func written(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path).sorted()
    }

    @Test(arguments: ["train", "rolling"]) func theExperimentsExplainTheirOptions(name: String) throws {
        let result = try run(["run", "scripts/\(name).lua", "--help"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Usage: flashcast run scripts/\(name).lua"))
        #expect(result.output.contains("--train") && result.output.contains("--horizon") && result.output.contains("--out"))
    }

    @Test func experimentOneTrainsThePapersNetworkAndDrawsItsLossAndForecast() throws {
        let out = folder.appendingPathComponent("train").path
        let result = try run(["run", "scripts/train.lua", "--train", "300", "--horizon", "100", "--epochs", "5", "--out", out])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Forecast(paper at "))
        #expect(result.output.contains("\nmodel           " + Self.headings + "\npaper "))
        #expect(try written("train") == ["train_forecast.csv", "train_forecast.svg", "train_loss.svg", "train_metrics.csv"])
        let metrics = try String(contentsOf: folder.appendingPathComponent("train/train_metrics.csv"), encoding: .utf8)
        #expect(metrics.hasPrefix("model," + Self.keys + "\npaper,"))
        #expect(metrics.contains("\ndrift,") && metrics.contains("\nprofile,"))
        let forecast = try String(contentsOf: folder.appendingPathComponent("train/train_forecast.csv"), encoding: .utf8)
        #expect(forecast.split(separator: "\n").count == 1 + 100)
    }

    @Test func experimentTwoRollsOverTheWholeSaleSandboxed() throws {
        let out = folder.appendingPathComponent("rolling").path
        let result = try run(["run", "--sandbox", "--timeout", "120", "--input", "examples/data", "--output", out,
                              "scripts/rolling.lua", "--model", "flashcast", "--out", out])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Backtest(flashcast, 19 pieces of 200 minutes, mean hre200 "))
        #expect(result.output.contains("\nmodel              pieces" + Self.headings + "\nflashcast              19 "))
        #expect(try written("rolling") == ["rolling.svg", "rolling_metrics.csv", "rolling_pieces.csv"])
        let metrics = try String(contentsOf: folder.appendingPathComponent("rolling/rolling_metrics.csv"), encoding: .utf8)
        #expect(metrics.hasPrefix("model,pieces," + Self.keys + "\nflashcast,19,"))
        let pieces = try String(contentsOf: folder.appendingPathComponent("rolling/rolling_pieces.csv"), encoding: .utf8)
        #expect(pieces.hasPrefix("cutoff,minute,step,actual,forecast,lower,upper\n"))
        #expect(pieces.split(separator: "\n").count == 1 + 19 * 200)
    }
}
