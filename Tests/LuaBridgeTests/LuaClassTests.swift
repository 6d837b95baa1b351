import LuaBridge
import Testing
import TestSupport

/// A small userdata type for the tests: a list of numbers.
final class Numbers: LuaObject {
    static let luaTypeName = "Numbers"
    let values: [Double]
    let token: Tracked?

    init(_ values: [Double], counter: LiveCounter? = nil) {
        self.values = values
        token = counter.map { Tracked($0) }
    }

    var memoryFootprint: Int { values.count * 8 }

    static func library(counter: LiveCounter) -> LuaLibrary {
        let numbersClass = LuaClass<Numbers>(
            summary: "A list of numbers.",
            methods: [
                LuaMethod("sum", "n:sum() -> number", "Adds the values.") { call, numbers in
                    call.push(numbers.values.reduce(0, +))
                    return 1
                },
                LuaMethod("slice", "n:slice(from, to) -> Numbers", "Values from..to.") { call, numbers in
                    let from = try call.integer(2)
                    let to = try call.integer(3, default: numbers.values.count)
                    guard from >= 1, from <= to, to <= numbers.values.count else {
                        throw LuaError.argument(position: 2, message: "range out of bounds")
                    }
                    call.push(Numbers(Array(numbers.values[(from - 1)..<to]), counter: counter))
                    return 1
                },
            ],
            describe: { "Numbers(\($0.values.count))" },
            length: { $0.values.count },
            index: { call, numbers in
                let position = try call.integer(2)
                call.push(numbers.values.indices.contains(position - 1) ? numbers.values[position - 1] : nil)
                return 1
            })
        return LuaLibrary(
            name: "numbers", summary: "Lists of numbers.",
            functions: [
                LuaLibraryFunction("new", "numbers.new(t) -> Numbers", "Makes a list.") { call in
                    call.push(Numbers(try call.numbers(1), counter: counter))
                    return 1
                },
            ],
            classes: [numbersClass])
    }
}

@Suite struct LuaClassTests {
    let counter = LiveCounter()
    let state: LuaState

    init() throws {
        state = try LuaState()
        state.open(Numbers.library(counter: counter))
    }

    @Test func methodsMetamethodsAndIndexing() throws {
        let code = """
            local n = numbers.new({1, 2, 3, 4})
            local s = n:slice(2, 3)
            return #n, n:sum(), tostring(s), s[1], s[5], s == s, getmetatable(n), n.nothing
            """
        #expect(try state.execute(code) == ["4", "10.0", "Numbers(2)", "2.0", "nil", "true", "false", "nil"])
    }

    @Test func libraryIsGlobalAndRequirable() throws {
        #expect(try state.execute("return require('numbers') == numbers") == ["true"])
        #expect(try state.execute("return require('numbers').new({5}):sum()") == ["5.0"])
    }

    @Test(arguments: [
        ("numbers.new({1}):slice('x')", "test:1: bad argument #1 to 'slice' (number expected, got string)"),
        ("numbers.new({1}):slice(3)", "test:1: bad argument #1 to 'slice' (range out of bounds)"),
        ("local n = numbers.new({1}); n.slice({}, 1)", "test:1: bad argument #1 to 'slice' (Numbers expected, got table)"),
        ("local t = {slice = numbers.new({1}).slice}; t:slice(1)", "test:1: calling 'slice' on bad self (Numbers expected, got table)"),
        ("return numbers.new({1})[{}]", "test:1: bad argument #2 to 'index' (number expected, got table)"),
    ])
    func selfAndArgumentErrors(code: String, message: String) {
        #expect(luaError(state, code) == message)
    }

    @Test func collectedObjectsAreReleased() throws {
        try state.execute("local all = {} for i = 1, 1000 do all[i] = numbers.new({i}):slice(1) end")
        state.collectGarbage()
        state.collectGarbage()
        #expect(counter.live == 0)
    }
}
