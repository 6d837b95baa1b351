import LuaBridge
import LuaShim

/// Formats the REPL's results with a Lua function compiled once per state: strings quoted,
/// tables nested with their keys sorted (array part first, then names, numbers, other keys),
/// cycles marked, big tables truncated, objects shown through their `__tostring`.
///
/// Written in Lua because it runs `__tostring` metamethods, which may raise: it runs under
/// `pcall` like any chunk, so no Lua error can cross a Swift frame.
struct ResultPrinter {
    /// How deep tables nest before `{...}` replaces their contents.
    static let maximumDepth = 5
    /// How many entries one table shows before `... (N more)`.
    static let maximumEntries = 100
    /// How many values one printout shows in all.
    static let maximumTotal = 1000

    let state: LuaState
    let reference: Int32

    /// Compiles the formatter in `state`, capturing the standard functions it uses now, so a
    /// session that later changes `string` or `tostring` still prints.
    init(state: LuaState) throws(LuaScriptError) {
        self.state = state
        let call = LuaCall(state.pointer)
        try state.load(Self.source, chunkName: "=(printer)")
        call.push(Self.maximumDepth)
        call.push(Self.maximumEntries)
        call.push(Self.maximumTotal)
        try state.call(arguments: 3)
        reference = luaL_ref(state.pointer, lshim_registryindex)  // pops the formatter
    }

    /// Pushes the formatter and its first argument, the line width; the values to print follow it.
    func pushFormatter(width: Int) {
        lua_rawgeti(state.pointer, lshim_registryindex, lua_Integer(reference))
        LuaCall(state.pointer).push(width)
    }

    /// The formatter's source: called with the limits, it returns `format(width, ...) -> string`.
    static let source = #"""
        local maxDepth, maxEntries, maxTotal = ...
        local type, tostring, next, rawget, pcall, select, ipairs = type, tostring, next, rawget, pcall, select, ipairs
        local format, gsub, match, find, byte, rep = string.format, string.gsub, string.match, string.find, string.byte, string.rep
        local concat, sort, mathtype, min = table.concat, table.sort, math.type, math.min
        local getmetatable = debug and debug.getmetatable or getmetatable
        local keywords = {}
        for word in string.gmatch([[and break do else elseif end false for function goto if in local nil not or
          repeat return then true until while]], "%a+") do keywords[word] = true end
        local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\a"] = "\\a", ["\b"] = "\\b", ["\f"] = "\\f",
          ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t", ["\v"] = "\\v" }

        local function quote(s)
          return '"' .. gsub(s, '[%c"\\]', function(c) return escapes[c] or format("\\%03d", byte(c)) end) .. '"'
        end

        local function isName(k)
          return type(k) == "string" and match(k, "^[%a_][%w_]*$") ~= nil and not keywords[k]
        end

        local function plain(v)
          if type(v) == "string" then return quote(v) end
          local ok, text = pcall(tostring, v)
          if ok and type(text) == "string" then return text end
          return format("%s: %p", type(v), v)
        end

        -- Names first, then numbers, other strings, booleans, and the rest by address.
        local function rank(k)
          if isName(k) then return 1 end
          local kind = type(k)
          return kind == "number" and 2 or kind == "string" and 3 or kind == "boolean" and 4 or 5
        end

        local function before(a, b)
          local ra, rb = rank(a), rank(b)
          if ra ~= rb then return ra < rb end
          if ra <= 3 then return a < b end
          if ra == 4 then return not a and b end
          return format("%p", a) < format("%p", b)
        end

        local render

        -- The rendered entries of t (array part first, then sorted keys) and how many are array items.
        local function entries(t, depth, path, budget)
          local items, n, shown = {}, 0, 0
          while rawget(t, n + 1) ~= nil do n = n + 1 end
          for i = 1, n do
            if shown == maxEntries or budget.left <= 0 then break end
            items[i] = render(rawget(t, i), depth + 1, path, budget)
            shown, budget.left = shown + 1, budget.left - 1
          end
          local arrayCount, keys = shown, {}
          for key in next, t do
            if not (mathtype(key) == "integer" and key >= 1 and key <= n) then keys[#keys + 1] = key end
          end
          if #keys <= 10 * maxEntries then sort(keys, before) end
          for i = 1, #keys do
            if shown == maxEntries or budget.left <= 0 then break end
            local key = keys[i]
            local name = isName(key) and key or "[" .. plain(key) .. "]"
            items[#items + 1] = name .. " = " .. render(rawget(t, key), depth + 1, path, budget)
            shown, budget.left = shown + 1, budget.left - 1
          end
          local omitted = n + #keys - shown
          if omitted > 0 then items[#items + 1] = format("... (%d more)", omitted) end
          return items, arrayCount
        end

        -- One line when it fits; else one entry a line, with short array items filling lines.
        local function layout(items, arrayCount, depth, width)
          if #items == 0 then return "{}" end
          local line = "{ " .. concat(items, ", ") .. " }"
          if #line + 2 * depth <= width and not find(line, "\n", 1, true) then return line end
          local lines, current, pad = {}, nil, rep("  ", depth + 1)
          for i, item in ipairs(items) do
            local packable = i <= arrayCount and not find(item, "\n", 1, true)
            if packable and current and #current + #item + 2 <= width then
              current = current .. " " .. item .. ","
            else
              lines[#lines + 1] = current
              current = pad .. item .. ","
            end
            if not packable then lines[#lines + 1], current = current, nil end
          end
          lines[#lines + 1] = current
          return "{\n" .. concat(lines, "\n") .. "\n" .. rep("  ", depth) .. "}"
        end

        function render(v, depth, path, budget)
          if type(v) ~= "table" then return plain(v) end
          local metatable = getmetatable(v)
          if type(metatable) == "table" and rawget(metatable, "__tostring") ~= nil then return plain(v) end
          if path[v] then return "<cycle>" end
          if depth >= maxDepth then return next(v) == nil and "{}" or "{...}" end
          path[v] = true
          local items, arrayCount = entries(v, depth, path, budget)
          path[v] = nil
          return layout(items, arrayCount, depth, budget.width)
        end

        return function(width, ...)
          local budget, texts = { left = maxTotal, width = width }, {}
          for i = 1, select("#", ...) do
            texts[i] = render((select(i, ...)), 0, {}, budget)
          end
          return concat(texts, "\t")
        end
        """#
}
