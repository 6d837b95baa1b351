/// A fuzz case: Lua statements that each call one API function inside `pcall` and keep what it
/// returns in a slot of `V`, so later statements can pass it on. Statements can be dropped one by
/// one to shrink a crash to a minimal snippet: a statement that reads a dropped slot sees nil.
struct LuaProgram {
    /// The statements, in order; each is self-contained Lua.
    var statements: [String]

    /// Defines `V` and `keep`, which stores a call's first result when it succeeds.
    static let prelude = """
        local V = {}
        local function keep(slot, ok, value) if ok then V[slot] = value end end
        """

    /// The script a child process runs.
    var source: String {
        ([Self.prelude] + statements).joined(separator: "\n") + "\n"
    }
}
