import Foundation
import Testing
import TestSupport

/// Resource checks that need a process of their own: resident memory is per process, and the
/// test runner's other suites allocate concurrently.
@Suite struct ResourceTests {
    @Test func hundredThousandErroringCallsKeepResidentMemoryFlat() throws {
        let script = """
            local function resident()
              for line in io.lines('/proc/self/status') do
                local kb = line:match('^VmRSS:%s*(%d+)')
                if kb then return tonumber(kb) * 1024 end
              end
            end
            local function hammer(times)
              for i = 1, times do
                assert(not pcall(args.parse, nil))
                assert(not pcall(args.parse, {}, {{i}}))
                assert(not pcall(help, i))
              end
              collectgarbage()
            end
            hammer(1000)
            local before = resident()
            hammer(100000)
            print(resident() - before)
            """
        let result = try runFlashcast(["-e", script])
        #expect(result.status == 0, "\(result.error)")
        let growth = try #require(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(growth < 4 << 20, "resident memory grew by \(growth) bytes")
    }
}
