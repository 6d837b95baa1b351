import LuaBridge
import Testing
import TestSupport

@Suite struct LuaFunctionTests {
    let state: LuaState

    init() throws {
        state = try LuaState()
        state.setGlobal("each") { call in
            let function = try call.function(2)
            for value in try call.numbers(1) {
                try call.callFunction(at: function) { $0.push(value); return 1 }
            }
            return 0
        }
        state.setGlobal("add") { call in
            call.push(try call.number(1) + call.number(2))
            return 1
        }
        state.setGlobal("fit") { call in
            try call.table(1)
            return 0
        }
        state.setGlobal("count") { call in
            call.push(try call.integer(1))
            return 1
        }
        state.setGlobal("fail") { _ in throw LuaError.message("it failed") }
    }

    @Test func callsSwiftAndReturnsResults() throws {
        #expect(try state.execute("return add(2, 3.5)") == ["5.5"])
        #expect(try state.execute("return add('2', 3)") == ["5.0"])
    }

    @Test(arguments: [
        ("fit()", "test:1: bad argument #1 to 'fit' (table expected, got no value)"),
        ("fit(nil)", "test:1: bad argument #1 to 'fit' (table expected, got nil)"),
        ("fit(io.stdout)", "test:1: bad argument #1 to 'fit' (table expected, got FILE*)"),
        ("add(1, {})", "test:1: bad argument #2 to 'add' (number expected, got table)"),
        ("count(1.5)", "test:1: bad argument #1 to 'count' (number has no integer representation)"),
        ("fail()", "test:1: it failed"),
    ])
    func errorsReadLikeLuas(code: String, message: String) {
        #expect(luaError(state, code) == message)
    }

    @Test func errorsAreCatchableAndNestedPcallWorks() throws {
        let code = """
            local ok, err = pcall(fit, 1)
            local ok2, err2 = pcall(function()
              local inner, e = pcall(fail)
              assert(not inner and e:find('it failed'))
              error('outer')
            end)
            return ok, err, ok2, err2
            """
        let results = try state.execute(code, chunkName: "=t")
        #expect(results == [
            "false", "bad argument #1 to 'fit' (table expected, got number)", "false", "t:5: outer",
        ])
    }

    @Test func errorsInsideCoroutines() throws {
        let code = """
            local co = coroutine.create(function(x)
              local y = coroutine.yield(add(x, 1))
              fit(y)
            end)
            local a, b = coroutine.resume(co, 1)
            local c, d = coroutine.resume(co, 'nope')
            return a, b, c, d, coroutine.status(co)
            """
        let results = try state.execute(code, chunkName: "=co")
        #expect(results == [
            "true", "2.0", "false", "co:3: bad argument #1 to 'fit' (table expected, got string)", "dead",
        ])
    }

    @Test func callbacksPropagateLuaErrorsUnchanged() throws {
        let code = "local seen = 0; each({1, 2, 3}, function(v) seen = seen + v end); return seen"
        #expect(try state.execute(code) == ["6.0"])
        let error = luaError(state, "each({1, 2}, function(v) if v == 2 then error({code = 7}) end end)")
        #expect(error == "(error object is a table value)")
        let caught = "local ok, e = pcall(each, {1}, function() error({code = 7}) end); return e.code"
        #expect(try state.execute(caught) == ["7"])
        #expect(luaError(state, "each({1, 'x'}, print)")
            == "test:1: bad argument #1 to 'each' (number expected at index 2, got string)")
    }

    @Test func scriptErrorsCarryATraceback() {
        do {
            try state.execute("local function f() error('deep') end\nf()", chunkName: "@script.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "script.lua:1: deep")
            #expect(error.traceback?.hasPrefix("stack traceback:") == true)
            #expect(error.traceback?.contains("script.lua:2") == true)
        }
    }

    /// A callback's error is raised again from the Swift function's C frame: the traceback still
    /// starts with the callback's own lines (and those of callbacks inside it), then goes on below.
    @Test func callbackErrorsKeepTheCallbacksLinesInTheTraceback() throws {
        let code = """
            local function check(v)
              if v > 1 then error({code = v}) end
            end
            local function inner(v) check(v) end
            local function outer(v) each({v}, inner) end
            each({1, 2}, outer)
            """
        do {
            try state.execute(code, chunkName: "@script.lua")
            Issue.record("expected an error")
        } catch {
            let lines = (error.traceback ?? "").split(separator: "\n").map { $0.trimmingPrefix("\t") }
            #expect(Array(lines.prefix(8)) == [
                "stack traceback:", "[C]: in function 'error'", "script.lua:2: in upvalue 'check'",
                "script.lua:4: in function <script.lua:4>", "[C]: in function 'each'",
                "script.lua:5: in function <script.lua:5>", "[C]: in function 'each'", "script.lua:6: in main chunk",
            ], "\(error.traceback ?? "")")
        }
        // caught by pcall, the note is not carried to a later error of the same value
        let later = "local e = {}; pcall(each, {1}, function() error(e) end); error(e)"
        do {
            try state.execute(later, chunkName: "@later.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.traceback?.split(separator: "\n").dropFirst().first?.contains("in function 'error'") == true,
                    "\(error.traceback ?? "")")
            #expect(error.traceback?.contains("in function 'each'") == false, "\(error.traceback ?? "")")
        }
    }

    @Test func syntaxErrorsAreReported() {
        do {
            try state.execute("x = = 1", chunkName: "=bad")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.message == "bad:1: unexpected symbol near '='")
        }
    }
}
