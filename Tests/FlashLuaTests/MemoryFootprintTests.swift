import FlashLua
import LuaBridge
import Testing

/// The Swift memory behind FlashCast's Lua objects is counted (cap, collector), and freed.
@Suite struct MemoryFootprintTests {
    /// `x` is a Series of 100000 values; `rows` 1000 rows of 100 numbers.
    static let setup = """
        local t = {} for i = 1, 100000 do t[i] = i % 60 end
        t.start = 0 x = series.new(t)
        rows = {} for i = 1, 1000 do local r = {} for j = 1, 100 do r[j] = (i + j) % 7 end rows[i] = r end
        """

    /// Bytes of Swift memory that `code` leaves held by Lua.
    func held(_ state: LuaState, _ code: String) throws -> Int {
        state.collectGarbage()
        let before = state.swiftMemoryHeld
        try state.execute(code)
        return state.swiftMemoryHeld - before
    }

    @Test func objectsReportTheMemoryTheyHold() throws {
        let state = try FlashLua.makeState()
        #expect(try held(state, Self.setup) >= 800_000)
        #expect(try held(state, "X = nn.matrix(rows)") >= 800_000)
        #expect(try held(state, "L = nn.Linear(100, 100)") >= 2 * 10_100 * 8)
        #expect(try held(state, "M = nn.Sequential():add(nn.Linear(100, 100))") >= 2 * 10_100 * 8)
        // forward keeps each layer's output: the model grows as well as the result
        #expect(try held(state, "Y = M:forward(X)") >= 2 * 800_000)
        #expect(try held(state, "fc = forecast.run(x:slice(1, 3000), {cutoff = 2000, horizon = 500, model = 'drift'})")
            >= 4 * 500 * 8)
        let svg = try state.execute("c = chart.lines(x:slice(1, 3000)) return #c:svg()")
        #expect(try held(state, "c2 = chart.lines(x:slice(1, 3000))") >= Int(svg[0])!)
        try state.execute("x, X, L, M, Y, fc, c, c2 = nil")
        state.collectGarbage()
        #expect(state.swiftMemoryHeld == 0)
    }

    @Test func makeAndDropLoopsStayFlatWithoutCollectgarbage() throws {
        let state = try FlashLua.makeState()
        try state.execute(Self.setup)
        let base = state.memoryUsed
        // 300 rounds of 800 KB series and 1.3 MB models: about 650 MB if never collected
        try state.execute("""
            for i = 1, 300 do
              local c = x:cumsum()
              local m = nn.Sequential():add(nn.Linear(200, 400))
              assert(#c == 100000 and m:parameters() == 80400)
            end
            """)
        #expect(state.memoryPeak - base < 96 << 20, "peak \(state.memoryPeak - base) bytes above the start")
    }

    @Test func theCapRefusesSwiftSideData() throws {
        let state = try FlashLua.makeState(memoryLimit: 32 << 20)
        try state.execute(Self.setup)
        let result = try state.execute("""
            local keep = {}
            local ok, message = pcall(function() for i = 1, 100 do keep[i] = x:cumsum() end end)
            keep = nil
            return ok, message, #x:cumsum()
            """)
        #expect(result == ["false", "not enough memory", "100000"])
    }

    @Test func trainingAndForwardReserveTheirActivationsBeforeAllocating() throws {
        let state = try FlashLua.makeState(memoryLimit: 32 << 20)
        try state.execute(Self.setup + "\nX = nn.matrix(rows) M = nn.Sequential():add(nn.Linear(100, 5000))")
        // 1000 rows x (100 inputs + 5000 outputs) x 8 bytes
        #expect(try state.execute("return pcall(M.forward, M, X)")
            == ["false", "not enough memory for forward of 1000 rows (38.9 MiB)"])
        let fit = try state.execute("return pcall(M.fit, M, X, X, {batch = 1000})")
        #expect(fit[1].hasPrefix("not enough memory for fit on 1000 rows"))
    }
}
