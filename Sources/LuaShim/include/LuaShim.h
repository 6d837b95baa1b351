/// The C side of the Swift-Lua bridge.
///
/// Swift cannot import Lua's function-like macros, and must never be unwound by a Lua error
/// (longjmp). This shim re-exports the macros Swift needs as `static inline` functions that do not
/// raise, and holds the one trampoline through which every Swift function is called from Lua: Swift
/// reports a failure in a `lshim_Failure`, and the trampoline raises it with no Swift frame below.
#ifndef LUA_SHIM_H
#define LUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stddef.h>
#include "LuaShimOutput.h"

/// Longest error message a Swift function can report; longer ones are cut.
#define LSHIM_MESSAGE_MAX 2048

/// How a Swift function failed.
typedef enum lshim_FailureKind {
    /// `message` is prefixed with the caller's position, as `luaL_error` does.
    LSHIM_FAILURE_MESSAGE = 1,
    /// `bad argument #N to 'name' (message)`, worded by `luaL_argerror`.
    LSHIM_FAILURE_ARGUMENT = 2,
    /// The error value is already on top of the stack; it is raised as it is.
    LSHIM_FAILURE_VALUE = 3,
} lshim_FailureKind;

/// A failure reported by a Swift function instead of raising.
typedef struct lshim_Failure {
    int kind;
    int argument;
    char message[LSHIM_MESSAGE_MAX];
} lshim_Failure;

/// A Swift function called from Lua: returns the number of results pushed, or -1 after filling `failure`.
typedef int (*lshim_Dispatch)(lua_State *L, void *context, lshim_Failure *failure);
/// Releases a retained Swift context when Lua collects what holds it.
typedef void (*lshim_Release)(void *context);

/// Per-state bookkeeping: the memory cap and the interrupt request.
typedef struct lshim_Runtime lshim_Runtime;

/// Creates a state whose allocator enforces `memoryLimit` bytes (0: no limit); NULL if out of memory.
lua_State *lshim_newstate(size_t memoryLimit);
/// Closes a state made by `lshim_newstate` and frees its bookkeeping.
void lshim_close(lua_State *L);
/// Bytes counted against the cap now: Lua's allocations, the footprints of the Swift values its
/// userdata hold, and the reservations of Swift functions still running.
size_t lshim_memory_used(lua_State *L);
/// Bytes Lua's allocator holds now.
size_t lshim_memory_lua(lua_State *L);
/// Bytes the Swift values held by userdata keep alive (their footprints), now.
size_t lshim_memory_external(lua_State *L);
/// Largest number of bytes counted against the cap at once.
size_t lshim_memory_peak(lua_State *L);
/// Reserves `bytes` for a Swift function's work until it returns to Lua, after a full collection
/// if they do not fit under the cap otherwise; 0 (nothing reserved) if they still do not fit.
int lshim_reserve(lua_State *L, size_t bytes);
/// Changes the memory cap (0: no limit).
void lshim_set_memory_limit(lua_State *L, size_t memoryLimit);
/// The memory cap in bytes (0: no limit).
size_t lshim_memory_limit(lua_State *L);

/// Pushes a Lua function that calls `dispatch(L, context, ...)`; `release(context)` runs when it is collected.
void lshim_pushclosure(lua_State *L, lshim_Dispatch dispatch, void *context, lshim_Release release);
/// Calls `lua_pcallk` with the stack kept safe for the memory cap; returns Lua's status code.
int lshim_pcall(lua_State *L, int nargs, int nresults, int msgh);
/// A message handler for `lshim_pcall` that appends a traceback to string errors.
int lshim_traceback(lua_State *L);
/// Pushes the message handler `lshim_traceback`.
void lshim_pushtraceback(lua_State *L);
/// A message handler for `lshim_pcall` when Swift calls a Lua function: notes the lines of the failing
/// call with the error, which `lshim_traceback` puts at the top of the traceback once the Swift
/// function has raised the error again. Returns the error unchanged.
int lshim_callback_traceback(lua_State *L);
/// Pushes the message handler `lshim_callback_traceback`.
void lshim_pushcallbacktraceback(lua_State *L);
/// Replaces the traceback on top of the stack, taken for the error at `error`, by the same with the
/// noted lines of that error inserted after its first `headLength` bytes (the message and the
/// `stack traceback:` line); forgets the note.
void lshim_add_noted_lines(lua_State *L, int error, size_t headLength);

