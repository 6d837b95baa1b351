import CSQLite

/// A compiled SQLite statement: bind values, step through rows, reset to run again.
public final class SQLiteStatement {
    /// A column value of a result row.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        /// The value as a whole number, if it is one.
        public var integer: Int64? {
            if case .integer(let value) = self { return value }
            return nil
        }
    }

    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    init(statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { flashcast_sqlite3_finalize(statement) }

    /// Binds values to `?1`, `?2`, ... after resetting the statement.
    public func bind(_ values: [SQLValue]) throws(OrderSourceError) {
        flashcast_sqlite3_reset(statement)
        flashcast_sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = flashcast_sqlite3_bind_int64(statement, index, number)
            case .real(let number): code = flashcast_sqlite3_bind_double(statement, index, number)
            case .boolean(let flag): code = flashcast_sqlite3_bind_int64(statement, index, flag ? 1 : 0)
            case .text(let text): code = flashcast_sqlite3_bind_text_copy(statement, index, text)
            }
            guard code == SQLITE_OK else { throw database.error("cannot bind parameter \(index)") }
        }
    }

    /// The next row, or nil when the statement is done.
    public func step() throws(OrderSourceError) -> [Value]? {
        switch flashcast_sqlite3_step(statement) {
        case SQLITE_ROW:
            return (0..<flashcast_sqlite3_column_count(statement)).map { column in
                switch flashcast_sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: return .integer(flashcast_sqlite3_column_int64(statement, column))
                case SQLITE_FLOAT: return .real(flashcast_sqlite3_column_double(statement, column))
                case SQLITE_NULL: return .null
                default: return .text(String(cString: flashcast_sqlite3_column_text(statement, column)))
                }
            }
        case SQLITE_DONE: return nil
        default: throw database.error("statement failed")
        }
    }
}
