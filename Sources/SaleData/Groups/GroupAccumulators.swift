/// The orders of each group while a file streams in: a sparse `MinuteAccumulator` per distinct
/// value, so memory grows with the minutes each group has orders in, not groups times minutes.
struct GroupAccumulators {
    /// The grouping's key resolved against the header.
    enum Source {
        case column(Int)
        case function((OrderRow) throws -> String?, names: [String])
    }

    let source: Source
    let grouping: OrderGrouping
    /// Group index by the hash of its name's bytes (probing on, should two names share a hash).
    private var indexOfHash: [UInt64: Int] = [:]
    private(set) var names: [String] = []
    private var nameBytes: [[UInt8]] = []
    private(set) var accumulators: [MinuteAccumulator] = []
    /// What the grouping function threw (a Lua error stays as it was); the scan stops on it.
    var failure: (any Error)?

    /// The grouping resolved against a file's header; the error names a missing column.
    init(_ grouping: OrderGrouping, header: [String], file: String) throws(OrdersError) {
        self.grouping = grouping
        switch grouping.key {
        case .column(let name):
            let names = header.map { $0.trimmingSpaces.lowercased() }
            guard let index = names.firstIndex(of: name.lowercased()) else {
                throw OrdersError(file: file, line: 1, column: 1,
                                  reason: "no column '\(name)' to group by (columns: \(header.joined(separator: ", ")))")
            }
            source = .column(index)
        case .function(let function):
            source = .function(function, names: header.map(\.trimmingSpaces))
        }
    }

    /// Whether the groups come from a function (which must run on the reading thread).
    var isFunction: Bool {
        if case .function = source { return true }
        return false
    }

    /// The index of the group a row's value names, adding the group; nil past `maxGroups`.
    @inline(__always)
    mutating func index(of value: UnsafePointer<UInt8>, count: Int) -> Int? {
        let hash = hashBytes(value, count)
        var probe = hash
        while let index = indexOfHash[probe] {
            if nameBytes[index].elementsEqual(UnsafeBufferPointer(start: value, count: count)) { return index }
            probe &+= 1
        }
        guard names.count < grouping.maxGroups else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: value, count: count))
        indexOfHash[probe] = names.count
        nameBytes.append(bytes)
        names.append(String(decoding: bytes, as: UTF8.self))
        accumulators.append(MinuteAccumulator())
        return names.count - 1
    }

    /// The index of a group by name (an empty name is `OrderGrouping.none`); nil past `maxGroups`.
    mutating func index(of name: String) -> Int? {
        var bytes = Array((name.isEmpty ? OrderGrouping.none : name).utf8)
        bytes.append(0)  // never empty, so the buffer has an address
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { index(of: $0, count: buffer.count - 1) }
        }
    }

    /// Adds a counted order to group `index` (ids are the total's business: each order counts once there).
    @inline(__always)
    mutating func add(_ index: Int, minute: Int, cents: Int64, customer: UInt64?) {
        _ = accumulators[index].add(minute: minute, cents: cents, id: nil, customer: customer)
    }

    /// Adds another part's groups (the file read in halves); false past `maxGroups`.
    mutating func merge(_ other: GroupAccumulators) -> Bool {
        for (otherIndex, name) in other.names.enumerated() {
            guard let index = index(of: name), accumulators[index].merge(other.accumulators[otherIndex]) else {
                return false
            }
        }
        return true
    }

    /// Each group's dense table over the total's minutes, sorted by name.
    func groups(over window: ClosedRange<Int>?, options: OrdersReadOptions, file: String) throws(OrdersFileError)
        -> [OrderGroup] {
        let minutes = window?.count ?? 0
        guard Double(names.count) * Double(minutes) <= Double(grouping.maxCells) else {
            throw OrdersFileError(description: "\(file): \(names.count) groups by \(grouping.label) over \(minutes)"
                + " minutes are more than the \(grouping.maxCells) group-minutes the reading may hold; give a shorter"
                + " window (from/to) or fewer groups")
        }
        var result: [OrderGroup] = []
        for index in names.indices {
            var groupOptions = options
            groupOptions.zone = grouping.zones[names[index]] ?? options.zone
            groupOptions.window = window
            let table = try accumulators[index].table(options: groupOptions, file: file)
            result.append(OrderGroup(name: names[index], table: table))
        }
        return OrderGroup.sortedByName(result)
    }
}
