extension NNScalar {
    /// The dot product of two arrays of `count` elements.
    @inline(__always) static func dot(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, count: Int) -> Self {
        var acc = Vector()
        var i = 0
        while i + lanes <= count {
            acc = acc.addingProduct(load(a + i), load(b + i))
            i += lanes
        }
        var sum = acc.sum()
        while i < count {
            sum = sum.addingProduct(a[i], b[i])
            i += 1
        }
        return sum
    }

    /// `result = source * factor`.
    @inline(__always) static func scaledCopy(
        _ source: UnsafePointer<Self>, by factor: Self, into result: UnsafeMutablePointer<Self>, count: Int
    ) {
        let f = splat(factor)
        var i = 0
        while i + lanes <= count {
            store(load(source + i) * f, result + i)
            i += lanes
        }
        while i < count {
            result[i] = source[i] * factor
            i += 1
        }
    }

    /// `result += source * factor`.
    @inline(__always) static func addScaled(
        _ source: UnsafePointer<Self>, by factor: Self, into result: UnsafeMutablePointer<Self>, count: Int
    ) {
        let f = splat(factor)
        var i = 0
        while i + lanes <= count {
            store(load(result + i).addingProduct(load(source + i), f), result + i)
            i += lanes
        }
        while i < count {
            result[i] = result[i].addingProduct(source[i], factor)
            i += 1
        }
    }

    /// `result += source`.
    @inline(__always) static func add(_ source: UnsafePointer<Self>, into result: UnsafeMutablePointer<Self>, count: Int) {
        var i = 0
        while i + lanes <= count {
            store(load(result + i) + load(source + i), result + i)
            i += lanes
        }
        while i < count {
            result[i] += source[i]
            i += 1
        }
    }

    /// The pointer kernel of `multiply`.
    static func multiply(
        _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, result: UnsafeMutablePointer<Self>, count: Int
    ) {
        var i = 0
        while i + lanes <= count {
            store(load(a + i) * load(b + i), result + i)
            i += lanes
        }
        while i < count {
            result[i] = a[i] * b[i]
            i += 1
        }
    }
}
