import LuaShim

/// A Swift function callable from Lua: reads its arguments from the call, pushes its results and
/// returns how many it pushed. It reports failures by throwing, never by raising a Lua error.
public typealias LuaFunction = @Sendable (LuaCall) throws -> Int32

/// Holds a Swift function for as long as Lua keeps the closure that calls it.
final class FunctionBox {
    let body: LuaFunction

    init(_ body: @escaping LuaFunction) {
        self.body = body
    }
}

/// The one entry point from the C trampoline into Swift: runs the function and turns any error into
/// a failure report, so no Lua error is raised while a Swift frame is on the stack.
private func dispatchFunction(
    _ L: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ failure: UnsafeMutablePointer<lshim_Failure>?
) -> Int32 {
    guard let L, let context, let failure else { return 0 }
    do {
        // The closure userdata keeps the box alive for the whole call: no retain needed.
        return try Unmanaged<FunctionBox>.fromOpaque(context)._withUnsafeGuaranteedRef { try $0.body(LuaCall(L)) }
    } catch LuaError.propagate {
        report(.propagate, to: failure)
    } catch where lshim_interrupt_requested(L) != 0 {
        // Work that stopped for the interrupt (or failed meanwhile) reports the interrupt itself.
        report(.message(String(cString: lshim_interrupt_message(L))), to: failure)
    } catch let error as LuaError {
        report(error, to: failure)
    } catch {
        report(.message(String(describing: error)), to: failure)
    }
    return -1
}

/// Fills the trampoline's failure record from a Swift error.
private func report(_ error: LuaError, to failure: UnsafeMutablePointer<lshim_Failure>) {
    switch error {
    case .argument(let position, let message):
        failure.pointee.kind = Int32(LSHIM_FAILURE_ARGUMENT.rawValue)
        failure.pointee.argument = position
        copyMessage(message, into: failure)
    case .message(let message):
        failure.pointee.kind = Int32(LSHIM_FAILURE_MESSAGE.rawValue)
        copyMessage(message, into: failure)
    case .propagate:
        failure.pointee.kind = Int32(LSHIM_FAILURE_VALUE.rawValue)
    }
}

/// Copies a message into the fixed C buffer, cut at a character boundary if it is too long.
private func copyMessage(_ message: String, into failure: UnsafeMutablePointer<lshim_Failure>) {
    withUnsafeMutableBytes(of: &failure.pointee.message) { buffer in
        var bytes = Array(message.utf8)
        if bytes.count >= buffer.count {
            var end = buffer.count - 1
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // do not split a UTF-8 sequence
            bytes.removeSubrange(end...)
        }
        buffer.copyBytes(from: bytes)
        buffer[bytes.count] = 0
    }
}

/// Releases a retained Swift object when Lua collects the userdata holding it.
func releaseRetained(_ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<AnyObject>.fromOpaque(context).release()
}

extension LuaCall {
    /// Pushes `function` as a Lua function value.
    public func push(function: @escaping LuaFunction) {
        let context = Unmanaged.passRetained(FunctionBox(function)).toOpaque()
        lshim_pushclosure(L, dispatchFunction, context, releaseRetained)
    }
}
