import Glibc
import LuaShim

extension LuaCall {
    /// Reserves `bytes` for memory a Swift function is about to allocate outside Lua (a network's
    /// weights, training buffers, a big matrix), until it returns to Lua. Under the state's memory
    /// cap the reservation counts against the cap (after a full collection if needed); without a
    /// cap the request must fit in the machine's memory. A request that does not fit throws
    /// `not enough memory for WHAT (SIZE)`, so a script asking too much fails cleanly instead of
    /// ending the host. What the function returns is counted by its objects' footprints.
    /// - Parameter bytes: the size, computed in floating point so that no product of user input overflows.
    public func reserveMemory(_ bytes: Double, for what: String) throws(LuaError) {
        if bytes <= 0 { return }
        let bytes = bytes.isNaN ? .infinity : bytes
        let limit = Double(lshim_memory_limit(L))
        let budget = limit > 0 ? limit : Self.physicalMemory
        if bytes <= budget, limit == 0 || lshim_reserve(L, Int(bytes.rounded(.up))) != 0 { return }
        throw Self.memoryRefusal(bytes, for: what)
    }

    /// The refusal of `bytes` for `what`: `not enough memory for WHAT (SIZE)`, which the state
    /// reports as a memory error (`LuaScriptError.Kind.memory`).
    public static func memoryRefusal(_ bytes: Double, for what: String) -> LuaError {
        .message("not enough memory for \(what) (\(describeBytes(bytes)))")
    }

    /// Bytes the running function may still use under the state's memory cap (0 when over it);
    /// nil without a cap.
    public var memoryRoom: Int? {
        let limit = lshim_memory_limit(L)
        guard limit > 0 else { return nil }
        let used = lshim_memory_used(L)
        return used < limit ? limit - used : 0
    }

    /// The machine's physical memory in bytes.
    static var physicalMemory: Double {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return .infinity }
        return Double(pages) * Double(size)
    }

    /// `305.2 GiB`, `12.0 MiB`, `100 bytes`.
    public static func describeBytes(_ bytes: Double) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        guard bytes >= 1024 else { return "\(Int(bytes)) bytes" }
        var value = bytes / 1024, unit = 0
        while value >= 1024, unit + 1 < units.count {
            value /= 1024
            unit += 1
        }
        let tenths = (value * 10).rounded()
        guard tenths < 1e15 else { return "more than 1000 \(units[unit])" }
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
    }
}
