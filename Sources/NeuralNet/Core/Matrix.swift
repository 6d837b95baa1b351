/// A batch of rows: a row-major, contiguous matrix of `rows x columns` scalars.
public struct Matrix<T: NNScalar>: Equatable, Sendable {
    /// The number of rows (samples in a batch).
    public private(set) var rows: Int
    /// The number of columns (features per sample).
    public private(set) var columns: Int
    /// The elements row after row, then unused capacity kept so that layers can switch between
    /// batch sizes without reallocating.
    var storage: [T]

    /// The number of elements, `rows * columns`.
    public var count: Int { rows * columns }

    /// The elements, row after row.
    public var scalars: [T] { Array(storage[..<count]) }

    /// An empty matrix.
    public init() {
        rows = 0
        columns = 0
        storage = []
    }

    /// A matrix of `rows x columns` elements, all equal to `value`.
    public init(rows: Int, columns: Int, repeating value: T = 0) {
        self.rows = Swift.max(rows, 0)
        self.columns = Swift.max(columns, 0)
        storage = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix over `scalars` given row after row; throws when the count does not match.
    public init(rows: Int, columns: Int, scalars: [T]) throws(NeuralNetError) {
        guard rows >= 0, columns >= 0, scalars.count == rows * columns else {
            throw .shape("\(scalars.count) values do not fill a \(rows)x\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        storage = scalars
    }

    /// A matrix whose rows are `rows`; throws when they differ in length.
    public init(_ rows: [[T]]) throws(NeuralNetError) {
        let width = rows.first?.count ?? 0
        var scalars: [T] = []
        scalars.reserveCapacity(rows.count * width)
        for (index, row) in rows.enumerated() {
            guard row.count == width else {
                throw .shape("row \(index + 1) has \(row.count) values, expected \(width)")
            }
            scalars.append(contentsOf: row)
        }
        self.rows = rows.count
        columns = width
        storage = scalars
    }

    /// The element at `row`, `column` (0-based).
    public subscript(row: Int, column: Int) -> T {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The elements of one row.
    public func row(_ index: Int) -> ArraySlice<T> {
        storage[index * columns..<(index + 1) * columns]
    }

    /// Whether both have the same shape and elements.
    public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.storage[..<lhs.count] == rhs.storage[..<rhs.count]
    }

    /// Changes the shape; the storage grows when needed and never shrinks.
    mutating func reshape(rows: Int, columns: Int) {
        if rows * columns > storage.count { storage = Array(repeating: 0, count: rows * columns) }
        self.rows = rows
        self.columns = columns
    }
}
