import LuaShim

extension LuaCall {
    /// Calls the Lua function at `function` with the arguments `pushArguments` pushes (it returns
    /// their count), leaving `results` results on the stack.
    ///
    /// A Lua error in the callback stays a Lua value: it is left on the stack and `.propagate` is
    /// thrown, so returning the error from the Swift function re-raises it unchanged; the script's
    /// traceback then still shows the lines of the callback where it failed.
    public func callFunction(
        at function: Int32, results: Int32 = 0, _ pushArguments: (LuaCall) -> Int32 = { _ in 0 }
    ) throws(LuaError) {
        let function = lua_absindex(L, function)
        lshim_pushcallbacktraceback(L)
        let handler = lua_gettop(L)
        lua_pushvalue(L, function)
        let status = lshim_pcall(L, pushArguments(self), results, handler)
        lshim_remove(L, handler)  // remove the handler below the results or the error
        guard status == LUA_OK else { throw .propagate }
    }

    /// Throws the pending interrupt (Ctrl-C, a timeout) so long Swift work stops promptly.
    public func checkInterrupt() throws(LuaError) {
        guard lshim_interrupt_requested(L) != 0 else { return }
        throw .message(String(cString: lshim_interrupt_message(L)))
    }
}

extension LuaCall {
    /// For Swift work that a user stops on purpose (a `watch` loop): true, once, after a Ctrl-C,
    /// which is taken so the caller can return normally. A timeout or `os.exit` (which keep
    /// raising until the script ends) is thrown instead, as `checkInterrupt` does.
    public func takeUserInterrupt() throws(LuaError) -> Bool {
        switch lshim_take_user_interrupt(L) {
        case 0: return false
        case Int32(LSHIM_INTERRUPT_USER.rawValue): return true
        default: throw .message(String(cString: lshim_interrupt_message(L)))
        }
    }
}
