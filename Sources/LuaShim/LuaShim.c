#include "LuaShim.h"
#include "OutputShim.h"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Deeper nesting of coroutine resumes is refused by Lua itself (C stack overflow at about 200). */
#define LSHIM_RUNNING_MAX 256

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
    /* 0, or the lshim_InterruptKind requested; it stays until the host clears it */
    volatile sig_atomic_t interrupt;
    struct timespec interruptedAt;
    char interruptMessage[256];
    /* The coroutines being resumed, outermost first: an interrupt must reach the running one. */
    lua_State *volatile running[LSHIM_RUNNING_MAX];
    volatile sig_atomic_t runningDepth;
    /* os.exit(code, true) is unwinding the script: see lshim_begin_closing_exit */
    int closingExit;
    /* 1 while a thread runs the state (in its outermost lshim_pcall), and which thread */
    volatile sig_atomic_t onThread;
    pthread_t thread;
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
    rt->closingExit = 0;  /* finalizers may use pcall as usual */
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

static void enter_thread(lua_State *L, lshim_Runtime *rt, sigset_t *mask);
static void leave_thread(lshim_Runtime *rt, lua_State *outer, const sigset_t *mask);
static lua_State *running_here(void);

int lshim_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    lshim_Runtime *rt = runtime_of(L);
    int depth = rt->swiftDepth;
    rt->swiftDepth = 0;  /* inside pcall, errors land in pcall, not in Swift */
    lua_State *outer = running_here();
    sigset_t mask;
    if (outer != L) enter_thread(L, rt, &mask);
    int status = lua_pcallk(L, nargs, nresults, msgh, 0, NULL);
    if (outer != L) leave_thread(rt, outer, &mask);
    rt->swiftDepth = depth;
    return status;
}

int lshim_traceback(lua_State *L) {
    if (runtime_of(L)->closingExit) return 1;  /* lua_close calls no handler: the closing sees the error as is */
    const char *message = lua_tostring(L, 1);
    if (message == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    size_t length = strlen(message);
    luaL_traceback(L, L, message, 1);
    lshim_add_noted_lines(L, 1, length + strlen("\nstack traceback:"));
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

int lshim_is_trampoline(lua_CFunction function) { return function == trampoline; }

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
    Retained *box = (Retained *)lua_newuserdatauv(L, sizeof(Retained), 1);  /* user value: kept field values */
    box->pointer = object;
    box->release = release;
    box->footprint = 0;
    luaL_setmetatable(L, typeName);
    account(L, box, footprint);
}

void lshim_setfootprint(lua_State *L, int index, void *object, size_t footprint) {
    /* cheaper than luaL_testudata (this runs after every method): only an object box holds `object` */
    if (lua_type(L, index) != LUA_TUSERDATA || lua_rawlen(L, index) != sizeof(Retained)) return;
    Retained *box = (Retained *)lua_touserdata(L, index);
    if (box->pointer == object && box->footprint != footprint)
        account(L, box, footprint);
}

void *lshim_toobject(lua_State *L, int index, const char *typeName) {
    Retained *box = (Retained *)luaL_testudata(L, index, typeName);
    return box == NULL ? NULL : box->pointer;
}

void lshim_pushobjectgc(lua_State *L) { lua_pushcfunction(L, release_retained); }

/* ---- interrupts ----
 * Lua 5.4 facts this rests on (ldo.c, ldebug.c, lgc.c, lstate.c):
 * - hooks are per thread: lua_sethook on the main thread does not reach a running coroutine, so
 *   resume tracks the coroutines running and an interrupt hooks each of them;
 * - a hook runs with hooks disabled and an error raised by it calls the message handler before
 *   unwinding, so a Lua message handler would run uninterruptibly: xpcall skips it for an interrupt;
 * - pcall catches the error: the request stays until the host clears it, and the hook raises again;
 * - finalizers always run with hooks disabled: only the host's watchdog can end one that loops.
 * A count hook slows every instruction whatever its count (luaG_traceexec counts each one down),
 * so none is set until an interrupt is requested.
 */

static const char *interrupt_message(lshim_Runtime *rt) {
    return rt->interruptMessage[0] ? rt->interruptMessage : "interrupted!";
}

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lshim_Runtime *rt = runtime_of(L);
    if (!rt->interrupt) {
        lua_sethook(L, NULL, 0, 0);  /* withdrawn, or inherited by a coroutine made meanwhile */
        return;
    }
    luaL_error(L, "%s", interrupt_message(rt));
}

static void hook_thread(lua_State *L) { lua_sethook(L, interrupt_hook, LUA_MASKCOUNT, 1); }

