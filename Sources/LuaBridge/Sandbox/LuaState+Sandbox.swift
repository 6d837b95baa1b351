import LuaShim

extension LuaState {
    /// Restricts the state for scheduled, unattended scripts: no process or C-library access, text
    /// chunks only, `require` of preloaded libraries only, file reads and writes confined by `policy`,
    /// and writes through `io.open(path, "w")` made atomic (temporary file, renamed on close).
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
        try self.call(arguments: 2)
    }

    /// Makes `os.exit(code)` stop the script at once (even inside `pcall` or a coroutine) and record
    /// `code` in ``requestedExitCode``, so the host can close everything cleanly before exiting.
    /// A code outside 0...255 (which the system would cut to its low byte: 256 would exit 0) is
    /// refused: `bad argument #1 to 'exit' (exit status must be from 0 to 255)`.
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
        local check_read_at, check_write_at = ...
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
        os.execute, os.getenv, os.tmpname, io.popen = nil, nil, nil, nil
        os.remove = function(path) return os_remove(check_write(path)) end
        os.rename = function(from, to) return os_rename(check_write(from), check_write(to)) end

        local function atomic_writer(path, mode)
          local final = check_write(path)
          local temp = final .. ".partial-" .. os.time() .. "-" .. math.random(1 << 30)
          local file, message = io_open(temp, mode)
          if not file then return nil, message end
          local closed = false
          local writer = {}
          local function discard()
            if not closed then closed = true; file:close(); os_remove(temp) end
          end
          function writer:close()
            if closed then return nil, "attempt to use a closed file" end
            closed = true
            local ok, err = file:close()
            if ok then ok, err = os_rename(temp, final) end
            if not ok then os_remove(temp); return nil, err end
            return true
          end
          function writer:write(...)
            local ok, err = file:write(...)
            if not ok then return nil, err end
            return writer
          end
          return setmetatable(writer, {
            __name = "FILE*",
            __index = function(_, key)
              local method = file[key]
              if type(method) ~= "function" then return method end
              return function(self, ...) return method(self == writer and file or self, ...) end
            end,
            __gc = discard, __close = discard,
            __tostring = function() return "file (" .. path .. ")" end,
          })
        end

        io.open = function(path, mode)
          mode = mode or "r"
          if mode:match("^w") then return atomic_writer(path, mode) end
          if mode:match("[a+]") then return io_open(check_write(path), mode) end
          return io_open(check_read(path), mode)
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
