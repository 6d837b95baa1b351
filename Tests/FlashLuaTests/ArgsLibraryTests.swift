import FlashLua
import LuaBridge
import Testing
import TestSupport

@Suite struct ArgsLibraryTests {
    let spec = """
        {usage = "flashcast run t.lua", summary = "A test.",
         {"train", 1000, "training minutes"}, {"out", "out/x", "folder"},
         {"svg", true, "charts"}, {"cutoff", nil, "last minute"}}
        """

    func parse(_ words: [String]) throws -> (LuaState, [String]) {
        let state = try FlashLua.makeState()
        state.installExit()
        let list = words.map { "'\($0)'" }.joined(separator: ", ")
        let code = "local o = args.parse({\(list)}, \(spec)) return o.train, math.type(o.train), o.out, o.svg, o.cutoff, o[1]"
        return (state, (try? state.execute(code)) ?? [])
    }

    @Test func defaultsApplyWhenNothingIsGiven() throws {
        let (_, values) = try parse([])
        #expect(values == ["1000", "integer", "out/x", "true", "nil", "nil"])
    }

    @Test func givenValuesAreConvertedToTheDefaultsTypes() throws {
        let (_, values) = try parse(["--train", "500", "--no-svg", "--cutoff=2021-05-20T14:00", "sale.csv", "--out", "o"])
        #expect(values == ["500", "integer", "o", "false", "2021-05-20T14:00", "sale.csv"])
        let (_, fractional) = try parse(["--train=0.5"])
        #expect(fractional.prefix(2) == ["0.5", "float"])
    }

    @Test(arguments: [["--help"], ["--trian", "5"], ["--train", "abc"], ["--out"], ["--svg=maybe"]])
    func helpAndMistakesExit(words: [String]) throws {
        let (state, values) = try parse(words)
        #expect(values.isEmpty)
        #expect(state.requestedExitCode == (words == ["--help"] ? 0 : 2))
    }

    @Test func badSpecsAreArgumentErrors() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "args.parse({}, {1})") == "test:1: bad argument #2 to 'parse' (option 1 must be a table {name, default, help})")
        #expect(luaError(state, "args.parse({}, {{'x', {}}})") == "test:1: bad argument #2 to 'parse' (option 'x': default must be a string, number or boolean)")
        #expect(luaError(state, "args.parse(nil, {})") == "test:1: bad argument #1 to 'parse' (table expected, got nil)")
    }
}
