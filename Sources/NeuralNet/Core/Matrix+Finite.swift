extension Matrix {
    /// The 1-based row and column of the first NaN or infinite element, or nil when all are finite.
    public var firstNonFinite: (row: Int, column: Int)? {
        for i in 0..<count where !storage[i].isFinite { return (i / columns + 1, i % columns + 1) }
        return nil
    }

    /// Throws unless every element is finite, naming the matrix (`inputs`) and the first bad element.
    func checkFinite(_ name: String) throws(NeuralNetError) {
        guard let (row, column) = firstNonFinite else { return }
        throw .invalidArgument("\(name) row \(row), column \(column) is \(self[row - 1, column - 1]), not a finite number")
    }
}