/* Hooks the state's main thread and the coroutines running: only on the thread running the state. */
static void hook_running(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    hook_thread(L);
    int depth = rt->runningDepth;
    for (int i = 0; i < depth && i < LSHIM_RUNNING_MAX; i++) {
        lua_State *co = rt->running[i];
        if (co != NULL) hook_thread(co);
    }
}

/* ---- interrupts from other threads ----
 * lua_sethook walks the CallInfo list of the thread it hooks (settraps), which the thread running
 * the state frees and reuses as it calls, returns and collects: walked from another thread, it may
 * write to freed memory. lua.c calls it from a signal handler, which runs on the Lua thread itself,
 * and so do we: a request from another thread (a watchdog, a signal delivered to another thread)
 * sends HOOK_SIGNAL to the thread running the state, whose handler sets the hooks; a state that is
 * not running is hooked when it next runs. The signal is unblocked while the state runs (dispatch's
 * worker threads block it). */

#define HOOK_SIGNAL SIGURG  /* ignored by default: a stray one does nothing */

static __thread lua_State *runningHere = NULL;  /* the state this thread runs, if any */
static pthread_once_t hookSignalInstalled = PTHREAD_ONCE_INIT;

static lua_State *running_here(void) { return runningHere; }

static void on_hook_signal(int signal) {
    (void)signal;
    lua_State *L = runningHere;
    if (L != NULL && __atomic_load_n(&runtime_of(L)->interrupt, __ATOMIC_SEQ_CST)) hook_running(L);
}

static void install_hook_signal(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_hook_signal;
    action.sa_flags = SA_RESTART;
    sigaction(HOOK_SIGNAL, &action, NULL);
}

static void enter_thread(lua_State *L, lshim_Runtime *rt, sigset_t *mask) {
    pthread_once(&hookSignalInstalled, install_hook_signal);
    sigset_t hook;
    sigemptyset(&hook);
    sigaddset(&hook, HOOK_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &hook, mask);
    rt->thread = pthread_self();
    runningHere = L;
    __atomic_store_n(&rt->onThread, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&rt->interrupt, __ATOMIC_SEQ_CST)) hook_running(L);  /* requested meanwhile */
}

static void leave_thread(lshim_Runtime *rt, lua_State *outer, const sigset_t *mask) {
    __atomic_store_n(&rt->onThread, 0, __ATOMIC_SEQ_CST);
    runningHere = outer;
    pthread_sigmask(SIG_SETMASK, mask, NULL);
}

void lshim_interrupt(lua_State *L, const char *message, int kind) {
    lshim_Runtime *rt = runtime_of(L);
    if (rt->interrupt < kind) {  /* a final request keeps its message */
        size_t i = 0;
        for (; message != NULL && message[i] != '\0' && i + 1 < sizeof rt->interruptMessage; i++)
            rt->interruptMessage[i] = message[i];
        rt->interruptMessage[i] = '\0';
        if (!rt->interrupt) clock_gettime(CLOCK_MONOTONIC, &rt->interruptedAt);
        __atomic_store_n(&rt->interrupt, kind, __ATOMIC_SEQ_CST);
    }
    if (!__atomic_load_n(&rt->onThread, __ATOMIC_SEQ_CST)) return;  /* hooked when it next runs */
    if (runningHere == L) {
        hook_running(L);  /* on the thread running it: Swift code it called, or a signal handler there */
    } else {
        pthread_kill(rt->thread, HOOK_SIGNAL);
    }
}

void lshim_clear_interrupt(lua_State *L) {
    runtime_of(L)->interrupt = 0;
    runtime_of(L)->closingExit = 0;
    lua_sethook(L, NULL, 0, 0);  /* hooks left on coroutines remove themselves when they next run */
}

int lshim_interrupt_requested(lua_State *L) { return runtime_of(L)->interrupt; }

int lshim_take_user_interrupt(lua_State *L) {
    int kind = runtime_of(L)->interrupt;
    if (kind == LSHIM_INTERRUPT_USER) lshim_clear_interrupt(L);
    return kind;
}

const char *lshim_interrupt_message(lua_State *L) { return interrupt_message(runtime_of(L)); }

double lshim_interrupt_seconds(lua_State *L) {
    lshim_Runtime *rt = runtime_of(L);
    if (!rt->interrupt) return 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - rt->interruptedAt.tv_sec) + (now.tv_nsec - rt->interruptedAt.tv_nsec) / 1e9;
}

/* coroutine.resume and coroutine.wrap as in lcorolib.c, with the coroutine tracked while it runs */

static int tracked_resume(lua_State *L, lua_State *co, int narg) {
    lshim_Runtime *rt = runtime_of(L);
    int nres;
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    int depth = rt->runningDepth;
    if (depth < LSHIM_RUNNING_MAX) rt->running[depth] = co;
    rt->runningDepth = depth + 1;
    if (rt->interrupt) hook_thread(co);
    int status = lua_resume(co, L, narg, &nres);
    rt->runningDepth = depth;
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);  /* drop the results */
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);  /* move the yielded values */
        return nres;
    }
    lua_xmove(co, L, 1);  /* move the error message */
    return -1;
}

