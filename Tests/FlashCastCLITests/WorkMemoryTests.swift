import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `--memory` refuses the work a library function would do past the cap before it starts: what it
/// would allocate is estimated from the sizes it was given, so the process stays small.
@Suite struct WorkMemoryTests {
    @TemporaryFolder("flashcast-work-memory") var folder

    /// What a sandboxed run of a script printed, and its peak resident memory in MiB.
    struct Run {
        let status: Int32
        let output: String
        let error: String
        let peakMiB: Int
    }

    /// Runs `setup`, then prints `pcall(call)` and the process's peak resident memory, as
    /// `flashcast run --sandbox --memory 64M --timeout 120`. The child's address space is limited
    /// (`ulimit -v`), so that a regression fails the test instead of exhausting the machine.
    func sandboxed(_ setup: String, _ call: String, memory: String = "64M", caught: Bool = true) throws -> Run {
        let peak = """
            for line in io.lines('/proc/self/status') do
              local kb = line:match('^VmHWM:%s*(%d+)')
              if kb then print('peak', tonumber(kb) // 1024) end
            end
            """
        let body = caught ? "print(pcall(function() return \(call) end))" : call
        try "\(setup)\n\(body)\n\(peak)".write(to: folder.appendingPathComponent("work.lua"), atomically: true, encoding: .utf8)
        let arguments = ["run", "--sandbox", "--memory", memory, "--timeout", "120", "--input", "/proc/self/status",
                         "--summary", "out/summary.json", "work.lua"]
        let result = try runCommand(
            URL(fileURLWithPath: "/bin/sh"), ["-c", #"ulimit -v 4194304 && exec "$0" "$@""#, flashcastExecutable().path] + arguments,
            in: folder)
        let peakLine = result.output.split(separator: "\n").last { $0.hasPrefix("peak\t") }
        return Run(status: result.status, output: result.output, error: result.error,
                   peakMiB: peakLine.flatMap { Int($0.dropFirst(5)) } ?? .max)
    }

    /// Asserts that `call` was refused with `not enough memory for <what> (...)`, the script went on
    /// and the process stayed well under the cap plus the program itself.
    func expectRefused(_ setup: String = "", _ call: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try sandboxed(setup, call)
        #expect(run.status == 0, "\(run.error)", sourceLocation: sourceLocation)
        let first = run.output.prefix { $0 != "\n" }
        #expect(first.hasPrefix("false\twork.lua:") && first.contains(": not enough memory for \(what) ("), "\(run.output)",
                sourceLocation: sourceLocation)
        #expect(run.peakMiB < 160, "peak resident \(run.peakMiB) MiB", sourceLocation: sourceLocation)
    }

    @Test func simulationsThatWouldNotFitAreRefusedBeforeTheyStart() throws {
        try expectRefused("", "orders.simulate{minutes=527040, orders=1e9}", "orders.simulate of 1000000000 orders over 527040 minutes")
        try expectRefused("", "orders.simulate{minutes=1, orders=1e9}", "orders.simulate of 1000000000 orders over 1 minutes")
        try expectRefused("", "orders.simulate{minutes=1, orders=1e9, path='out/o.csv'}", "orders.simulate of 1000000000 orders over 1 minutes")
        try expectRefused("", "orders.simulate{minutes=527040, orders=1e6}", "orders.simulate of 1000000 orders over 527040 minutes")
        let fits = try sandboxed("", "orders.simulate{minutes=1440, orders=20000}.total > 0")
        #expect(fits.output.hasPrefix("true\ttrue\n"), "\(fits.output)")
    }

    /// A small sale's per-minute revenue, `rev`.
    static let sale = "local rev = orders.simulate{minutes=2000, orders=10000}.revenue"

    @Test func forecastsAndBacktestsThatWouldNotFitAreRefusedBeforeTheyStart() throws {
        let long = "local t = {} for i = 1, 200000 do t[i] = i % 7 end t.start = 0 local rev = series.new(t) t = nil"
        try expectRefused(long, "forecast.run(rev, {model='drift', horizon=1000000})", "forecast.run of 1000000 minutes")
        try expectRefused(long, "forecast.run(rev, {horizon=100000, train=100000})", "forecast.run of 100000 minutes")
        try expectRefused(long, "forecast.run(rev, {model='paper', train=100000, window=10080, hidden=4096, epochs=1})",
                          "forecast.run of 500 minutes")
        try expectRefused(Self.sale, "forecast.backtest(rev, {model='drift', train=100, horizon=1000, step=1})",
                          "forecast.backtest of 1000 minutes every 1")
        let fits = try sandboxed(Self.sale, "#forecast.backtest(rev, {model='drift'})")
        #expect(fits.output.hasPrefix("true\t7\n"), "\(fits.output)")
    }

