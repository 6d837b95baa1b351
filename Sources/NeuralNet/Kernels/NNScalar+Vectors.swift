extension NNScalar {
    /// The number of lanes in `Vector`.
    @inline(__always) static var lanes: Int { Vector.scalarCount }

    /// Loads a vector from `pointer`, which need not be aligned.
    @inline(__always) static func load(_ pointer: UnsafePointer<Self>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    /// Stores `vector` at `pointer`, which need not be aligned.
    @inline(__always) static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Self>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
    }

    /// A vector with every lane equal to `scalar`.
    @inline(__always) static func splat(_ scalar: Self) -> Vector { Vector(repeating: scalar) }
}
