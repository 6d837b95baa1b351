import LuaBridge
import Testing
import TestSupport

/// A userdata that grows through its own method, to check that footprints follow.
final class Buffer: LuaObject {
    static let luaTypeName = "Buffer"
    var bytes: [UInt8] = []
    var memoryFootprint: Int { bytes.count }

    static let library = LuaLibrary(
        name: "buffer", summary: "Growing buffers.",
        functions: [LuaLibraryFunction("new", "buffer.new() -> Buffer", "An empty buffer.") { call in
            call.push(Buffer())
            return 1
        }],
        classes: [LuaClass<Buffer>(
            summary: "Bytes.",
            methods: [LuaMethod("grow", "b:grow(n)", "Appends n bytes.") { call, buffer in
                buffer.bytes += Array(repeating: 0, count: try call.integer(2))
                return 0
            }],
            describe: { "Buffer(\($0.bytes.count))" })])
}

/// The memory Swift objects hold counts against the cap and paces Lua's collector.
@Suite struct LuaMemoryTests {
    let counter = LiveCounter()

    /// A state with `numbers` and `blob(n)`: a Numbers of n values made in Swift (800 KB for 1e5).
    func makeState(memoryLimit: Int? = nil) throws -> LuaState {
        let state = try LuaState(memoryLimit: memoryLimit)
        state.open(Numbers.library(counter: counter))
        state.open(Buffer.library)
        let counter = counter
        state.setGlobal("blob") { call in
            call.push(Numbers(Array(repeating: 1, count: try call.integer(1)), counter: counter))
            return 1
        }
        return state
    }

    @Test func swiftObjectsOverTheCapRaiseLuasMemoryErrorAndTheStateLives() throws {
        let state = try makeState(memoryLimit: 8 << 20)
        let caught = try state.execute("""
            keep = {}
            return pcall(function() for i = 1, 100 do keep[i] = blob(1e5) end end)
            """)
        #expect(caught == ["false", "not enough memory"])
        state.collectGarbage()
        #expect(state.memoryUsed <= (8 << 20) + (1 << 20))  // Lua's own allocations have a grace of 1/8
        do {
            try state.execute("for i = 1, 100 do keep[#keep + 1] = blob(1e5) end")
            Issue.record("no memory error")
        } catch {
            #expect(error.kind == .memory)
            #expect(error.message == "not enough memory")
        }
        try state.execute("keep = nil")
        state.collectGarbage()
        #expect(try state.execute("return blob(1e5):sum()") == ["100000.0"])
    }

    @Test func accountingReturnsToBaselineWhenObjectsAreCollected() throws {
        let state = try makeState()
        let baseline = state.swiftMemoryHeld
        try state.execute("held = {} for i = 1, 10 do held[i] = blob(1e5) end b = buffer.new() b:grow(3e6)")
        #expect(state.swiftMemoryHeld == baseline + 10 * 800_000 + 3_000_000)
        #expect(state.memoryUsed == state.luaMemoryUsed + state.swiftMemoryHeld)
        try state.execute("held = nil b = nil")
        state.collectGarbage()
        #expect(state.swiftMemoryHeld == baseline)
        #expect(counter.live == 0)
    }

    @Test func collectorRunsWithoutCollectgarbageInAMakeAndDropLoop() throws {
        let state = try makeState()
        // 500 objects of 800 KB: 400 MB if the collector never ran between them
        try state.execute("for i = 1, 500 do local n = blob(1e5) assert(n:sum() == 1e5) end")
        #expect(state.memoryPeak < 64 << 20, "peak \(state.memoryPeak) bytes")
        #expect(state.swiftMemoryHeld < 64 << 20)
        #expect(counter.live < 80)
    }

    @Test func reservationsCountUntilTheFunctionReturns() throws {
        let state = try makeState(memoryLimit: 8 << 20)
        state.setGlobal("work") { call in
            try call.reserveMemory(5e6, for: "the first half")
            try call.reserveMemory(5e6, for: "the second half")
            return 0
        }
        state.setGlobal("half") { call in
            try call.reserveMemory(5e6, for: "half")
            return 0
        }
        let refusal = luaError(state, "work()")
        #expect(refusal == "test:1: not enough memory for the second half (4.8 MiB)")
        #expect(try state.execute("half() half() return 'fits'") == ["fits"])
        do {
            try state.execute("work()")
        } catch {
            #expect(error.kind == .memory)
        }
    }
}
