import LuaBridge
import OrderSources

/// Which databases a state's scripts may open: any (the default), or in the sandbox only the
/// PostgreSQL and ClickHouse servers named on the command line and the SQLite files the file policy lets them read.
enum DatabaseAccess {
    /// Where a sandboxed state keeps its ``DatabaseAllowList`` in `LuaState.hostValues`.
    static let hostKey = "sandbox.databases"

    /// The database a script may open for `database` (in the sandbox, the named server it stands
    /// for), or a Lua error saying why it may not.
    static func check(_ database: DatabaseURL, _ call: LuaCall) throws(LuaError) -> DatabaseURL {
        switch database {
        case .sqlite(let path):
            if let policy = call.fileAccess {
                do { _ = try policy.checkRead(path) } catch { throw .message(error.description) }
            }
            return database
        case .postgres(let address):
            guard let allowed = call.state?.hostValues[hostKey] as? DatabaseAllowList else { return database }
            do { return .postgres(try allowed.permit(address)) } catch { throw .message(error.message) }
        case .clickhouse(let address):
            guard let allowed = call.state?.hostValues[hostKey] as? DatabaseAllowList else { return database }
            do { return .clickhouse(try allowed.permit(address)) } catch { throw .message(error.message) }
        }
    }
}

extension FlashLua {
    /// Lets the scripts of a sandboxed state open only the PostgreSQL and ClickHouse servers in `allowed`.
    public static func confineDatabases(_ state: LuaState, to allowed: DatabaseAllowList) {
        state.hostValues[DatabaseAccess.hostKey] = allowed
    }
}