    @Test func whatIfsAndCSVTextsThatWouldNotFitAreRefusedBeforeTheyStart() throws {
        let setup = Self.sale + "\n" + """
            local fc = forecast.run(rev, {model='drift', horizon=200000, train=1000})
            local many = {} for i = 1, 2000 do many[i] = scenario.email{at='12:00'} end
            """
        try expectRefused(setup, "scenario.whatif(fc, many)", "scenario.whatif of 2000 scenarios")
        try expectRefused(setup, "scenario.whatif(fc, {many[1], many[2]}):save_csv('out/w.csv')", "save_csv of 600000 rows")
        try expectRefused(setup, "fc:save_csv('out/f.csv')", "save_csv of 200000 rows")
        let big = "local t = {} for i = 1, 1500000 do t[i] = i end t.start = 0 local s = series.new(t) t = nil collectgarbage()"
        try expectRefused(big, "s:save_csv('out/s.csv')", "save_csv of 1500000 rows")
        let fits = try sandboxed(Self.sale, "scenario.whatif(forecast.run(rev), {scenario.email{at='12:00'}}):save_csv('out/w.csv')")
        #expect(fits.output.hasPrefix("true\ttrue\n"), "\(fits.output)")
    }

    @Test func chartsThatWouldNotFitAreRefusedBeforeTheyDraw() throws {
        let setup = "local v = {} for i = 1, 1000 do v[i] = i end v.start = 0 local s = series.new(v) local t = {} for i = 1, 5000 do t[i] = s end"
        try expectRefused(setup, "chart.lines(t, {width = 20000, legend = 'none'})", "a chart of 5005000 points")
        let far = try sandboxed("", "chart.forecast{actual = series.new{1, 2, 3, start = 0}, mean = series.new{4, 5, 6, start = 6e9}}")
        #expect(far.output.hasPrefix("false\t"), "\(far.output)")
        #expect(far.output.contains("(series 'forecast' ends more than 1000006 steps after the chart's start "), "\(far.output)")
        #expect(far.peakMiB < 160, "peak resident \(far.peakMiB) MiB")
        let fits = try sandboxed("local s = orders.simulate{minutes = 2000, orders = 10000}.revenue", "chart.lines{s, s:cumsum()}:save('out/c.svg')")
        #expect(fits.output.hasPrefix("true\ttrue\n"), "\(fits.output)")
    }

    /// A file read block by block cannot say up front what its minutes and customers will take: the
    /// read checks the process's growth after each block and stops past the room under the cap.
    @Test func aReadGrowingPastTheCapStopsMidway() throws {
        let setup = """
            local f = io.open('out/orders.csv', 'w')
            f:write('order_id,order_time,customer,amount\\n')
            for i = 1, 1000000 do f:write(i, ',', i * 60, ',c', i, ',1\\n') end  -- epoch seconds: os.date took most of --timeout under load
            f:close()
            """
        let run = try sandboxed(setup, "orders.read('out/orders.csv')")
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.hasPrefix("false\twork.lua:"), "\(run.output)")
        #expect(run.output.contains(": not enough memory for orders.read of '"), "\(run.output)")
        #expect(run.output.contains("out/orders.csv' so far ("), "\(run.output)")
        #expect(run.peakMiB < 200, "peak resident \(run.peakMiB) MiB")
        let fits = try sandboxed("orders.simulate{minutes = 600, orders = 5000, path = 'out/small.csv'}",
                                 "orders.read('out/small.csv').total > 0")
        #expect(fits.output.hasPrefix("true\ttrue\n"), "\(fits.output)")
    }

    @Test func seriesFilesThatWouldNotFitAreRefusedBeforeTheyAreRead() throws {
        let setup = """
            local f = io.open('out/big.csv', 'w')
            f:write('minute,value\\n')
            for i = 0, 999999 do f:write(os.date('!%Y-%m-%dT%H:%M', i * 60), ',', i, '\\n') end
            f:close()
            """
        let run = try sandboxed(setup, "series.load_csv('out/big.csv')")
        #expect(run.output.hasPrefix("false\twork.lua:") && run.output.contains(": not enough memory for series.load_csv of '"),
                "\(run.output)")
        #expect(run.peakMiB < 160, "peak resident \(run.peakMiB) MiB")
        let fits = try sandboxed("series.new{1, 2, 3, start=0}:save_csv('out/small.csv')", "#series.load_csv('out/small.csv')")
        #expect(fits.output.hasPrefix("true\t3\n"), "\(fits.output)")
    }

    @Test func anUncaughtRefusalEndsTheRunWithStatusMemory() throws {
        let run = try sandboxed("", "orders.simulate{minutes=527040, orders=1e9}", caught: false)
        #expect(run.status == 1)
        #expect(run.error.contains("work.lua:2: not enough memory for orders.simulate of 1000000000 orders over 527040 minutes ("))
        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.json"), encoding: .utf8)
        #expect(summary.contains(#""status" : "memory""#))
    }
}
