#include "LuaShim.h"

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

struct lshim_Runtime {
    /// Bytes Lua's allocator holds.
    size_t used;
    /// Bytes the Swift objects held by userdata keep alive (their footprints).
    size_t external;
    /// Bytes Swift functions still running reserved for their work (`lshim_reserve`).
    size_t reserved;
    /// Footprints pushed but not yet reported to the collector as debt.
    size_t debt;
    /// Footprints pushed since the last full collection the shim ran.
    size_t growth;
    size_t peak;
    size_t limit;
    /// Above 0 while a Swift frame may be below the allocator: it must not fail there.
    int swiftDepth;
    volatile sig_atomic_t interrupt;
    volatile sig_atomic_t persistent;
    char interruptMessage[256];
    void *host;
};

static lshim_Runtime *runtime_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (lshim_Runtime *)ud;
}

/* Everything counted against the cap: Lua's own bytes, Swift objects' footprints, reservations. */
static size_t total_of(const lshim_Runtime *rt) { return rt->used + rt->external + rt->reserved; }

static void note_peak(lshim_Runtime *rt) {
    size_t total = total_of(rt);
    if (total > rt->peak) rt->peak = total;
}

/* Room Lua's own allocations get past the cap while Swift objects are held: some of them may be
   garbage that only a collection running finalizers frees (an emergency collection does not), and
   the next normal step or Swift call collects them. Without Swift objects the cap is exact. */
static size_t grace_of(const lshim_Runtime *rt) {
    size_t eighth = rt->limit / 8;
    return rt->external < eighth ? rt->external : eighth;
}

/* The allocator enforces the cap only where Lua can raise safely: with no Swift frame below.
   Over the cap under a Swift frame it still allocates; the trampoline raises once Swift returned. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lshim_Runtime *rt = (lshim_Runtime *)ud;
    size_t old = ptr ? osize : 0;  /* when ptr is NULL, osize is a type tag */
    if (nsize == 0) {
        free(ptr);
        rt->used -= old;
        return NULL;
    }
    if (rt->limit != 0 && nsize > old && rt->swiftDepth == 0
        && total_of(rt) - old + nsize > rt->limit + grace_of(rt))
        return NULL;
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    rt->used = rt->used - old + nsize;
    note_peak(rt);
    return block;
}

static int panic(lua_State *L) {
    const char *message = lua_tostring(L, -1);
    fprintf(stderr, "flashcast: unprotected Lua error: %s\n", message ? message : "?");
    abort();
}

lua_State *lshim_newstate(size_t memoryLimit) {
    lshim_Runtime *rt = calloc(1, sizeof *rt);
    if (rt == NULL) return NULL;
    rt->swiftDepth = 1;  /* the host itself is Swift */
    lua_State *L = lua_newstate(capped_alloc, rt);
    if (L == NULL) {
        free(rt);
        return NULL;
    }
    lua_atpanic(L, panic);
    rt->limit = memoryLimit;
    return L;
}

void lshim_close(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    rt->limit = 0;
    lua_close(L);
    free(rt);
}

size_t lshim_memory_used(lua_State *L) { return total_of(runtime_of(L)); }
size_t lshim_memory_lua(lua_State *L) { return runtime_of(L)->used; }
size_t lshim_memory_external(lua_State *L) { return runtime_of(L)->external; }
size_t lshim_memory_peak(lua_State *L) { return runtime_of(L)->peak; }
void lshim_set_memory_limit(lua_State *L, size_t memoryLimit) { runtime_of(L)->limit = memoryLimit; }
size_t lshim_memory_limit(lua_State *L) { return runtime_of(L)->limit; }

void lshim_set_host(lua_State *L, void *host) { runtime_of(L)->host = host; }
void *lshim_host(lua_State *L) { return runtime_of(L)->host; }

int lshim_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    lshim_Runtime *rt = runtime_of(L);
    int depth = rt->swiftDepth;
    rt->swiftDepth = 0;  /* inside pcall, errors land in pcall, not in Swift */
    int status = lua_pcallk(L, nargs, nresults, msgh, 0, NULL);
    rt->swiftDepth = depth;
    return status;
}

int lshim_traceback(lua_State *L) {
    const char *message = lua_tostring(L, 1);
    if (message == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, message, 1);
    return 1;
}

void lshim_pushtraceback(lua_State *L) { lua_pushcfunction(L, lshim_traceback); }

/* ---- retained Swift values held by userdata ---- */

