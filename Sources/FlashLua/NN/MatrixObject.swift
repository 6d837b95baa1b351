import LuaBridge
import NeuralNet

/// A batch of rows as Lua holds it: a userdata of type `Matrix`, made by `nn.matrix`,
/// `nn.windows` and `model:forward`.
final class MatrixObject: LuaObject {
    /// The metatable name, as messages show it: `(Matrix expected, got nil)`.
    static let luaTypeName = "Matrix"
    /// The rows.
    let matrix: Matrix<Double>

    /// Wraps a matrix.
    init(_ matrix: Matrix<Double>) {
        self.matrix = matrix
    }

    /// Its scalars.
    var memoryFootprint: Int { matrix.footprint }
}

extension LuaCall {
    /// The matrix at `index`: a Matrix userdata, or a Lua table read in one pass by Swift, either
    /// of rows (`{{1, 2}, {3, 4}}`) or of numbers (`{1, 2, 3}`, one column).
    func matrix(at index: Int32) throws(LuaError) -> Matrix<Double> {
        if let object = optionalObject(index, as: MatrixObject.self) { return object.matrix }
        guard type(at: index) == .table else {
            throw .typeMismatch(position: index, expected: MatrixObject.luaTypeName, got: type(at: index) == .none ? "no value" : typeName(at: index))
        }
        let count = length(index)
        guard count > 0 else { throw .argument(position: index, message: "matrix needs at least one row") }
        let firstIsRow = rawIndex(index, 1) == .table
        pop()  // pop the first element
        guard firstIsRow else {
            let column = try numbers(index)
            return try NNErrors.run { () throws(NeuralNetError) in try Matrix(rows: count, columns: 1, scalars: column) }
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(count)
        for position in 1...count {
            rawIndex(index, position)
            defer { pop() }  // pop the row
            guard type(at: -1) == .table else {
                throw .argument(position: index, message: "row \(position) is a \(typeName(at: -1)), expected a table")
            }
            do {
                rows.append(try numbers(-1))
            } catch {
                throw .argument(position: index, message: "row \(position): \(error.argumentMessage)")
            }
        }
        do {
            return try Matrix(rows)
        } catch {
            throw .argument(position: index, message: error.description)
        }
    }

    /// Pushes a matrix as a Matrix userdata.
    func push(_ matrix: Matrix<Double>) {
        push(MatrixObject(matrix))
    }

    /// Pushes the rows of `matrix` as a Lua array of arrays.
    func pushRows(_ matrix: Matrix<Double>) {
        pushTable(arrayCapacity: matrix.rows) { table in
            for row in 0..<matrix.rows { table.set(row + 1) { $0.push(Array(matrix.row(row))) } }
        }
    }
}

extension LuaError {
    /// The text inside `bad argument #n (...)`, or the whole message.
    var argumentMessage: String {
        if case .argument(_, let message) = self { return message }
        return description
    }
}
