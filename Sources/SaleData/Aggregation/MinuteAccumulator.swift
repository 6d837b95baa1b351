/// Running per-minute totals while orders stream in, in any order.
///
/// Memory grows with the minutes seen, the distinct order ids (an id seen before in any minute
/// counts once, see `OrderIDSet`) and the distinct customers of the minutes still open: with
/// `forgetsPastCustomers`, a minute the stream has left `customerMemoryMinutes` behind keeps only
/// its count of customers, and an order arriving for it later sets `lostCustomers`.
struct MinuteAccumulator: Sendable {
    private struct Bucket: Sendable {
        var cents: Int64 = 0
        var orders = 0
        var customers: HashSet64
        /// The customers were forgotten, their count kept in `forgottenCount`.
        var sealed = false
        var forgottenCount = 0

        var customerCount: Int { sealed ? forgottenCount : customers.count }
    }

    /// How far (in minutes, either way) the stream moves past a minute before its customers are forgotten.
    static let customerMemoryMinutes = 60

    /// Every order id counted, whatever its minute.
    private var ids = OrderIDSet()
    private var indexOfMinute: [Int: Int] = [:]
    /// The minutes in the order they were first seen (bucket `i` is `minutes[i]`'s).
    private var minutes: [Int] = []
    private var buckets: [Bucket] = []
    private var lastMinute = Int.min
    private var lastIndex = 0
    /// Forget the customers of minutes the stream has left behind (a file read in time order).
    var forgetsPastCustomers = false
    /// Keep the customers of the minutes near the first one: this accumulator reads the part of a
    /// file after another part and will be joined with it.
    var joinsPartBefore = false
    /// Buckets before this one were considered for forgetting.
    private var nextToForget = 0
    /// Set when an order came for a minute whose customers were forgotten: the counts are then wrong.
    private(set) var lostCustomers = false
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
        if let customer {
            if buckets[index].sealed {
                lostCustomers = true
            } else {
                _ = buckets[index].customers.insert(customer)
            }
        }
        return true
    }

    /// Adds another accumulator's orders; false when an order id appears in both (the caller then
    /// re-reads serially, so that the duplicate is reported at its line) or when a minute of both
    /// had its customers forgotten on either side.
    mutating func merge(_ other: MinuteAccumulator) -> Bool {
        guard !lostCustomers, !other.lostCustomers else { return false }
        for (otherIndex, minute) in other.minutes.enumerated() {
            if let index = indexOfMinute[minute], buckets[index].sealed || other.buckets[otherIndex].sealed {
                return false
            }
        }
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
            if customers { distinct[slot] = buckets[index].customerCount }
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
            buckets.append(Bucket(customers: HashSet64(expected: previous?.customerCount ?? 0)))
            if forgetsPastCustomers { forgetCustomers(awayFrom: minute) }
        }
        lastMinute = minute
        lastIndex = index
        return index
    }

    /// Forgets the customers of the minutes first seen before, and far from, the new `minute`
    /// (but those near the first minute when `joinsPartBefore`).
    private mutating func forgetCustomers(awayFrom minute: Int) {
        let memory = Self.customerMemoryMinutes
        let first = minutes[0]
        while nextToForget < buckets.count, abs(minutes[nextToForget] - minute) > memory {
            if !joinsPartBefore || abs(minutes[nextToForget] - first) > memory {
                buckets[nextToForget].forgottenCount = buckets[nextToForget].customers.count
                buckets[nextToForget].customers = HashSet64()
                buckets[nextToForget].sealed = true
            }
            nextToForget += 1
        }
    }
}
