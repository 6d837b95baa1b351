/// Shrinks a crashing program to a minimal snippet that still crashes the same way: first the
/// shortest crashing prefix, then without every statement the crash does not need.
struct CrashMinimizer {
    let runner: ChildRunner
    /// The crash to keep.
    let signal: Int32
    let message: String

    func minimize(_ program: LuaProgram) throws -> LuaProgram {
        var statements = program.statements
        var low = 1, high = statements.count  // the first `high` statements crash
        while low < high {
            let middle = (low + high) / 2
            if try crashes(Array(statements[..<middle])) { high = middle } else { low = middle + 1 }
        }
        statements = Array(statements[..<high])
        var index = statements.count - 2
        while index >= 0 {
            var without = statements
            without.remove(at: index)
            if try crashes(without) { statements = without }
            index -= 1
        }
        return LuaProgram(statements: statements)
    }

    private func crashes(_ statements: [String]) throws -> Bool {
        guard case .crashed(let signal, let message) = try runner.run(LuaProgram(statements: statements)).outcome
        else { return false }
        return signal == self.signal && message == self.message
    }
}
