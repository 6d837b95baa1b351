import LuaBridge
import SaleData

/// The `Rows` userdata: `#t`, `t[i]` (a row as a table), `t.columns`, `tostring(t)` and the methods.
enum RowsClass {
    static let methods: [LuaMethod<RowsObject>] = [
        LuaMethod("filter", "t:filter(column, op, value) | t:filter(function(row) ... end) -> Rows", "The rows whose column compares with value: op is '==', '~=', '<', '<=', '>' or '>='; numbers with numbers, text with text. With a function, the rows for which it returns a true value; it gets each row as a table (t:filter(function(r) return r.country == 'UK' end)), and an error in it stops the filter with that error.") { call, t in
            if call.type(at: 2) == .function { return try filter(t, by: 2, call) }
            guard call.type(at: 2) == .string else {
                throw LuaError.typeMismatch(position: 2, expected: "string or function", got: call.typeName(at: 2))
            }
            let column = try call.string(2)
            let text = try call.string(3)
            guard let comparison = RowComparison(rawValue: text) else {
                let names = RowComparison.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw LuaError.argument(position: 3, message: "must be one of \(names), got '\(text)'")
            }
            let value: RowValue
            switch call.type(at: 4) {
            case .number: value = .number(try call.number(4))
            case .string: value = .text(try call.string(4))
            default: throw LuaError.typeMismatch(position: 4, expected: "number or string", got: call.typeName(at: 4))
            }
            return try call.rows(2) { () throws(RowTableError) in try t.table.filter(column, comparison, value) }
        },
        LuaMethod("sort", "t:sort(column [, 'desc']) -> Rows", "The rows ordered by a column (numbers by value, empty last; text byte by byte), equal ones kept in order.") { call, t in
            let column = try call.string(2)
            let order = try call.string(3, default: "asc")
            guard ["asc", "desc"].contains(order) else {
                throw LuaError.argument(position: 3, message: "must be 'asc' or 'desc', got '\(order)'")
            }
            return try call.rows(2) { () throws(RowTableError) in try t.table.sorted(by: column, descending: order == "desc") }
        },
        LuaMethod("head", "t:head([n]) -> Rows", "The first n rows (default 10).") { call, t in
            call.push(RowsObject(t.table.head(try call.integer(2, default: 10))))
            return 1
        },
        LuaMethod("group_by", "t:group_by(column, ...) -> Groups", "The rows grouped by the values of one or more columns; g:aggregate{...} makes one row per group.") { call, t in
            guard call.count >= 2 else { throw LuaError.typeMismatch(position: 2, expected: "string", got: "no value") }
            var keys: [String] = []
            for position in 2...call.count { keys.append(try call.string(position)) }
            for key in keys {
                do { _ = try t.table.column(key) } catch { throw LuaError.argument(position: 2, message: String(describing: error)) }
            }
            call.push(GroupsObject(t.table, keys: keys))
            return 1
        },
        LuaMethod("column", "t:column(name) -> {values}", "A column's values as a Lua array (numbers, or strings).") { call, t in
            let name = try call.string(2)
            let column: RowTable.Column
            do { column = try t.table.column(name) } catch { throw LuaError.argument(position: 2, message: String(describing: error)) }
            switch column {
            case .numbers(let values):
                call.pushTable(arrayCapacity: values.count) { array in
                    for (index, value) in values.enumerated() { array.set(index + 1) { pushNumber(value, $0) } }
                }
            case .texts(let values): call.push(values)
            }
            return 1
        },
        LuaMethod("show", "t:show([n]) -> string", "The first n rows (default 10) as an aligned table, with the count of rows below.") { call, t in
            call.push(t.table.table(rows: try call.integer(2, default: 10)))
            return 1
        },
        LuaMethod("save_csv", "t:save_csv(path) -> true | nil, message", "Writes the rows as CSV atomically; orders.rows reads them back.") { call, t in
            try call.reserveMemory(WorkMemory.csv(rows: Double(t.table.count), columns: t.table.names.count), for: "save_csv of \(t.table.count) rows")
            return try call.writeOutput(at: 2, t.table.csv().utf8)
        },
    ]

