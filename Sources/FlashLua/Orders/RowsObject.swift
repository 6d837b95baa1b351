import LuaBridge
import SaleData

/// A `RowTable` as Lua holds it: a userdata of type `Rows`, made by `orders.rows`.
final class RowsObject: LuaObject {
    static let luaTypeName = "Rows"
    let table: RowTable

    init(_ table: RowTable) {
        self.table = table
    }

    /// Its columns: 8 bytes a number, about 40 a text.
    var memoryFootprint: Int {
        table.columns.reduce(64) { total, column in
            if case .numbers = column { return total + column.count * 8 }
            return total + column.count * 40
        }
    }
}

/// Rows grouped by key columns, waiting for `aggregate`: a userdata of type `Groups`.
final class GroupsObject: LuaObject {
    static let luaTypeName = "Groups"
    let table: RowTable
    let keys: [String]

    init(_ table: RowTable, keys: [String]) {
        self.table = table
        self.keys = keys
    }
}

extension LuaCall {
    /// Runs a row-table operation, its misuse reported as an argument error at `position`.
    func rows(_ position: Int32, _ make: () throws(RowTableError) -> RowTable) throws(LuaError) -> Int32 {
        do { push(RowsObject(try make())) } catch { throw .argument(position: position, message: error.description) }
        return 1
    }
}
