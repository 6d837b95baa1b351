import LuaShim

extension LuaCall {
    /// Pushes `self[key]` for the object userdata at argument 1 and the key at argument 2: the value
    /// kept from an earlier read, or what `make` pushes. A table or userdata that `make` pushes is
    /// kept in the object's user value, so later reads give the same one (`fc.metrics == fc.metrics`);
    /// numbers, strings and nil are made again (they compare equal anyway).
    func pushKept(_ make: () throws -> Int32) rethrows -> Int32 {
        if lua_getiuservalue(L, 1, 1) == LUA_TTABLE {
            lua_pushvalue(L, 2)
            if lua_rawget(L, -2) != LUA_TNIL {
                lshim_remove(L, -2)  // drop the kept values, leaving the value
                return 1
            }
        }
        lua_settop(L, 2)  // drop the kept values and the nil
        let results = try make()
        let type = lua_type(L, -1)
        if results == 1, lua_gettop(L) == 3, type == LUA_TTABLE || type == LUA_TUSERDATA, isUsableKey(at: 2) {
            keep(valueAt: 3)
        }
        return results
    }

    /// `kept[argument 2] = value at index`, creating the object's table of kept values on first use.
    private func keep(valueAt index: Int32) {
        if lua_getiuservalue(L, 1, 1) != LUA_TTABLE {
            lshim_pop(L, 1)  // pop the nil
            lua_createtable(L, 0, 4)
            lua_pushvalue(L, -1)
            lua_setiuservalue(L, 1, 1)  // the object keeps the table (pops the copy)
        }
        lua_pushvalue(L, 2)
        lua_pushvalue(L, index)
        lua_rawset(L, -3)  // kept[key] = value
        lshim_pop(L, 1)  // pop the kept values
    }

    /// Whether the value at `index` can key a table without raising (not nil, not NaN).
    private func isUsableKey(at index: Int32) -> Bool {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return false
        case LUA_TNUMBER: return !lua_tonumberx(L, index, nil).isNaN
        default: return true
        }
    }
}
