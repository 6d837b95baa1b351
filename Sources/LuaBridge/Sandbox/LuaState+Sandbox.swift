import LuaShim

extension LuaState {
    /// Restricts the state for scheduled, unattended scripts: no process or C-library access, text
    /// chunks only, `require` of preloaded libraries only, file reads and writes confined by `policy`.
    /// `io.open` writes through the one atomic writer: "w" and "w+" give a real Lua file on a temporary
    /// that closing renames over the target; "a", "a+" and "r+" refuse links, hard links and anything
    /// but a regular file, checked on the opened descriptor.
    public func applySandbox(_ policy: FileAccessPolicy) throws(LuaScriptError) {
        hostValues[FileAccessPolicy.hostKey] = policy
        try load(Self.sandboxSource, chunkName: "=sandbox")
        let call = LuaCall(pointer)
        call.push(function: { call in
            call.push(try call.readablePath(1))
            return 1
        })
        call.push(function: { call in
            call.push(try call.writablePath(1))
            return 1
        })
        lua_pushcclosure(pointer, lshim_open_output, 0)
        call.push(policy.outputFolder)
        try self.call(arguments: 4)
    }

    /// Makes `os.exit(code)` stop the script at once (even inside `pcall` or a coroutine) and record
    /// `code` in ``requestedExitCode``, so the host can close everything cleanly before exiting.
    /// A code outside 0...255 (which the system would cut to its low byte: 256 would exit 0) is
    /// refused: `bad argument #1 to 'exit' (exit status must be from 0 to 255)`.
    ///
    /// As in lua, `os.exit(code, true)` first closes the main thread's pending to-be-closed
    /// variables (innermost first, error argument nil; not those of a coroutine), then the host's
    /// closing of the state runs the finalizers. Unlike lua, `os.exit(code)` also closes the
    /// state (finalizers, open files written), but runs no to-be-closed variable written in Lua.
    public func installExit() {
        setGlobalField("os", "exit") { call in
            let code: Int32
            switch call.type(at: 1) {
            case .none, .nil: code = 0
            case .boolean: code = call.boolean(1) ? 0 : 1
            default:
                let value = try call.integer(1)
                guard (0...255).contains(value) else {
                    throw LuaError.argument(position: 1, message: "exit status must be from 0 to 255")
                }
                code = Int32(value)
            }
            call.state?.hostValues[Self.exitCodeKey] = code
            if call.boolean(2) {
                lshim_begin_closing_exit(call.L)
                call.pushNil()
                throw LuaError.propagate  // raises the nil that unwinds and closes as lua_close would
            }
            call.state?.interruptHandle.interrupt(message: Self.exitMessage, final: true)
            return 0
        }
    }

    /// The code a script passed to `os.exit`, if it called it.
    public var requestedExitCode: Int32? { hostValues[Self.exitCodeKey] as? Int32 }

    static let exitCodeKey = "os.exit"
    static let exitMessage = "os.exit called"

    /// Sets `table.field` for the global table `table` to a Swift function.
    func setGlobalField(_ table: String, _ field: String, _ function: @escaping LuaFunction) {
        let call = LuaCall(pointer)
        guard call.pushGlobal(table) == .table else { return call.pop() }
        call.push(field)
        call.push(function: function)
        lua_rawset(pointer, -3)
        call.pop()  // pop the table
    }

    static let sandboxSource = """
        local check_read_at, check_write_at, open_output, output_folder = ...
        -- the script can replace globals and string functions: the checks use only these copies
        local pcall, error, type, match = pcall, error, type, string.match
        -- refusals are reported at the script's line: level 3 is the caller of the wrapper
        local function check_read(path)
          local ok, result = pcall(check_read_at, path)
          if not ok then error(result, 3) end
          return result
        end
        local function check_write(path)
          local ok, result = pcall(check_write_at, path)
          if not ok then error(result, 3) end
          return result
        end
        local io_open, io_lines, io_input, io_output = io.open, io.lines, io.input, io.output
        local os_remove, os_rename = os.remove, os.rename
        local raw_load = load
        dofile, loadfile = nil, nil
        load = function(chunk, name, _, env) return raw_load(chunk, name, "t", env) end
        package.loadlib, package.cpath, package.path = nil, "", ""
        package.searchers = {package.searchers[1]}
        debug = {traceback = debug.traceback}
        package.loaded.debug = debug
        for name, call in pairs{execute = "os.execute", getenv = "os.getenv", tmpname = "os.tmpname"} do
          os[name] = function() error("'" .. call .. "' is not available in the sandbox", 2) end
        end
        io.popen = function() error("'io.popen' is not available in the sandbox", 2) end
        os.remove = function(path) return os_remove(check_write(path)) end
        os.rename = function(from, to) return os_rename(check_write(from), check_write(to)) end

        io.open = function(path, mode)
          if mode == nil then mode = "r" end
          if type(mode) ~= "string" or not match(mode, "^[rwa]%+?b*$") then
            error("bad argument #2 to 'open' (invalid mode)", 2)
          end
          if match(mode, "^r") and not match(mode, "%+") then return io_open(check_read(path), mode) end
          local file, message, code = open_output(check_write(path), mode, output_folder, path)
          if file == false then error(message, 2) end
          return file, message, code
        end
        io.lines = function(path, ...)
          if path == nil then return io_lines() end
          return io_lines(check_read(path), ...)
        end
        io.input = function(file)
          if type(file) == "string" then file = check_read(file) end
          return io_input(file)
        end
        io.output = function(file)
          if type(file) == "string" then error("io.output to a file is not allowed in the sandbox: use io.open", 2) end
          return io_output(file)
        end
        """
}
