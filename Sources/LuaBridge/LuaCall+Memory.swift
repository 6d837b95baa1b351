import Glibc
import LuaShim

extension LuaCall {
    /// Checks, before a Swift function allocates `bytes` outside Lua (a network's weights, a big
    /// matrix), that they fit: within the state's memory cap when it has one, else within the
    /// machine's memory. A request that does not fit throws `not enough memory for WHAT (SIZE)`, so
    /// a script asking too much fails cleanly instead of ending the host.
    /// - Parameter bytes: the size, computed in floating point so that no product of user input overflows.
    public func reserveMemory(_ bytes: Double, for what: String) throws(LuaError) {
        let limit = Double(lshim_memory_limit(L))
        let budget = limit > 0 ? limit - Double(lshim_memory_used(L)) : Self.physicalMemory
        guard bytes > budget else { return }
        throw .message("not enough memory for \(what) (\(Self.describeBytes(bytes)))")
    }

    /// The machine's physical memory in bytes.
    static var physicalMemory: Double {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return .infinity }
        return Double(pages) * Double(size)
    }

    /// `305.2 GiB`, `12.0 MiB`, `100 bytes`.
    static func describeBytes(_ bytes: Double) -> String {
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
