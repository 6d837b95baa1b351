import Foundation
import LuaBridge
import Testing
import TestSupport

@Suite(.serialized) struct LuaSafetyTests {
    /// Resident memory is checked in a process of its own (FlashCastCLITests.ResourceTests).
    @Test func manyErroringCallsLeakNothing() throws {
        let counter = LiveCounter()
        let state = try LuaState()
        state.open(Numbers.library(counter: counter))
        state.setGlobal("explode") { call in
            let held = Tracked(counter, size: 64)  // alive while the error is reported
            call.push(Numbers(held.payload, counter: counter))
            _ = try call.table(1)
            return 1
        }
        let loop = """
            local n = numbers.new({1, 2, 3})
            for i = 1, ... do
              assert(not pcall(explode, i))
              assert(not pcall(n.slice, n, 'bad'))
            end
            """
        func run(_ times: Int) throws {
            try state.load(loop, chunkName: "=loop")
            LuaCall(state.pointer).push(times)
            try state.call(arguments: 1)
            state.collectGarbage()
        }
        try run(1_000)
        let luaBefore = state.memoryUsed
        try run(100_000)
        #expect(state.memoryUsed - luaBefore < 64 << 10)
        #expect(counter.live == 0)
    }

    @Test func memoryCapStopsLuaCleanlyAndTheStateStaysUsable() throws {
        let state = try LuaState(memoryLimit: 2 << 20)
        let message = luaError(state, "local t = {} for i = 1, 1e8 do t[i] = i end")
        #expect(message == "not enough memory")
        state.collectGarbage()
        #expect(try state.execute("return 1 + 1") == ["2"])
    }

    @Test func memoryCapAlsoStopsSwiftAllocations() throws {
        let state = try LuaState(memoryLimit: 2 << 20)
        state.setGlobal("big") { call in
            call.push(Array(repeating: 1.0, count: 1_000_000))
            return 1
        }
        #expect(luaError(state, "local t = big()") == "not enough memory")
        #expect(try state.execute("return #'still fine'") == ["10"])
    }

    @Test func persistentInterruptCannotBeSwallowedByPcall() throws {
        let state = try LuaState()
        let handle = state.interruptHandle
        let timer = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            handle.interrupt(message: "script timed out", final: true)
        }
        timer.start()
        let message = luaError(state, "while true do pcall(function() while true do end end) end")
        #expect(message?.hasSuffix("script timed out") == true)
        handle.clear()
        #expect(try state.execute("return 'alive'") == ["alive"])
    }

    @Test func swiftWorkSeesTheInterrupt() throws {
        let state = try LuaState()
        state.setGlobal("work") { call in
            for _ in 0..<1_000 {
                try call.checkInterrupt()
                Thread.sleep(forTimeInterval: 0.01)
            }
            return 0
        }
        let handle = state.interruptHandle
        Thread {
            Thread.sleep(forTimeInterval: 0.05)
            handle.interrupt()
        }.start()
        #expect(luaError(state, "work()") == "test:1: interrupted!")
        #expect(handle.isRequested)  // until the host clears it
        handle.clear()
        #expect(try state.execute("return 'alive'") == ["alive"])
    }
}