/* The head of every userdata that holds a retained Swift value; its __gc releases it once. */
typedef struct Retained {
    void *pointer;
    lshim_Release release;
    /* Bytes the value keeps alive on the Swift side, counted in the runtime's `external`. */
    size_t footprint;
} Retained;

static int release_retained(lua_State *L) {
    Retained *retained = (Retained *)lua_touserdata(L, 1);
    if (retained != NULL && retained->pointer != NULL) {
        void *pointer = retained->pointer;
        retained->pointer = NULL;
        runtime_of(L)->external -= retained->footprint;
        retained->footprint = 0;
        retained->release(pointer);
    }
    return 0;
}

/* ---- memory held on the Swift side ---- */

/* Sets a value's footprint; growth becomes debt for the collector. */
static void account(lua_State *L, Retained *box, size_t footprint) {
    lshim_Runtime *rt = runtime_of(L);
    rt->external = rt->external - box->footprint + footprint;
    if (footprint > box->footprint) {
        rt->debt += footprint - box->footprint;
        rt->growth += footprint - box->footprint;
    }
    box->footprint = footprint;
    note_peak(rt);
}

/* Reports new Swift-side memory to the collector as if Lua had allocated it: LUA_GCSTEP with n
   adds n KiB to the collector's debt and runs a step, whose work grows with the debt (up to the
   end of the current cycle). Otherwise small userdata holding big Swift objects let garbage pile
   up between cycles paced by Lua's own allocations. */
static void pay_debt(lua_State *L, lshim_Runtime *rt) {
    if (rt->debt < 1024) return;
    int running = lua_gc(L, LUA_GCISRUNNING);
    if (running == 0) rt->debt = 0;  /* the script stopped the collector: leave it stopped */
    if (running != 1) return;        /* -1: inside a finalizer, pay later */
    size_t kib = rt->debt / 1024;
    if (kib > INT_MAX) kib = INT_MAX;
    rt->debt -= kib * 1024;
    lua_gc(L, LUA_GCSTEP, (int)kib);
}

static void collect(lua_State *L, lshim_Runtime *rt) {
    lua_gc(L, LUA_GCCOLLECT);
    rt->growth = 0;
}

static int fits(const lshim_Runtime *rt, size_t bytes) {
    return bytes <= rt->limit && total_of(rt) <= rt->limit - bytes;
}

/* Raises Lua's own memory error (LUA_ERRMEM, "not enough memory") as a failed allocation does:
   an allocation larger than the cap fails. Only with no Swift frame below, where it may raise. */
static void raise_memory_error(lua_State *L, lshim_Runtime *rt) {
    if (rt->swiftDepth == 0) lua_newuserdatauv(L, rt->limit + grace_of(rt) + 1, 0);
}

/* Once a Swift function has returned its `results` (no Swift frame below): reports new footprints
   to the collector; collects when Swift-side memory grew close to the cap, so Lua code keeps room
   to allocate (an emergency collection runs no finalizers, so it cannot free Swift objects); and
   when what is held stays over the cap, drops the results, collects what the function made, and
   raises "not enough memory", leaving the state under its cap. */
static void settle_memory(lua_State *L, lshim_Runtime *rt, int results) {
    pay_debt(L, rt);
    if (rt->limit == 0) return;
    size_t high = rt->limit - rt->limit / 4;
    if (total_of(rt) > rt->limit || (total_of(rt) > high && rt->growth > rt->limit / 16)) collect(L, rt);
    if (total_of(rt) <= rt->limit) return;
    if (results > 0) lua_pop(L, results);
    collect(L, rt);
    raise_memory_error(L, rt);
}

int lshim_reserve(lua_State *L, size_t bytes) {
    lshim_Runtime *rt = runtime_of(L);
    if (rt->limit != 0 && !fits(rt, bytes)) {
        collect(L, rt);
        if (!fits(rt, bytes)) return 0;
    }
    rt->reserved += bytes;
    note_peak(rt);
    return 1;
}

/* ---- Swift functions ---- */

typedef struct Closure {
    Retained context;
    lshim_Dispatch dispatch;
    lshim_Runtime *runtime;  /* cached: one per state, shared by its coroutines */
} Closure;

static const char closureKey = 'c';

