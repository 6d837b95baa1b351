/// Lua files written through FlashCast's one atomic writer (OutputShim), for the sandbox's `io.open`.
#ifndef LUA_SHIM_OUTPUT_H
#define LUA_SHIM_OUTPUT_H

#include <lua.h>

/// `open_output(target, mode, folder, shown)`: a Lua file (`io.type` says "file") for `target`,
/// confined to the resolved `folder`. Mode "w" and "w+" write a temporary that closing the file
/// (`close`, `<close>`, collection) renames over the target; "a", "a+" and "r+" open the file in place
/// but refuse a symbolic link, a file with several hard links and anything but a regular file,
/// checked on the opened descriptor. Returns the file; `nil, message, errno` when the system fails
/// (messages name `shown`); `false, message` for a refusal, which the caller raises.
int lshim_open_output(lua_State *L);

#endif