static lua_State *coroutine_argument(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTHREAD);  /* worded as Debian's Lua 5.4.4 does */
    return lua_tothread(L, 1);
}

/* ---- os.exit(code, true) ----
 * lua's os.exit(code, true) calls lua_close, which closes the main thread's pending to-be-closed
 * variables (error argument nil, innermost first) and then runs the finalizers; a coroutine's own
 * variables are not closed. Here the host must close the state, so the exit unwinds the script
 * with a nil error instead: unwinding closes the same variables with the same nil, and while the
 * exit is on, pcall, xpcall and coroutine.resume pass a nil error on, coroutine.wrap does not close
 * the coroutine's variables, and xpcall calls no message handler for it. */

void lshim_begin_closing_exit(lua_State *L) { runtime_of(L)->closingExit = 1; }

/* True when the error on top of the stack is the closing exit going by. */
static int exit_goes_on(lua_State *L) { return runtime_of(L)->closingExit && lua_isnil(L, -1); }

/* The end of pcall and xpcall (also their continuation after a yield): false and the error, or
 * true and the results above the `extra` slots below them; the closing exit goes on. */
static int finish_pcall(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        if (exit_goes_on(L)) return lua_error(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);  /* the error */
        return 2;
    }
    return lua_gettop(L) - (int)extra;  /* all the results */
}

/* pcall as in lbaselib.c, except that the closing exit goes on */
static int exiting_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);  /* true below the function */
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

static int coroutine_resume(lua_State *L) {
    lua_State *co = coroutine_argument(L);
    int results = tracked_resume(L, co, lua_gettop(L) - 1);
    if (results < 0 && exit_goes_on(L)) return lua_error(L);
    lua_pushboolean(L, results >= 0);
    lua_insert(L, results < 0 ? -2 : -(results + 1));  /* true or false before the values */
    return results < 0 ? 2 : results + 1;
}

static int wrapped_coroutine(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int results = tracked_resume(L, co, lua_gettop(L));
    if (results >= 0) return results;
    if (exit_goes_on(L)) return lua_error(L);  /* lua_close leaves the coroutine's variables open */
    int status = lua_status(co);
    if (status != LUA_OK && status != LUA_YIELD) {  /* an error in the coroutine */
        status = lua_resetthread(co);  /* close its to-be-closed variables */
        lua_xmove(co, L, 1);  /* move the error message to the caller */
    }
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);  /* the position before the message */
    }
    return lua_error(L);
}

static int coroutine_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);  /* the function to run */
    lua_pushcclosure(L, wrapped_coroutine, 1);
    return 1;
}

/* xpcall as in lbaselib.c, except that an interrupt never reaches the Lua message handler */

static int guarded_handler(lua_State *L) {
    if (runtime_of(L)->interrupt || exit_goes_on(L)) return 1;  /* the interrupt's message, unchanged */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);  /* the user's handler */
    return 1;
}

static int guarded_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);  /* the guard in place of the handler */
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);  /* true and the function below its arguments */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
    return finish_pcall(L, status, 2);
}

static int install_interruptible(lua_State *L) {
    if (lua_getglobal(L, "coroutine") == LUA_TTABLE) {
        lua_pushcfunction(L, coroutine_resume);
        lua_setfield(L, -2, "resume");
        lua_pushcfunction(L, coroutine_wrap);
        lua_setfield(L, -2, "wrap");
    }
    lua_pushcfunction(L, guarded_xpcall);
    lua_setglobal(L, "xpcall");
    lua_pushcfunction(L, exiting_pcall);
    lua_setglobal(L, "pcall");
    return 0;
}

int lshim_open_interruptible(lua_State *L) {
    lua_pushcfunction(L, install_interruptible);
    return lshim_pcall(L, 0, 0, 0);
}

/* ---- SIGINT, as in lua.c ---- */

static lua_State *volatile sigintTarget = NULL;

static void on_sigint(int signal) {
    lua_State *L = sigintTarget;
    if (L == NULL) return;
    if (lshim_interrupt_seconds(L) >= LSHIM_STUCK_SECONDS) {
        static const char message[] = "\nflashcast: quitting: the command did not stop\n";
        write(STDERR_FILENO, message, sizeof message - 1);
        oshim_remove_temporaries();
        _exit(128 + signal);
    }
    lshim_interrupt(L, "interrupted!", LSHIM_INTERRUPT_USER);
}

void lshim_catch_sigint(lua_State *L) {
    sigintTarget = L;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = L != NULL ? on_sigint : SIG_DFL;
    sigaction(SIGINT, &action, NULL);
}
