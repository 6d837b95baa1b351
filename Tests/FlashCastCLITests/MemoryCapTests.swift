import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `--memory` covers what a script makes Swift allocate, not only Lua's own tables.
@Suite struct MemoryCapTests {
    @TemporaryFolder("flashcast-memory") var folder

    @Test func swiftSideDataOverTheCapIsALuaMemoryErrorAndTheSummarySaysSo() throws {
        let script = """
            local t = {} for i = 1, 1e6 do t[i] = i end
            t.start = 0 local s = series.new(t)
            t = nil
            local keep = {}
            print(pcall(function() for i = 1, 1000 do keep[i] = s:cumsum() end end))
            keep = {}
            print('alive', #s:cumsum())
            for i = 1, 1000 do keep[i] = s:cumsum() end
            """
        try script.write(to: folder.appendingPathComponent("hoard.lua"), atomically: true, encoding: .utf8)
        let result = try runFlashcast(["run", "--memory", "64M", "--summary", "-", "hoard.lua"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("false\tnot enough memory\nalive\t1000000\n"))
        #expect(result.output.contains(#""status" : "memory""#))
        #expect(result.error.contains("flashcast: hoard.lua: memory limit of 64 MiB exceeded"))
    }
}
