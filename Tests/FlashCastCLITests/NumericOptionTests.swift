import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// Extreme numbers on the command line end with a usage error, never by a signal (issue 16).
@Suite struct NumericOptionTests {
    @TemporaryFolder("flashcast-numbers") var folder

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: folder)
    }

    @Test func hugeHorizonsTrainsAndStepsAreUsageErrors() throws {
        #expect(try run(["simulate", "--minutes", "1500", "--orders", "5000", "-o", "orders.csv"]).status == 0)
        let horizon = try run(["forecast", "orders.csv", "--cutoff", "1200", "--horizon", "1000000000000000", "-o", "f.csv"])
        #expect(horizon.status == 2)
        #expect(horizon.error.hasPrefix("Error: --horizon must be at most 1051200, got 1000000000000000\n"))
        let backtest = try run(["backtest", "orders.csv", "--train", "100", "--horizon", "9223372036854775807", "-o", "b.csv"])
        #expect(backtest.status == 2)
        #expect(backtest.error.hasPrefix("Error: --horizon must be at most 1051200, got 9223372036854775807\n"))
        let train = try run(["backtest", "orders.csv", "--train", "9223372036854775807", "--step", "9223372036854775807",
                             "-o", "b.csv"])
        #expect(train.status == 2, "\(train.error)")
    }

    @Test(arguments: ["1e308", "nan", "0", "inf"])
    func timeoutsOutOfRangeAreUsageErrors(timeout: String) throws {
        try "print(1)".write(to: folder.appendingPathComponent("one.lua"), atomically: true, encoding: .utf8)
        let result = try run(["run", "--timeout", timeout, "one.lua"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: --timeout must be a positive number of seconds, at most 1e9\n"))
    }
}
