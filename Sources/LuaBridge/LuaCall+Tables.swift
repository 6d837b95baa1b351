import LuaShim

extension LuaCall {
    /// The numbers of the sequence `t[1..#t]` at `index` (raw access, no metamethods).
    /// An element that is not a number is reported as `bad argument #index (... at index 3 ...)`.
    public func numbers(_ index: Int32) throws(LuaError) -> [Double] {
        let table = try table(index)
        let length = Int(lua_rawlen(L, table))
        var values = [Double]()
        values.reserveCapacity(length)
        for position in 1...max(1, length) where length > 0 {
            lua_rawgeti(L, table, lua_Integer(position))
            var isNumber: Int32 = 0
            let value = lua_tonumberx(L, -1, &isNumber)
            let got = isNumber == 0 ? typeName(at: -1) : ""
            lshim_pop(L, 1)  // pop the element
            guard isNumber != 0 else {
                throw .argument(position: index, message: "number expected at index \(position), got \(got)")
            }
            values.append(value)
        }
        return values
    }

    /// Pushes `table[key]` (raw access) for the table at `index` and returns its type.
    @discardableResult
    public func rawField(_ table: Int32, _ key: String) -> LuaType {
        let table = lua_absindex(L, table)
        push(key)
        return LuaType(rawValue: lua_rawget(L, table)) ?? .none
    }

    /// The string keys of the table at `index` (raw traversal), in no particular order.
    public func stringKeys(_ index: Int32) -> [String] {
        stringKeyedFields(index).map(\.key)
    }

    /// The string keys of the table at `index` with the types of their values (raw traversal),
    /// in no particular order.
    public func stringKeyedFields(_ index: Int32) -> [(key: String, type: LuaType)] {
        let table = lua_absindex(L, index)
        var fields = [(key: String, type: LuaType)]()
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            let type = self.type(at: -1)
            lshim_pop(L, 1)  // pop the value, keep the key for lua_next
            var length = 0
            if lua_type(L, -1) == LUA_TSTRING, let bytes = lua_tolstring(L, -1, &length) {
                let key = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
                fields.append((key, type))
            }
        }
        return fields
    }

    /// Pushes the metatable of the value at `index` and returns true, or pushes nothing and returns
    /// false when it has none. Raw: a `__metatable` field does not hide it.
    public func pushMetatable(of index: Int32) -> Bool {
        lua_getmetatable(L, index) != 0
    }
}

extension LuaCall {
    /// Pushes the global `name` (raw access, no metamethods) and returns its type.
    @discardableResult
    public func pushGlobal(_ name: String) -> LuaType {
        lshim_pushglobaltable(L)
        let type = rawField(-1, name)
        lshim_remove(L, -2)  // remove the globals table
        return type
    }

    /// True when the values at the two indices are primitively equal (no `__eq`).
    public func rawEqual(_ first: Int32, _ second: Int32) -> Bool {
        lua_rawequal(L, first, second) != 0
    }

    /// Pops the top `count` values.
    public func pop(_ count: Int32 = 1) {
        lshim_pop(L, count)
    }
}

extension LuaCall {
    /// Pops the top value into the global `name` (raw access).
    public func setGlobal(_ name: String) {
        lshim_pushglobaltable(L)
        lshim_insert(L, -2)  // globals below the value
        push(name)
        lshim_insert(L, -2)  // key below the value
        lua_rawset(L, -3)
        lshim_pop(L, 1)  // pop the globals table
    }
}

extension LuaCall {
    /// The raw length `#t` of the table at `index` (0 for other values).
    public func length(_ index: Int32) -> Int {
        lua_type(L, index) == LUA_TTABLE ? Int(lua_rawlen(L, index)) : 0
    }

    /// Pushes `t[position]` (raw access) for the table at `index` and returns its type.
    @discardableResult
    public func rawIndex(_ index: Int32, _ position: Int) -> LuaType {
        LuaType(rawValue: lua_rawgeti(L, index, lua_Integer(position))) ?? .none
    }

    /// Removes the value at `index`, shifting the ones above it down.
    public func remove(_ index: Int32) {
        lshim_remove(L, index)
    }

    /// The strings and numbers of the sequence at `index`, as strings; other values are skipped.
    public func stringSequence(_ index: Int32) -> [String] {
        (0..<length(index)).compactMap { offset in
            rawIndex(index, offset + 1)
            defer { pop() }
            return try? string(count)
        }
    }
}

extension LuaCall {
    /// Keeps the value at `index` in the registry under `key`, replacing what was there, so that
    /// Lua keeps it alive (and its footprint counted) while the host refers to it.
    public func setRegistryValue(_ key: String, at index: Int32) {
        lua_pushvalue(L, index)
        lua_setfield(L, lshim_registryindex, key)  // pops the copy
    }

    /// Pushes the value kept in the registry under `key` (nil if none) and returns its type.
    @discardableResult
    public func pushRegistryValue(_ key: String) -> LuaType {
        LuaType(rawValue: lua_getfield(L, lshim_registryindex, key)) ?? .none
    }
}
