#include "LuaShim.h"

#include <string.h>

/* An error in a Lua function that Swift calls (a row filter's function, s:map's) is caught by
   lshim_pcall and raised again from the Swift function's C frame, so a traceback taken where the
   script's handler runs starts at that frame, without the lines of the function that failed.
   lshim_callback_traceback notes those lines with the error as it passes; lshim_traceback puts
   them back at the top of the traceback. Nested calls add their lines to the note in turn. */

int lshim_is_trampoline(lua_CFunction function);  /* LuaShim.c: the C function of every Swift closure */

static const char noteKey = 'n';  /* registry: {error, lines, raisedBy} of the last error noted */

/* Pushes the function running at `level` and returns 1, or pushes nothing and returns 0. */
static int push_function_at(lua_State *L, int level) {
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar)) return 0;
    lua_getinfo(L, "f", &ar);
    return 1;
}

/* Pushes the traceback line of `level`, "\n\t...", as luaL_traceback writes it. */
static void push_line(lua_State *L, int level) {
    luaL_traceback(L, L, NULL, level);
    size_t length;
    const char *text = lua_tolstring(L, -1, &length);
    const char *line = strchr(text, '\n');
    const char *next = line == NULL ? NULL : strchr(line + 1, '\n');
    if (line == NULL) lua_pushliteral(L, "");
    else lua_pushlstring(L, line, next == NULL ? (size_t)(text + length - line) : (size_t)(next - line));
    lua_remove(L, -2);  /* drop the whole traceback */
}

/* True when the note at `note` is of the error at `error`, raised again by the Swift function at `level`. */
static int continues(lua_State *L, int note, int error, int level) {
    if (lua_type(L, note) != LUA_TTABLE) return 0;
    lua_rawgeti(L, note, 1);
    int same = lua_rawequal(L, -1, error);
    lua_pop(L, 1);  /* pop the noted error */
    if (!same || !push_function_at(L, level)) return 0;
    lua_rawgeti(L, note, 3);
    same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);  /* pop both functions */
    return same;
}

/* Notes the lines from where the error (argument 1) was raised up to the Swift function that called
   the failing function. Level 0 is this function, 1 the message handler, 2 where the error was raised. */
static int note_lines(lua_State *L) {
    int end = 3;
    for (;; end++) {
        if (!push_function_at(L, end)) return 0;  /* no Swift function below: nothing to note */
        if (lshim_is_trampoline(lua_tocfunction(L, -1))) break;
        lua_pop(L, 1);  /* pop a function of the failing call */
    }
    int raisedBy = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &noteKey);
    int note = lua_gettop(L);
    int parts = 0;
    if (continues(L, note, 1, 2)) {
        lua_rawgeti(L, note, 2);  /* the lines of the calls inside, first */
        parts++;
    }
    for (int level = 2; level < end; level++, parts++) push_line(L, level);
    lua_concat(L, parts);
    lua_createtable(L, 3, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    lua_rotate(L, -2, 1);  /* the lines above the table */
    lua_rawseti(L, -2, 2);
    lua_pushvalue(L, raisedBy);
    lua_rawseti(L, -2, 3);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &noteKey);
    return 0;
}

int lshim_callback_traceback(lua_State *L) {
    lua_pushcfunction(L, note_lines);
    lua_pushvalue(L, 1);
    lua_pcall(L, 1, 0, 0);  /* without memory for the note, the traceback only lacks these lines */
    lua_settop(L, 1);
    return 1;
}

void lshim_pushcallbacktraceback(lua_State *L) { lua_pushcfunction(L, lshim_callback_traceback); }

void lshim_add_noted_lines(lua_State *L, int error, size_t headLength) {
    int traceback = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &noteKey);
    int note = lua_gettop(L);
    int found = continues(L, note, error, 1);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &noteKey);  /* a note is used once */
    if (found) {
        size_t length;
        const char *text = lua_tolstring(L, traceback, &length);
        if (headLength > length) headLength = length;
        lua_pushlstring(L, text, headLength);
        lua_rawgeti(L, note, 2);
        lua_pushlstring(L, text + headLength, length - headLength);
        lua_concat(L, 3);
        lua_replace(L, traceback);
    }
    lua_settop(L, traceback);
}
