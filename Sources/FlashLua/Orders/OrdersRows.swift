import LuaBridge
import SaleData

extension OrdersLibrary {
    static let rows = LuaLibraryFunction(
        "rows", "orders.rows(path) -> Rows | nil, message",
        """
        Reads a CSV with a header row into a table of rows held by column (numbers where every field \
        is one, text otherwise): t:filter('amount', '>', 100), t:group_by('customer'):aggregate{total = \
        {'sum', 'amount'}, orders = 'count'}, t:sort('total', 'desc'), t:head(5), t:save_csv(path) (read \
        back the same). A bad row returns nil, "orders.csv:17: row has 3 fields, expected 4".
        """
    ) { call in
        let path = try call.readablePath(1)
        try call.reserveMemory(WorkMemory.seriesFile(path), for: "orders.rows of '\(path)'")
        let table: RowTable
        do { table = try call.cancellable { try RowTable.read(path: path) } } catch let error as LuaError {
            throw error
        } catch {
            return call.failure(String(describing: error))
        }
        call.push(RowsObject(table))
        return 1
    }
}