static int trampoline(lua_State *L) {
    Closure *closure = (Closure *)lua_touserdata(L, lua_upvalueindex(1));
    lshim_Runtime *rt = closure->runtime;
    lshim_Failure failure;
    failure.kind = 0;
    failure.argument = 0;
    failure.message[0] = '\0';
    size_t reserved = rt->reserved;
    rt->swiftDepth++;
    int results = closure->dispatch(L, closure->context.pointer, &failure);
    rt->swiftDepth--;
    rt->reserved = reserved;  /* the function's reservations end with it */
    settle_memory(L, rt, results);
    if (results >= 0) return results;
    failure.message[LSHIM_MESSAGE_MAX - 1] = '\0';
    switch (failure.kind) {
    case LSHIM_FAILURE_ARGUMENT:
        return luaL_argerror(L, failure.argument, failure.message);
    case LSHIM_FAILURE_VALUE:
        return lua_error(L);
    default:
        return luaL_error(L, "%s", failure.message);
    }
}

void lshim_pushclosure(lua_State *L, lshim_Dispatch dispatch, void *context, lshim_Release release) {
    Closure *closure = (Closure *)lua_newuserdatauv(L, sizeof(Closure), 0);
    closure->dispatch = dispatch;
    closure->context.pointer = context;
    closure->context.release = release;
    closure->context.footprint = 0;
    closure->runtime = runtime_of(L);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &closureKey) == LUA_TNIL) {
        lua_pop(L, 1);                       /* pop the nil */
        lua_createtable(L, 0, 2);
        lua_pushcfunction(L, release_retained);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &closureKey);
    }
    lua_setmetatable(L, -2);                 /* closure userdata keeps its releaser */
    lua_pushcclosure(L, trampoline, 1);      /* the userdata becomes upvalue 1 */
}

/* ---- Swift objects as userdata ---- */

void lshim_pushobject(lua_State *L, void *object, lshim_Release release, const char *typeName, size_t footprint) {
    Retained *box = (Retained *)lua_newuserdatauv(L, sizeof(Retained), 0);
    box->pointer = object;
    box->release = release;
    box->footprint = 0;
    luaL_setmetatable(L, typeName);
    account(L, box, footprint);
}

void lshim_setfootprint(lua_State *L, int index, const char *typeName, void *object, size_t footprint) {
    Retained *box = (Retained *)luaL_testudata(L, index, typeName);
    if (box != NULL && box->pointer == object) account(L, box, footprint);
}

void *lshim_toobject(lua_State *L, int index, const char *typeName) {
    Retained *box = (Retained *)luaL_testudata(L, index, typeName);
    return box == NULL ? NULL : box->pointer;
}

void lshim_pushobjectgc(lua_State *L) { lua_pushcfunction(L, release_retained); }

/* ---- interrupts ---- */

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lshim_Runtime *rt = runtime_of(L);
    if (!rt->interrupt) {
        lua_sethook(L, NULL, 0, 0);
        return;
    }
    if (!rt->persistent) {
        rt->interrupt = 0;
        lua_sethook(L, NULL, 0, 0);
    }
    luaL_error(L, "%s", rt->interruptMessage[0] ? rt->interruptMessage : "interrupted!");
}

void lshim_interrupt(lua_State *L, const char *message, int persistent) {
    lshim_Runtime *rt = runtime_of(L);
    size_t i = 0;
    for (; message != NULL && message[i] != '\0' && i + 1 < sizeof rt->interruptMessage; i++)
        rt->interruptMessage[i] = message[i];
    rt->interruptMessage[i] = '\0';
    rt->persistent = persistent;
    rt->interrupt = 1;
    lua_sethook(L, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void lshim_clear_interrupt(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    rt->interrupt = 0;
    rt->persistent = 0;
    lua_sethook(L, NULL, 0, 0);
}

int lshim_interrupt_requested(lua_State *L) { return runtime_of(L)->interrupt != 0; }

int lshim_take_interrupt(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    if (!rt->interrupt) return 0;
    if (!rt->persistent) {
        rt->interrupt = 0;
        lua_sethook(L, NULL, 0, 0);
    }
    return 1;
}

const char *lshim_interrupt_message(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    return rt->interruptMessage[0] ? rt->interruptMessage : "interrupted!";
}

static lua_State *volatile sigintTarget = NULL;

static void on_sigint(int signal) {
    (void)signal;
    lua_State *L = sigintTarget;
    if (L != NULL) lshim_interrupt(L, "interrupted!", 0);
}

void lshim_catch_sigint(lua_State *L) {
    sigintTarget = L;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = L != NULL ? on_sigint : SIG_DFL;
    sigaction(SIGINT, &action, NULL);
}
