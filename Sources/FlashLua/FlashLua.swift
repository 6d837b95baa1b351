import LuaBridge

/// Every Lua library FlashCast offers, and the one place a new library is listed.
public enum FlashLua {
    /// The libraries, in the order help lists them.
    public static let libraries: [LuaLibrary] = [
        ArgsLibrary.library, OrdersLibrary.library, SeriesLibrary.library, NNLibrary.library,
        ChartLibrary.library, ForecastLibrary.library, LiveLibrary.library, ScenarioLibrary.library,
    ]

    /// Creates a state with Lua's standard libraries, FlashCast's libraries and `help`.
    /// - Parameter ignoringEnvironment: `package` ignores `LUA_PATH` and `LUA_CPATH` (`lua -E`).
    public static func makeState(memoryLimit: Int? = nil, ignoringEnvironment: Bool = false) throws(LuaScriptError)
        -> LuaState
    {
        let state = try LuaState(memoryLimit: memoryLimit, ignoringEnvironment: ignoringEnvironment)
        install(in: state)
        return state
    }

    /// The list of libraries with one line each, as `help()` prints it.
    public static var overview: String { Help.overview(libraries) }

    /// Whether `help(topic)` documents `topic` (a library, a function such as `orders.read`, or a class).
    public static func hasHelp(_ topic: String) -> Bool { (try? Help.topic(topic, in: libraries)) != nil }

    /// Makes `help()` list the globals a session set up (`sale`, `refresh()`...) with one line each,
    /// under `heading`, after the libraries.
    public static func describeSession(_ heading: String, _ globals: [(name: String, summary: String)], in state: LuaState) {
        let lines = [heading] + globals.map { "  " + $0.name.padding(12) + $0.summary }
        let call = LuaCall(state.pointer)
        call.push(lines.joined(separator: "\n"))
        call.setRegistryValue(Help.sessionKey, at: -1)
        call.pop()  // pop the text
    }

    /// Opens FlashCast's libraries and the global `help` in an existing state.
    public static func install(in state: LuaState) {
        for library in libraries { state.open(library) }
        state.setGlobal("help", Help.function)
    }
}
