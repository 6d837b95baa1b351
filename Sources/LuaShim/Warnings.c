/* Lua's warning system for states made by lshim_newstate, as luaL_newstate sets it up:
   warnings start off; "@on" and "@off" switch them; a message may come in pieces. */
#include "LuaShim.h"

#include <stdio.h>
#include <string.h>

static void warn_off(void *ud, const char *message, int tocont);
static void warn_on(void *ud, const char *message, int tocont);

/* Handles "@on"/"@off"; returns 1 when `message` was such a control message. */
static int check_control(lua_State *L, const char *message, int tocont) {
    if (tocont || *(message++) != '@') return 0;
    if (strcmp(message, "off") == 0) lua_setwarnf(L, warn_off, L);
    else if (strcmp(message, "on") == 0) lua_setwarnf(L, warn_on, L);
    return 1;
}

static void warn_off(void *ud, const char *message, int tocont) {
    check_control((lua_State *)ud, message, tocont);
}

static void warn_continue(void *ud, const char *message, int tocont) {
    lua_State *L = (lua_State *)ud;
    fputs(message, stderr);
    if (tocont) {
        lua_setwarnf(L, warn_continue, L);
    } else {
        fputs("\n", stderr);
        lua_setwarnf(L, warn_on, L);
    }
}

static void warn_on(void *ud, const char *message, int tocont) {
    if (check_control((lua_State *)ud, message, tocont)) return;
    fputs("Lua warning: ", stderr);
    warn_continue(ud, message, tocont);
}

void lshim_open_warnings(lua_State *L) { lua_setwarnf(L, warn_off, L); }
