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

    /// Found by feeding every numeric option extreme values: these were taken as given (a 309-digit
    /// target, a campaign rising for 1e308 minutes, a memory cap of 0 bytes shown as "0 MiB").
    @Test(arguments: [
        (["whatif", "orders.csv", "--cutoff", "1200", "--email", "22:00", "--target", "1e308", "-o", "w.csv"], "--target must be below 1e15"),
        (["whatif", "orders.csv", "--cutoff", "1200", "--email", "22:00", "--target=-1", "-o", "w.csv"], "--target must be a positive amount"),
        (["forecast", "orders.csv", "--cutoff", "1200", "--email", "22:00", "--rise", "1e308", "-o", "f.csv"], "--rise must be at most 10080 minutes (a week)"),
        (["whatif", "orders.csv", "--cutoff", "1200", "--email", "22:00", "--rise", "99999999999999999999", "-o", "w.csv"],
         "--rise must be at most 10080 minutes (a week)"),
        (["run", "--memory", "1e-300", "one.lua"], "The value '1e-300' is invalid for '--memory <size>'"),
    ])
    func extremeValuesAreUsageErrors(arguments: [String], message: String) throws {
        #expect(try run(["simulate", "--minutes", "1500", "--orders", "5000", "-o", "orders.csv"]).status == 0)
        try "print(1)".write(to: folder.appendingPathComponent("one.lua"), atomically: true, encoding: .utf8)
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: " + message), "\(result.error)")
    }
}
