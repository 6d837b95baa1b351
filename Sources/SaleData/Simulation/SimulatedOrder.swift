#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One order of a simulated sale.
public struct SimulatedOrder: Sendable, Equatable {
    /// Order id, increasing with time.
    public var id: Int
    /// Order time in whole seconds since the epoch.
    public var second: Int
    /// Customer number (the same number for a repeat customer).
    public var customer: Int
    /// Amount in cents.
    public var cents: Int64

    /// The customer as written to the CSV, `c0001234`.
    public var customerLabel: String {
        let digits = String(customer)
        return "c" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}

extension SaleSimulation {
    /// Calls `body` with every order of the sale, in time order.
    public func forEachOrder(_ body: (SimulatedOrder) throws -> Void) rethrows {
        var random = RandomSource(seed: seed)
        let rates = expectedRates()
        let logMedian = log(max(basketMedian, 0.01))
        var customers = 0
        var nextID = firstOrderID
        var seconds: [Int] = []
        for (minute, rate) in rates.enumerated() {
            let count = random.poisson(rate)
            seconds.removeAll(keepingCapacity: true)
            for _ in 0..<count { seconds.append(Int(random.uniform() * 60)) }
            seconds.sort()
            for second in seconds {
                let customer: Int
                if customers > 0 && random.uniform() < repeatShare {
                    customer = 1 + Int(random.uniform() * Double(customers))
                } else {
                    customers += 1
                    customer = customers
                }
                let amount = exp(logMedian + basketSigma * random.normal())
                let cents = Self.cents(amount)
                try body(SimulatedOrder(id: nextID, second: (start + minute) * 60 + second, customer: customer,
                                        cents: cents))
                nextID += 1
            }
        }
    }

    /// The largest basket, the largest amount an export may hold (a trillion). Baskets above it
    /// would be capped, so callers keep `largestLikelyBasket` at most this.
    public static let largestBasket = 1e12

    /// A basket six standard deviations above the median: with it at most `largestBasket`, a
    /// simulation practically never reaches the cap (a chance of about 1e-9 an order).
    public var largestLikelyBasket: Double { basketMedian * exp(6 * basketSigma) }

    /// An amount in cents, at least one and at most `largestBasket`, so that extreme basket
    /// parameters cannot overflow.
    static func cents(_ amount: Double) -> Int64 {
        let cents = (amount * 100).rounded()
        guard cents >= 1 else { return 1 }  // NaN too
        return Int64(Swift.min(cents, largestBasket * 100))
    }

    /// Every order of the sale, in time order.
    public func orders() -> [SimulatedOrder] {
        var all: [SimulatedOrder] = []
        all.reserveCapacity(expectedOrders > 0 && expectedOrders < 1e9 ? Int(expectedOrders * 1.05) : 0)
        forEachOrder { all.append($0) }
        return all
    }
}
