import LuaShim

extension LuaState {
    /// Compiles a text chunk and pushes it as a function.
    /// - Parameter chunkName: as Lua names chunks: `@file.lua` for a file, `=stdin` for a plain name.
    public func load(_ code: String, chunkName: String) throws(LuaScriptError) {
        var code = code
        let status = code.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                lshim_loadbuffer(pointer, $0.baseAddress, $0.count, chunkName, "t")
            }
        }
        try check(status, traceback: false)
    }

    /// Compiles a Lua source file (nil: standard input, named `stdin`) and pushes it as a function; a
    /// first line starting with `#` is skipped.
    public func loadFile(_ path: String?) throws(LuaScriptError) {
        try check(luaL_loadfilex(pointer, path, "t"), traceback: false)
    }

    /// Calls the function below its `arguments` on the stack with a traceback handler.
    /// Leaves all its results on the stack and returns how many there are.
    @discardableResult
    public func call(arguments: Int32 = 0) throws(LuaScriptError) -> Int32 {
        let functionIndex = lua_gettop(pointer) - arguments
        lshim_pushtraceback(pointer)
        lua_rotate(pointer, functionIndex, 1)  // handler below the function
        let status = lshim_pcall(pointer, arguments, lshim_multret, functionIndex)
        lshim_remove(pointer, functionIndex)  // remove the handler
        try check(status, traceback: true)
        return lua_gettop(pointer) - functionIndex + 1
    }

    /// Runs a chunk of code and returns its results converted with `tostring`.
    @discardableResult
    public func execute(_ code: String, chunkName: String = "=(load)") throws(LuaScriptError) -> [String] {
        let base = lua_gettop(pointer)
        defer { lua_settop(pointer, base) }
        try load(code, chunkName: chunkName)
        let count = try call()
        return (0..<count).map { describe(at: base + 1 + $0) }
    }

    /// `tostring` of the value at `index`, computed safely (a failing `__tostring` gives its error text).
    public func describe(at index: Int32) -> String {
        let index = lua_absindex(pointer, index)
        lua_getglobal(pointer, "tostring")
        lua_pushvalue(pointer, index)
        defer { lshim_pop(pointer, 1) }  // pop the result or the error
        let status = lshim_pcall(pointer, 1, 1, 0)
        var length = 0
        guard status == LUA_OK || lua_type(pointer, -1) == LUA_TSTRING,
            let bytes = lua_tolstring(pointer, -1, &length)
        else { return "?" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    /// Turns a non-OK status into an error built from the message on top of the stack (popped).
    private func check(_ status: Int32, traceback: Bool) throws(LuaScriptError) {
        guard status != LUA_OK else { return }
        let text = lua_type(pointer, -1) == LUA_TSTRING ? describe(at: -1) : "(error object is not a string)"
        lshim_pop(pointer, 1)  // pop the error
        let kind: LuaScriptError.Kind =
            switch status {
            case LUA_ERRSYNTAX: .syntax
            case LUA_ERRMEM: .memory
            case LUA_ERRRUN where Self.isMemoryRefusal(text): .memory
            case LUA_ERRERR: .handler
            default: .runtime
            }
        let (message, trace) = traceback ? Self.splitTraceback(text) : (text, nil)
        throw LuaScriptError(kind: kind, message: message, traceback: trace)
    }

    /// True for a Swift function's refusal to allocate past the cap (`LuaCall.reserveMemory`):
    /// `file:line: not enough memory for nn.Linear(1000, 1000) (30.5 MiB)`.
    static func isMemoryRefusal(_ text: String) -> Bool {
        let firstLine = text.prefix { $0 != "\n" }
        return firstLine.hasPrefix("not enough memory") || firstLine.contains(": not enough memory for ")
    }

    /// Splits `message\nstack traceback:...` into its two parts.
    static func splitTraceback(_ text: String) -> (String, String?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let marker = lines.lastIndex(of: "stack traceback:") else { return (text, nil) }
        return (lines[..<marker].joined(separator: "\n"), lines[marker...].joined(separator: "\n"))
    }
}
