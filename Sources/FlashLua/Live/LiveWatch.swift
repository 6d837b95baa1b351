import Glibc
import LuaBridge

/// `watch(seconds [, times])`: a status block every few seconds until Ctrl-C.
enum LiveWatch {
    /// Refreshes `object` and prints each status; Ctrl-C ends the loop normally (back to the prompt).
    static func run(_ object: LiveSaleObject, _ call: LuaCall, secondsAt position: Int32) throws -> Int32 {
        let seconds = try call.number(position, default: 60)
        guard seconds > 0, seconds.isFinite else {
            throw LuaError.argument(position: position, message: "must be a positive number of seconds, got \(seconds)")
        }
        let times = call.isNoneOrNil(position + 1) ? nil : try call.integer(position + 1)
        if let times, times < 1 { throw LuaError.argument(position: position + 1, message: "must be at least 1, got \(times)") }
        let callback = call.isNoneOrNil(position + 2) ? nil : try call.function(position + 2)
        printLine("watching \(object.sale.source): a status every \(ScriptClock.seconds(seconds)) s, Ctrl-C stops")
        var refreshes = 0
        while true {
            let status = try object.refresh(call)
            if try call.takeUserInterrupt() { break }
            printLine(status.text)
            refreshes += 1
            if let callback {
                try call.callFunction(at: callback, results: 1) { $0.push(LiveStatusObject(status)); return 1 }
                defer { call.pop() }  // pop the callback's result
                if call.type(at: -1) == .boolean, !call.boolean(-1) { return 0 }
            }
            if let times, refreshes >= times { return 0 }
            if try sleepUnlessStopped(call, seconds: seconds) { break }
        }
        printLine("stopped watching")
        return 0
    }

    /// Waits `seconds`; true when Ctrl-C cut the wait short.
    private static func sleepUnlessStopped(_ call: LuaCall, seconds: Double) throws(LuaError) -> Bool {
        var left = seconds
        while left > 0 {
            let slice = min(left, 0.05)
            usleep(UInt32(slice * 1_000_000))
            left -= slice
            if try call.takeUserInterrupt() { return true }
        }
        return false
    }

    /// Writes a line to standard output straight from Swift: no Lua code runs, so a Ctrl-C can only
    /// land where the loop looks for it. (Lua's `print` flushes each line, so the order holds.)
    static func printLine(_ text: String) {
        var bytes = Array((text + "\n").utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Seconds as people write them: `60`, `0.5`.
enum ScriptClock {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
