import Foundation
import LuaBridge
import Synchronization

/// The message of the error that running `code` raises, or nil if it runs cleanly.
public func luaError(_ state: LuaState, _ code: String, chunkName: String = "=test") -> String? {
    do {
        try state.execute(code, chunkName: chunkName)
        return nil
    } catch {
        return error.message
    }
}

/// Counts live instances of ``Tracked`` objects that share it, to prove objects are released.
public final class LiveCounter: Sendable {
    private let count = Mutex(0)

    /// Creates a counter at zero.
    public init() {}

    /// Live objects now.
    public var live: Int { count.withLock { $0 } }

    func add(_ delta: Int) { count.withLock { $0 += delta } }
}

/// An object whose life is counted by a ``LiveCounter``.
public final class Tracked: LuaObject {
    /// The metatable name.
    public static let luaTypeName = "Tracked"
    /// A payload, to make the object's size matter.
    public let payload: [Double]
    private let counter: LiveCounter

    /// Creates a tracked object holding `size` numbers.
    public init(_ counter: LiveCounter, size: Int = 16) {
        self.counter = counter
        payload = Array(repeating: 1, count: size)
        counter.add(1)
    }

    deinit { counter.add(-1) }
}
