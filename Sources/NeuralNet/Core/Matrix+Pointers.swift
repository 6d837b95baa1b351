extension Matrix {
    /// Calls `body` with the address of the elements; does nothing for an empty matrix.
    @inline(__always) func read(_ body: (UnsafePointer<T>) -> Void) {
        scalars.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { body(base) }
        }
    }

    /// Calls `body` with the mutable address of the elements; does nothing for an empty matrix.
    @inline(__always) mutating func write(_ body: (UnsafeMutablePointer<T>) -> Void) {
        scalars.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { body(base) }
        }
    }

    /// Whether the matrix has exactly `rows x columns` elements.
    func hasShape(_ rows: Int, _ columns: Int) -> Bool {
        self.rows == rows && self.columns == columns
    }

    /// The shape as `RxC`, for messages.
    var shapeDescription: String { "\(rows)x\(columns)" }
}
