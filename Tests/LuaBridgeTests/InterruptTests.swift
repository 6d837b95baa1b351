import Foundation
import Synchronization
import LuaBridge
import Testing
import TestSupport

/// Interrupts reach Lua code wherever it hides (coroutines, message handlers, pcall in a loop) and
/// stay until the host clears them. Each case would loop forever if the interrupt did not reach it.
@Suite(.timeLimit(.minutes(1))) struct InterruptTests {
    /// Runs `code` while another thread interrupts the state 50 ms in; returns the error message.
    func interrupted(_ code: String, final: Bool = false, in state: LuaState? = nil) throws -> String? {
        let state = try state ?? LuaState()
        let handle = state.interruptHandle
        Thread {
            Thread.sleep(forTimeInterval: 0.05)
            handle.interrupt(message: "stop!", final: final)
        }.start()
        return luaError(state, code)
    }

    @Test(arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "coroutine.wrap(function() while true do end end)()",
        "local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end",
        "coroutine.wrap(function() coroutine.wrap(function() while true do pcall(error) end end)() end)()",
        "xpcall(function() while true do end end, function(m) while true do end end)",
        "while true do xpcall(function() while true do end end, function(m) while true do end end) end",
        "while true do xpcall(error, function(m) while true do end end) end",
    ])
    func interruptsReachTheRunningCode(_ code: String) throws {
        #expect(try interrupted(code)?.hasSuffix("stop!") == true)
    }

    @Test func theStateIsKeptAndUsableOnceCleared() throws {
        let state = try LuaState()
        try state.execute("kept = 42")
        let message = try interrupted("while true do pcall(function() while true do end end) end", in: state)
        #expect(message?.hasSuffix("stop!") == true)
        #expect(state.interruptHandle.isRequested)
        #expect(luaError(state, "local x = 1 + 1")?.hasSuffix("stop!") == true)  // until the host clears it
        state.interruptHandle.clear()
        #expect(try state.execute("return kept, coroutine.wrap(function() return 'co' end)()") == ["42", "co"])
    }

    /// The same results and messages as Lua 5.4.4's own coroutine.resume, coroutine.wrap and xpcall.
    @Test func coroutinesAndXpcallBehaveAsLuasOwn() throws {
        let state = try LuaState()
        let results = try state.execute("""
            local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) error('bad ' .. b) end)
            local r1 = {coroutine.resume(co, 1)}
            local r2 = {coroutine.resume(co, 5)}
            local w = coroutine.wrap(function() error('inside') end)
            local ok, m = pcall(w)
            local x = {xpcall(function(a) error(a) end, function(e) return 'handled ' .. e end, 'x')}
            return r1[1], r1[2], r2[1], r2[2], ok, m, x[1], x[2], select('#', xpcall(function() return 1, 2 end, print)),
                   select(2, pcall(xpcall, print)), select(2, pcall(coroutine.resume, 1))
            """)
        #expect(results == [
            "true", "2", "false", "(load):1: bad 5", "false", "(load):4: inside", "false", "handled (load):6: x", "3",
            "bad argument #2 to 'xpcall' (function expected, got no value)",
            "bad argument #1 to 'coroutine.resume' (thread expected, got number)",
        ])
    }

    /// Interrupts from another thread while the script calls, returns and collects: lua_sethook walks
    /// the running thread's call list, which called from another thread touched freed memory (a
    /// C reproduction with poisoned frees crashed every run); the shim now hooks on the Lua thread.
    @Test func interruptsFromAnotherThreadWhileCallsComeAndGoAreSafe() throws {
        let state = try LuaState()
        try state.execute("function deep(n) if n > 0 then return deep(n - 1) + 1 end return 0 end")
        let handle = state.interruptHandle
        let done = Mutex(false)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            while !done.withLock({ $0 }) {
                handle.interrupt(message: "again")
                usleep(50)
            }
            finished.signal()
        }.start()
        var stopped = 0
        for _ in 0..<2000 {  // each run is interrupted somewhere, or not at all; then cleared
            if luaError(state, "deep(150) collectgarbage('step', 100)") != nil { stopped += 1 }
            handle.clear()
        }
        done.withLock { $0 = true }
        finished.wait()
        handle.clear()
        #expect(stopped > 0)
        #expect(try state.execute("return deep(10)") == ["10"])
    }

    @Test func aUserInterruptCanBeTakenByWorkTheUserEnds() throws {
        let state = try LuaState()
        state.setGlobal("watch") { call in
            while true {
                if try call.takeUserInterrupt() { return 0 }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        #expect(try interrupted("watch() done = true", in: state) == nil)
        #expect(!state.interruptHandle.isRequested)
        #expect(try interrupted("watch()", final: true, in: state)?.hasSuffix("stop!") == true)
    }

    @Test func osExitStopsInsideCoroutinesAndRefusesCodesOutsideAByte() throws {
        let state = try LuaState()
        state.installExit()
        #expect(luaError(state, "coroutine.wrap(function() os.exit(4) while true do end end)() done = true") != nil)
        #expect(state.requestedExitCode == 4)
        state.interruptHandle.clear()
        #expect(try state.execute("return done") == ["nil"])
        for code in ["256", "-1", "1e10"] {
            #expect(luaError(state, "os.exit(\(code))") == "test:1: bad argument #1 to 'exit' (exit status must be from 0 to 255)")
        }
        #expect(luaError(state, "os.exit(1.5)") == "test:1: bad argument #1 to 'exit' (number has no integer representation)")
    }
}
