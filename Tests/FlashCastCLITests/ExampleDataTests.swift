import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// The bundled example sales: the commands in examples/README.md remake them byte for byte, and the
/// example script runs on them.
@Suite struct ExampleDataTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `flashcast simulate ...` commands of the README, continuation lines joined, as arguments.
    func documentedCommands() throws -> [[String]] {
        let readme = try String(contentsOf: repository.appendingPathComponent("examples/README.md"), encoding: .utf8)
        let joined = readme.replacingOccurrences(of: "\\\n", with: " ")
        return joined.split(separator: "\n").filter { $0.hasPrefix("flashcast simulate ") }
            .map { $0.split(separator: " ").dropFirst().map(String.init) }
    }

    @Test func theReadmeCommandsRemakeTheBundledSales() throws {
        let commands = try documentedCommands()
        #expect(commands.count == 3)
        let folder = TemporaryFolder("flashcast-examples")
        defer { folder.remove() }
        for command in commands {
            guard let flag = command.firstIndex(of: "-o"), flag + 1 < command.count else {
                Issue.record("no -o in \(command)")
                continue
            }
            let output = command[flag + 1]
            let target = folder.url.appendingPathComponent(URL(fileURLWithPath: output).lastPathComponent)
            var arguments = command
            arguments[flag + 1] = target.path
            #expect(try runFlashcast(arguments).status == 0)
            let bundled = try Data(contentsOf: repository.appendingPathComponent(output))
            #expect(try Data(contentsOf: target) == bundled, "\(output) differs from what its command makes")
            #expect(bundled.count < 2_500_000)
        }
    }

    @Test func theOrdersExampleRuns() throws {
        let result = try runFlashcast(["run", "examples/orders.lua"], in: repository)
        #expect(result.status == 0)
        #expect(result.output.contains("current  Series(4320 minutes from 2021-11-11 00:00, step 1m, sum 1.933M)"))
        #expect(result.output.contains("campaign hour 2021-11-12 09:00: 43582 (hour before 20883, after 28567)"))
    }

    @Test func theMarketsExampleRuns() throws {
        let result = try runFlashcast(["run", "examples/markets.lua"], in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("total 1296876.09 over 4320 minutes, 4 markets\n  BR    201028.35 (15.5%)"))
        #expect(result.output.contains("\n  DE  Forecast(flashcast at 2021-11-12T13:00, 500 minutes, end "))
    }

    @Test func theForecastExampleRuns() throws {
        let folder = TemporaryFolder("flashcast-forecast-example")
        defer { folder.remove() }
        let result = try runFlashcast(["run", "examples/forecast.lua", folder.path], in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Forecast(flashcast at 2021-11-12T08:00, 500 minutes, end "))
        #expect(result.output.contains("Backtest(flashcast, 19 pieces of 200 minutes, mean hre200 "))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["backtest.svg", "forecast.csv", "forecast.svg", "warning.svg"])
        let csv = try String(contentsOf: folder.url.appendingPathComponent("forecast.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("cutoff,minute,step,actual,forecast,lower,upper\n2021-11-12T08:00,2021-11-12T08:01,1,"))
    }

    @Test func theCustomModelExampleTrainsForecastsAndDraws() throws {
        let out = TemporaryFolder("flashcast-custom-model")
        defer { out.remove() }
        let result = try runFlashcast(["run", "examples/custom_model.lua", out.path], in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Sequential(Linear(16 -> 32), Tanh, Linear(32 -> 1)), 577 weights, best epoch "))
        #expect(result.output.contains("next 8 hours: forecast "))
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(charts == ["custom_forecast.svg", "custom_loss.svg"])
    }

    @Test func theTargetCheckGivesAVerdict() throws {
        let onCourse = try runFlashcast(["run", "examples/target_check.lua"], in: repository)
        #expect(onCourse.status == 0, "\(onCourse.error)")
        #expect(onCourse.output.hasPrefix("at 2021-11-12T12:00: 1030608 so far, 50% of the way through the sale\n"))
        #expect(onCourse.output.hasSuffix("verdict: on course for the target 1800000\n"))
        let short = try runFlashcast(["run", "examples/target_check.lua", "3000000"], in: repository)
        #expect(short.output.contains("verdict: the target 3000000 is out of reach without action"))
    }

    @Test func theScenarioExampleRecoversTheSimulatedCampaign() throws {
        let out = TemporaryFolder("flashcast-scenario")
        defer { out.remove() }
        let result = try runFlashcast(["run", "examples/scenario.lua", out.path], in: repository)
        #expect(result.status == 0, "\(result.error)")
        // The bundled sale's campaign: +200% at its peak, the extra halving every 45 minutes.
        let lines = result.output.split(separator: "\n")
        let lift = try #require(lines.first.flatMap { Int($0.dropFirst(6).prefix { $0 != "%" }) })
        #expect((150...250).contains(lift))
        let halfLife = try #require(lines.dropFirst().first.flatMap { Int($0.dropFirst(10).prefix { $0 != " " }) })
        #expect((30...60).contains(halfLife))
        #expect(result.output.contains("Event(e-mail 14:00 +"))
        // Both e-mails add revenue by the end of the sale; only the one sent at 14:00 does by 18:00.
        let gains = lines.filter { $0.hasPrefix("e-mail at ") }.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(gains.count == 2)
        #expect(gains.allSatisfy { $0.count > 5 && $0[4].hasPrefix("+") && $0[4] != "+0.00" })
        #expect(gains.first?[6] != "+0.00" && gains.last?[6] == "+0.00")
        #expect(FileManager.default.fileExists(atPath: out.file("scenarios.svg")))
    }

    @Test func theCompareModelsExampleMeasuresBothModelsOnTheSameMinutes() throws {
        let out = TemporaryFolder("flashcast-compare-models")
        defer { out.remove() }
        let result = try runFlashcast(["run", "examples/compare_models.lua", out.path], in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("model        hre@200     MAPE  end total\nflashcast "))
        #expect(result.output.contains("\npaper ") && result.output.contains("\ndrift "))
        #expect(result.output.contains("\nactual                           1196530\n"))
        #expect(result.output.contains("closer on the revenue gained: "))
        #expect(FileManager.default.fileExists(atPath: out.file("compare_models.svg")))
    }
}
