extension Matrix {
    /// The same matrix in another precision.
    public func converted<U: NNScalar>(to _: U.Type = U.self) -> Matrix<U> {
        var result = Matrix<U>(rows: rows, columns: columns)
        for i in 0..<count { result.storage[i] = U(storage[i]) }
        return result
    }

    /// The rows at `indices`, in that order.
    public func gathering(rows indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        result.gather(from: self, rows: indices[...])
        return result
    }

    /// Overwrites this matrix with the rows of `source` at `indices`, reusing the storage.
    mutating func gather(from source: Matrix, rows indices: ArraySlice<Int>) {
        reshape(rows: indices.count, columns: source.columns)
        let rowBytes = columns * MemoryLayout<T>.stride
        storage.withUnsafeMutableBytes { target in
            source.storage.withUnsafeBytes { from in
                guard let to = target.baseAddress, let base = from.baseAddress else { return }
                var target = to
                for index in indices {
                    target.copyMemory(from: base + index * rowBytes, byteCount: rowBytes)
                    target += rowBytes
                }
            }
        }
    }
}
