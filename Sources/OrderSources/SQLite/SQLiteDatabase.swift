import CSQLite

/// An SQLite database file opened through the C API.
public final class SQLiteDatabase {
    private let handle: OpaquePointer
    /// The file's path.
    public let path: String

    /// How a file is opened.
    public enum Mode: Sendable {
        /// Reading only: an order source never changes the shop's data.
        case readOnly
        /// Reading and writing an existing file.
        case readWrite
        /// Reading and writing, creating the file when it is missing.
        case create
    }

    /// Opens the database file (by default read-only).
    public init(path: String, mode: Mode = .readOnly) throws(OrderSourceError) {
        self.path = path
        if let reason = flashcast_sqlite_load() { throw OrderSourceError("cannot open 'sqlite:\(path)': \(String(cString: reason))") }
        var opened: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .create: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let code = flashcast_sqlite3_open_v2(path, &opened, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let reason = opened.map { String(cString: flashcast_sqlite3_errmsg($0)) } ?? String(cString: flashcast_sqlite3_errstr(code))
            flashcast_sqlite3_close(opened)
            throw OrderSourceError("cannot open 'sqlite:\(path)': \(reason)")
        }
        handle = opened
        flashcast_sqlite3_busy_timeout(handle, 5000)
    }

    deinit { flashcast_sqlite3_close(handle) }

    /// Compiles a statement; the error quotes SQLite's reason.
    public func prepare(_ sql: String) throws(OrderSourceError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard flashcast_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("cannot prepare statement")
        }
        return SQLiteStatement(statement: statement, database: self)
    }

    /// Runs statements that return no rows (schema changes, `BEGIN`, `COMMIT`).
    public func execute(_ sql: String) throws(OrderSourceError) {
        guard flashcast_sqlite3_exec(handle, sql) == SQLITE_OK else { throw error("statement failed") }
    }

    /// Runs one statement with bound values and returns its rows.
    public func rows(_ sql: String, _ values: [SQLValue] = []) throws(OrderSourceError) -> [[SQLiteStatement.Value]] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [[SQLiteStatement.Value]] = []
        while let row = try statement.step() { rows.append(row) }
        return rows
    }

    /// The error for the last failed call, with SQLite's message.
    func error(_ what: String) -> OrderSourceError {
        OrderSourceError("\(what) on 'sqlite:\(path)': \(String(cString: flashcast_sqlite3_errmsg(handle)))")
    }
}
