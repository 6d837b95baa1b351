import Foundation
import Testing
import TestSupport

/// The Lua API fuzzer (Fuzz/LuaAPI) for a short budget: no child may die by a signal.
@Suite struct LuaAPIFuzzTests {
    @Test func noRandomCallOfTheLuaAPICrashesTheProcess() throws {
        let flashcast = flashcastExecutable()
        let fuzzer = flashcast.deletingLastPathComponent().appendingPathComponent("FuzzLuaAPI")
        let result = try runCommand(fuzzer, ["--flashcast", flashcast.path, "--seconds", "25", "--seed", "16"])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains(", crashes: 0,"))
    }
}
