import LuaBridge
import NeuralNet

/// The `Matrix` userdata: `m:rows()`, `m:cols()`, `m[i]` (row i as a table), `#m`, `m:totable()`,
/// `tostring(m)` = `Matrix(940x60)`.
enum MatrixClass {
    static let methods: [LuaMethod<MatrixObject>] = [
        LuaMethod("rows", "m:rows() -> integer", "The number of rows (samples).") { call, m in
            call.push(m.matrix.rows)
            return 1
        },
        LuaMethod("cols", "m:cols() -> integer", "The number of columns (features).") { call, m in
            call.push(m.matrix.columns)
            return 1
        },
        LuaMethod("totable", "m:totable() -> {{numbers}}", "The rows as a Lua array of arrays.") { call, m in
            call.pushRows(m.matrix)
            return 1
        },
        LuaMethod("column", "m:column(j) -> {numbers}", "Column j (1-based) as a Lua array, e.g. the predictions of a one-output model.") { call, m in
            let column = try call.integer(2)
            guard column >= 1, column <= m.matrix.columns else {
                throw LuaError.argument(position: 2, message: "column \(column) out of range 1..\(m.matrix.columns)")
            }
            call.push((0..<m.matrix.rows).map { m.matrix[$0, column - 1] })
            return 1
        },
    ]

    static let registration = LuaClass<MatrixObject>(
        summary: """
            Rows of numbers for the network: samples by features (nn.matrix, nn.windows, model:forward). m[i] is \
            a new table on every read, a copy of row i (kept, the rows would double the matrix's memory).
            """,
        methods: methods,
        describe: { "Matrix(\($0.matrix.rows)x\($0.matrix.columns))" },
        length: { $0.matrix.rows },
        index: { call, m in
            // m[i]: row i as a table, nil outside 1..#m
            guard call.type(at: 2) == .number, let row = try? call.integer(2), row >= 1, row <= m.matrix.rows else {
                call.pushNil()
                return 1
            }
            call.push(Array(m.matrix.row(row - 1)))
            return 1
        })
}
