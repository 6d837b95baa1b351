#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Matrix {
    /// Calls `body` with the address of the elements; does nothing for an empty matrix.
    @inline(__always) func read(_ body: (UnsafePointer<T>) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { body(base) }
        }
    }

    /// Calls `body` with the mutable address of the elements; does nothing for an empty matrix.
    @inline(__always) mutating func write(_ body: (UnsafeMutablePointer<T>) -> Void) {
        storage.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { body(base) }
        }
    }

    /// Sets every element to zero (a `memset`, fast even in unspecialised code).
    mutating func zero() {
        let bytes = count * MemoryLayout<T>.stride
        storage.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { memset(base, 0, bytes) }
        }
    }

    /// Copies the elements of `source`, which has the same shape, with a `memcpy`.
    mutating func copyElements(of source: Matrix) {
        let bytes = count * MemoryLayout<T>.stride
        storage.withUnsafeMutableBytes { to in
            source.storage.withUnsafeBytes { from in
                if let target = to.baseAddress, let base = from.baseAddress { target.copyMemory(from: base, byteCount: bytes) }
            }
        }
    }

    /// Whether the matrix has exactly `rows x columns` elements.
    func hasShape(_ rows: Int, _ columns: Int) -> Bool {
        self.rows == rows && self.columns == columns
    }

    /// The shape as `RxC`, for messages.
    var shapeDescription: String { "\(rows)x\(columns)" }
}