    static let luaClass = LuaClass<RowsObject>(
        summary: "Rows read by orders.rows, held by column: #t, t[i] (row i as a table), t.columns (the names), tostring(t) (the first rows, aligned).",
        methods: methods,
        describe: { $0.table.description },
        length: { $0.table.count },
        index: { call, t in
            guard call.type(at: 2) == .number, let row = try? call.integer(2), row >= 1, row <= t.table.count else { return 0 }
            pushRow(row - 1, of: t.table, call)
            return 1
        },
        fields: ["columns": { call, t in call.push(t.table.names); return 1 }], fieldTypes: ["columns": "table"])

    static let groupsClass = LuaClass<GroupsObject>(
        summary: "Rows grouped by t:group_by(...), waiting for g:aggregate{...}.",
        methods: [
            LuaMethod("aggregate", "g:aggregate{name = {how, column} | 'count', ...} -> Rows", "One row per group (in order of first appearance): the key columns, then one column per entry: how is 'sum' (exact for money), 'mean', 'min', 'max' or 'count'.") { call, g in
                try call.table(2)
                var aggregates: [(name: String, kind: RowAggregate, column: String?)] = []
                for name in call.stringKeys(2).sorted() {
                    aggregates.append((name, try aggregateKind(call, name), try aggregateColumn(call, name)))
                }
                return try call.rows(2) { () throws(RowTableError) in try g.table.grouped(by: g.keys, aggregates) }
            },
        ],
        describe: { "Groups(by \($0.keys.joined(separator: ", ")) of \($0.table.count) rows)" })

    /// The rows for which the Lua function at `function` returns a true value, called with each
    /// row's table in order; its error, if any, is raised unchanged.
    private static func filter(_ t: RowsObject, by function: Int32, _ call: LuaCall) throws(LuaError) -> Int32 {
        var kept: [Int] = []
        for row in 0..<t.table.count {
            try call.callFunction(at: function, results: 1) { call in
                pushRow(row, of: t.table, call)
                return 1
            }
            if call.boolean(-1) { kept.append(row) }
            call.pop()  // pop the verdict
        }
        call.push(RowsObject(t.table.taking(kept)))
        return 1
    }

    /// Pushes row `row` (from 0) as a table of its columns; an empty number is absent (nil).
    private static func pushRow(_ row: Int, of table: RowTable, _ call: LuaCall) {
        call.pushTable(fieldCapacity: table.names.count) { fields in
            for (name, column) in zip(table.names, table.columns) {
                switch column {
                case .numbers(let values): fields.set(name) { pushNumber(values[row], $0) }
                case .texts(let values): fields.set(name, values[row])
                }
            }
        }
    }

    /// A whole number as a Lua integer (as Lua reads `10000000` from text), else a float; NaN as nil.
    private static func pushNumber(_ value: Double, _ call: LuaCall) {
        if value.isNaN { return call.pushNil() }
        if value == value.rounded(), abs(value) < 9e15 { return call.push(Int(value)) }
        call.push(value)
    }

    /// The `how` of entry `name`: a string, or the first item of a table.
    private static func aggregateKind(_ call: LuaCall, _ name: String) throws(LuaError) -> RowAggregate {
        call.rawField(2, name)
        defer { call.pop() }  // pop the entry
        if call.type(at: -1) == .table {
            call.rawIndex(-1, 1)
            defer { call.pop() }  // pop its first item
            return try kind(call, name)
        }
        return try kind(call, name)
    }

    private static func kind(_ call: LuaCall, _ name: String) throws(LuaError) -> RowAggregate {
        let names = RowAggregate.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        guard call.type(at: -1) == .string, let text = try? call.string(-1), let kind = RowAggregate(rawValue: text) else {
            throw LuaError.argument(position: 2, message: "field '\(name)' must be one of \(names) or {how, column}")
        }
        return kind
    }

    /// The column of entry `name`: the second item of a table, or nil.
    private static func aggregateColumn(_ call: LuaCall, _ name: String) throws(LuaError) -> String? {
        call.rawField(2, name)
        defer { call.pop() }  // pop the entry
        guard call.type(at: -1) == .table else { return nil }
        call.rawIndex(-1, 2)
        defer { call.pop() }  // pop its second item
        return call.type(at: -1) == .string ? try call.string(-1) : nil
    }
}
