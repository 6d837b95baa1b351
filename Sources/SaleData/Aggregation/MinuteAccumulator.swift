/// Running per-minute totals while orders stream in, in any order.
///
/// Memory grows with the minutes seen, the distinct order ids (an id seen before in any minute
/// counts once, see `OrderIDSet`) and the distinct customers of each minute.
struct MinuteAccumulator: Sendable {
    private struct Bucket: Sendable {
        var cents: Int64 = 0
        var orders = 0
        var customers: HashSet64
    }

    /// Every order id counted, whatever its minute.
    private var ids = OrderIDSet()
    private var indexOfMinute: [Int: Int] = [:]
    private var minutes: [Int] = []
    private var buckets: [Bucket] = []
    private var lastMinute = Int.min
    private var lastIndex = 0
    /// Set when a minute's revenue no longer fits in 64-bit cents.
    private(set) var overflowed = false

    /// Whether no order was added.
    var isEmpty: Bool { minutes.isEmpty }

    /// Adds an order; false (and nothing added) when its id was already seen.
    @inline(__always)
    mutating func add(minute: Int, cents: Int64, id: UInt64?, customer: UInt64?) -> Bool {
        if let id, !ids.insert(id) { return false }
        let index = bucketIndex(minute)
        let (sum, overflow) = buckets[index].cents.addingReportingOverflow(cents)
        buckets[index].cents = sum
        overflowed = overflowed || overflow
        buckets[index].orders += 1
        if let customer { _ = buckets[index].customers.insert(customer) }
        return true
    }

    /// Adds another accumulator's orders; false when an order id appears in both (the caller then
    /// re-reads serially, so that the duplicate is reported at its line).
    mutating func merge(_ other: MinuteAccumulator) -> Bool {
        guard ids.formDisjointUnion(other.ids) else { return false }
        for (otherIndex, minute) in other.minutes.enumerated() {
            let theirs = other.buckets[otherIndex]
            guard let index = indexOfMinute[minute] else {
                indexOfMinute[minute] = buckets.count
                minutes.append(minute)
                buckets.append(theirs)
                continue
            }
            for customer in theirs.customers.elements { _ = buckets[index].customers.insert(customer) }
            let (sum, overflow) = buckets[index].cents.addingReportingOverflow(theirs.cents)
            buckets[index].cents = sum
            overflowed = overflowed || overflow
            buckets[index].orders += theirs.orders
        }
        return true
    }

    /// First and last minute with an order, or nil when empty.
    var span: ClosedRange<Int>? {
        guard let first = minutes.min(), let last = minutes.max() else { return nil }
        return first...last
    }

    /// Dense per-minute columns over `window` (every minute present, zeros where no order).
    func columns(over window: ClosedRange<Int>, customers: Bool)
        -> (cents: [Int64], orders: [Int], customers: [Int]?) {
        let length = window.count
        var cents = [Int64](repeating: 0, count: length)
        var orders = [Int](repeating: 0, count: length)
        var distinct = [Int](repeating: 0, count: customers ? length : 0)
        for (index, minute) in minutes.enumerated() where window.contains(minute) {
            let slot = minute - window.lowerBound
            cents[slot] = buckets[index].cents
            orders[slot] = buckets[index].orders
            if customers { distinct[slot] = buckets[index].customers.count }
        }
        return (cents, orders, customers ? distinct : nil)
    }

    @inline(__always)
    private mutating func bucketIndex(_ minute: Int) -> Int {
        if minute == lastMinute { return lastIndex }
        let index: Int
        if let known = indexOfMinute[minute] {
            index = known
        } else {
            index = buckets.count
            indexOfMinute[minute] = index
            minutes.append(minute)
            let previous = buckets.isEmpty ? nil : buckets[lastIndex]
            buckets.append(Bucket(customers: HashSet64(expected: previous?.customers.count ?? 0)))
        }
        lastMinute = minute
        lastIndex = index
        return index
    }
}
