#include "LuaShim.h"
#include "OutputShim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/// A Lua file whose closing commits its output; `luaL_Stream` comes first, so Lua's io library
/// (`write`, `seek`, `lines`, `io.type`, `<close>`) takes it for one of its own.
typedef struct OutputStream {
    luaL_Stream stream;
    oshim_Output output;
} OutputStream;

/// Flushes the file to disk and renames it over its target (Lua calls it once, on close or collection).
static int close_output(lua_State *L) {
    OutputStream *p = (OutputStream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
    int ok = fflush(p->stream.f) == 0 && fsync(fileno(p->stream.f)) == 0;
    int error = errno;
    p->output.fd = -1;  // fclose closes it
    if (fclose(p->stream.f) != 0 && ok) {
        ok = 0;
        error = errno;
    }
    if (ok) {
        error = oshim_commit(&p->output);
        ok = error == 0;
    } else {
        oshim_discard(&p->output);
    }
    errno = error;
    return luaL_fileresult(L, ok, NULL);
}

/// Closes a file opened in place.
static int close_in_place(lua_State *L) {
    luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
    errno = 0;
    return luaL_fileresult(L, fclose(p->f) == 0, NULL);
}

/// The results for a failed open: `false, message` for a refusal, else `nil, message, errno`.
static int open_failure(lua_State *L, int code, const char *shown, const char *folder) {
    if (code >= 0) {
        errno = code;
        return luaL_fileresult(L, 0, shown);
    }
    lua_pushboolean(L, 0);
    if (code == OSHIM_REFUSED_OUTSIDE) {
        lua_pushfstring(L, "writing '%s' is not allowed in the sandbox (%s '%s')", shown, oshim_refusal_reason(code), folder);
    } else {
        lua_pushfstring(L, "writing '%s' is not allowed in the sandbox (%s)", shown, oshim_refusal_reason(code));
    }
    return 2;
}

int lshim_open_output(lua_State *L) {
    const char *target = luaL_checkstring(L, 1);
    const char *mode = luaL_checkstring(L, 2);
    const char *folder = luaL_checkstring(L, 3);
    const char *shown = luaL_checkstring(L, 4);
    int update = strchr(mode, '+') != NULL;
    if (mode[0] == 'w') {
        OutputStream *p = (OutputStream *)lua_newuserdatauv(L, sizeof *p, 0);
        p->stream.f = NULL;
        p->stream.closef = NULL;  // closed until opened, so collection skips it
        luaL_setmetatable(L, LUA_FILEHANDLE);
        int code = oshim_open(target, folder, update ? OSHIM_READABLE : 0, 0666, &p->output);
        if (code != 0) return open_failure(L, code, shown, folder);
        p->stream.f = fdopen(p->output.fd, update ? "w+" : "w");
        if (p->stream.f == NULL) {
            int error = errno;
            oshim_discard(&p->output);
            return open_failure(L, error, shown, folder);
        }
        p->stream.closef = close_output;
        return 1;
    }
    luaL_Stream *p = (luaL_Stream *)lua_newuserdatauv(L, sizeof *p, 0);
    p->f = NULL;
    p->closef = NULL;
    luaL_setmetatable(L, LUA_FILEHANDLE);
    int access = update ? O_RDWR : O_WRONLY;
    int fd = -1, code = oshim_open_confined(target, folder, mode[0] == 'a' ? access | O_APPEND | O_CREAT : O_RDWR, &fd);
    if (code != 0) return open_failure(L, code, shown, folder);
    p->f = fdopen(fd, mode);
    if (p->f == NULL) {
        int error = errno;
        close(fd);
        return open_failure(L, error, shown, folder);
    }
    p->closef = close_in_place;
    return 1;
}