/// Pushes a full userdata holding `object` with the metatable registered as `typeName`; its
/// `footprint` (bytes it keeps alive) counts against the cap and paces the collector until collected.
/// Its one user value is free for the bridge (the values a class keeps, `LuaClass.cachesValues`).
void lshim_pushobject(lua_State *L, void *object, lshim_Release release, const char *typeName, size_t footprint);
/// Sets the footprint of the userdata at `index` if it is an object box holding `object`.
void lshim_setfootprint(lua_State *L, int index, void *object, size_t footprint);
/// The object held by the userdata at `index` if its metatable is `typeName`, else NULL.
void *lshim_toobject(lua_State *L, int index, const char *typeName);
/// Pushes the `__gc` metamethod that releases an object pushed by `lshim_pushobject`.
void lshim_pushobjectgc(lua_State *L);

/// What an interrupt request is; a later request of a higher kind replaces it.
typedef enum lshim_InterruptKind {
    /// Ctrl-C: the host, or Swift work that a user ends on purpose (`watch`), may take it back.
    LSHIM_INTERRUPT_USER = 1,
    /// A timeout, `os.exit` or a termination signal: it stays until the script has ended.
    LSHIM_INTERRUPT_FINAL = 2,
} lshim_InterruptKind;

/// Seconds a Ctrl-C may go unanswered before the next one quits the REPL (a finalizer or a long C call).
#define LSHIM_STUCK_SECONDS 1.0

/// Asks the running Lua code, coroutines included, to stop with `message` at its next instruction.
/// The request persists until cleared, so `pcall` cannot swallow it. Safe from a signal handler or
/// another thread.
void lshim_interrupt(lua_State *L, const char *message, int kind);
/// Withdraws an interrupt request (and a closing exit).
void lshim_clear_interrupt(lua_State *L);
/// `os.exit(code, true)`: from now until cleared, a nil error unwinds the script as lua_close
/// would close it: `pcall`, `xpcall` and `coroutine.resume` pass it on, and the to-be-closed
/// variables it passes are closed with a nil error. The caller then raises nil.
void lshim_begin_closing_exit(lua_State *L);
/// The `lshim_InterruptKind` requested, or 0: long Swift work polls this to stop early.
int lshim_interrupt_requested(lua_State *L);
/// The kind requested, or 0; a user's interrupt (Ctrl-C) is withdrawn by the call.
int lshim_take_user_interrupt(lua_State *L);
/// The message the pending interrupt raises.
const char *lshim_interrupt_message(lua_State *L);
/// Seconds since the pending interrupt was requested (0 without one).
double lshim_interrupt_seconds(lua_State *L);
/// Replaces `coroutine.resume`, `coroutine.wrap` and `xpcall` with versions an interrupt reaches
/// (the running coroutine is hooked; a Lua message handler never runs for an interrupt); Lua's status.
int lshim_open_interruptible(lua_State *L);
/// Makes SIGINT interrupt `L` (as lua.c does); NULL restores the default handler. A Ctrl-C when the
/// previous one has gone unanswered for `LSHIM_STUCK_SECONDS` quits the process (status 130).
void lshim_catch_sigint(lua_State *L);

/// Attaches the host's own context pointer (not retained) to the state.
void lshim_set_host(lua_State *L, void *host);
/// The host context attached with `lshim_set_host`, or NULL.
void *lshim_host(lua_State *L);

/// Lua's registry pseudo-index.
static const int lshim_registryindex = LUA_REGISTRYINDEX;
/// Lua's `LUA_MULTRET`.
static const int lshim_multret = LUA_MULTRET;

static inline int lshim_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void lshim_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void lshim_newtable(lua_State *L) { lua_newtable(L); }
static inline void lshim_insert(lua_State *L, int index) { lua_insert(L, index); }
static inline void lshim_remove(lua_State *L, int index) { lua_remove(L, index); }
static inline void lshim_replace(lua_State *L, int index) { lua_replace(L, index); }
static inline void lshim_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline const char *lshim_typename(lua_State *L, int index) { return luaL_typename(L, index); }
static inline int lshim_isinteger(lua_State *L, int index) { return lua_isinteger(L, index); }
static inline int lshim_loadbuffer(lua_State *L, const char *buffer, size_t size, const char *name, const char *mode) {
    return luaL_loadbufferx(L, buffer, size, name, mode);
}
static inline int lshim_getmetatable(lua_State *L, const char *typeName) {
    return luaL_getmetatable(L, typeName);
}
static inline void lshim_collectgarbage(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }
static inline const char *lshim_version(void) { return LUA_RELEASE; }

/// Installs Lua's warning function (off until `warn("@on")` or `lua -W`), as `luaL_newstate` does.
void lshim_open_warnings(lua_State *L);

#endif
