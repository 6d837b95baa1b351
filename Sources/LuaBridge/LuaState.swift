import LuaShim

/// One Lua interpreter with FlashCast's bridge installed: memory accounting, interrupts and the
/// registries of Swift functions and classes.
///
/// A `LuaState` is not thread-safe; use it from one thread at a time. Only ``interruptHandle``
/// may be used from another thread or a signal handler.
public final class LuaState {
    /// The underlying `lua_State *` of the main thread.
    public let pointer: OpaquePointer

    /// Creates a state with Lua's standard libraries opened (unless `openStandardLibraries` is false).
    /// - Parameter memoryLimit: bytes the state may hold (nil: no limit); past it Lua raises "not enough memory".
    /// - Parameter ignoringEnvironment: `package` ignores `LUA_PATH` and `LUA_CPATH`, as with `lua -E`.
    public init(memoryLimit: Int? = nil, openStandardLibraries: Bool = true, ignoringEnvironment: Bool = false)
        throws(LuaScriptError)
    {
        guard let pointer = lshim_newstate(memoryLimit.map { max(1, $0) } ?? 0) else {
            throw LuaScriptError(kind: .memory, message: "not enough memory")
        }
        self.pointer = pointer
        lshim_set_host(pointer, Unmanaged.passUnretained(self).toOpaque())
        lshim_open_warnings(pointer)
        if ignoringEnvironment {
            lua_pushboolean(pointer, 1)
            lua_setfield(pointer, lshim_registryindex, "LUA_NOENV")  // read by luaopen_package
        }
        if openStandardLibraries {
            luaL_openlibs(pointer)
            guard lshim_open_interruptible(pointer) == LUA_OK else {
                throw LuaScriptError(kind: .memory, message: "not enough memory")
            }
        }
    }

    deinit {
        if !isClosed { lshim_close(pointer) }
    }

    /// Whether ``close()`` has run.
    public private(set) var isClosed = false

    /// Closes the interpreter now, running its finalizers (which may take long: see ``LuaWatchdog``).
    /// Nothing may use the state afterwards.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        lshim_close(pointer)
    }

    /// The `LuaState` that owns the interpreter `L` (also from a coroutine's thread).
    public static func owning(_ L: OpaquePointer) -> LuaState? {
        guard let host = lshim_host(L) else { return nil }
        return Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue()
    }

    /// Bytes counted against the memory cap now: Lua's own allocations plus the Swift memory its
    /// objects hold (``swiftMemoryHeld``) and the reservations of Swift functions still running.
    public var memoryUsed: Int { Int(lshim_memory_used(pointer)) }

    /// Bytes Lua's allocator holds now (what `collectgarbage("count")` reports, in bytes).
    public var luaMemoryUsed: Int { Int(lshim_memory_lua(pointer)) }

    /// Bytes the Swift objects that Lua holds keep alive now (the sum of their `memoryFootprint`s).
    public var swiftMemoryHeld: Int { Int(lshim_memory_external(pointer)) }

    /// The most bytes counted against the memory cap at once.
    public var memoryPeak: Int { Int(lshim_memory_peak(pointer)) }

    /// Changes the memory cap (nil: no limit).
    public func setMemoryLimit(_ bytes: Int?) {
        lshim_set_memory_limit(pointer, bytes.map { max(1, $0) } ?? 0)
    }

    /// A handle that can interrupt this state from another thread or a signal handler.
    public var interruptHandle: LuaInterruptHandle { LuaInterruptHandle(pointer: pointer) }

    /// Libraries opened with ``open(_:)``, in order, for help.
    public internal(set) var openedLibraries: [LuaLibrary] = []

    /// Values the host keeps for its Swift functions (for example a sandbox policy), by key.
    public var hostValues: [String: any Sendable] = [:]

    /// Runs a full garbage collection.
    public func collectGarbage() {
        lshim_collectgarbage(pointer)
    }

    /// Number of values on the stack.
    public var top: Int32 { lua_gettop(pointer) }
}

/// Interrupts a running Lua state; usable from any thread and from signal handlers.
public struct LuaInterruptHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Makes the running Lua code, in whatever coroutine, raise `message` at its next instruction,
    /// and again after every `pcall` that catches it, until the request is cleared.
    /// - Parameter final: a timeout, `os.exit` or a signal, which a `watch` loop cannot take as a
    ///   Ctrl-C and a later Ctrl-C does not replace.
    public func interrupt(message: String = "interrupted!", final: Bool = false) {
        lshim_interrupt(pointer, message, Int32(final ? LSHIM_INTERRUPT_FINAL.rawValue : LSHIM_INTERRUPT_USER.rawValue))
    }

    /// Withdraws an interrupt request.
    public func clear() { lshim_clear_interrupt(pointer) }

    /// True while an interrupt is requested; long Swift computations poll this to stop early.
    public var isRequested: Bool { lshim_interrupt_requested(pointer) != 0 }

    /// The message the pending interrupt raises.
    public var message: String { String(cString: lshim_interrupt_message(pointer)) }

    /// How long the pending interrupt has gone unanswered (zero without one).
    public var pendingFor: Duration { .seconds(lshim_interrupt_seconds(pointer)) }
}
