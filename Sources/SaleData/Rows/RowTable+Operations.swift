/// How `filter` compares a column's values with a given value.
public enum RowComparison: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "~=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    func holds<T: Comparable>(_ left: T, _ right: T) -> Bool {
        switch self {
        case .equal: left == right
        case .notEqual: left != right
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        }
    }
}

/// A value given to compare a column with: a number or text.
public enum RowValue: Sendable, Hashable {
    case number(Double)
    case text(String)
}

/// What `aggregate` computes for each group.
public enum RowAggregate: String, Sendable, CaseIterable {
    case count, sum, mean, min, max
}

extension RowTable {
    /// The rows whose `column` compares with `value` as `comparison` says: numbers with numbers,
    /// text with text (as Lua compares strings, byte by byte).
    public func filter(_ column: String, _ comparison: RowComparison, _ value: RowValue) throws(RowTableError) -> RowTable {
        switch (try self.column(column), value) {
        case (.numbers(let values), .number(let wanted)):
            return taking(values.indices.filter { comparison.holds(values[$0], wanted) })
        case (.texts(let values), .text(let wanted)):
            let wantedBytes = Array(wanted.utf8)
            return taking(values.indices.filter { comparison.holds(ByteOrder(values[$0]), ByteOrder(wantedBytes)) })
        case (.numbers, .text): throw RowTableError("column '\(column)' holds numbers, not text")
        case (.texts, .number): throw RowTableError("column '\(column)' holds text, not numbers")
        }
    }

    /// The rows ordered by `column` (numbers by value, NaN last; text byte by byte), keeping the
    /// order of equal ones.
    public func sorted(by column: String, descending: Bool = false) throws(RowTableError) -> RowTable {
        var indices = Array(0..<count)
        switch try self.column(column) {
        case .numbers(let values):
            indices.sort { first, second in
                let (a, b) = (values[first], values[second])
                if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN || (a.isNaN == b.isNaN && first < second) }
                if a == b { return first < second }
                return descending ? a > b : a < b
            }
        case .texts(let values):
            let keys = values.map { Array($0.utf8) }
            indices.sort { first, second in
                let (a, b) = (ByteOrder(keys[first]), ByteOrder(keys[second]))
                if a == b { return first < second }
                return descending ? a > b : a < b
            }
        }
        return taking(indices)
    }

    /// The first `n` rows (all when fewer; none when n <= 0).
    public func head(_ n: Int) -> RowTable { taking(Array(0..<Swift.max(0, Swift.min(n, count)))) }

    /// One row per distinct value of the `keys` columns (in order of first appearance), with the
    /// key columns and one column per aggregate (`name`, what, over which column; count needs none).
    /// Sums are exact for money, as `Series.sum`.
    public func grouped(by keys: [String], _ aggregates: [(name: String, kind: RowAggregate, column: String?)])
        throws(RowTableError) -> RowTable
    {
        guard !keys.isEmpty else { throw RowTableError("group by at least one column") }
        let keyColumns = try keys.map { (key) throws(RowTableError) in try column(key) }
        let (groupOf, firstRows) = Self.groups(keyColumns, count: count)
        var names = keys, columns = keyColumns.map { $0.taking(firstRows) }
        for aggregate in aggregates {
            names.append(aggregate.name)
            columns.append(.numbers(try summarise(groupOf, firstRows.count, aggregate.kind, aggregate.column)))
        }
        return try RowTable(names: names, columns: columns)
    }

    /// The group of each row, and the first row of each group, groups numbered in order of appearance.
    private static func groups(_ keys: [Column], count: Int) -> (groupOf: [Int], firstRows: [Int]) {
        var groupOf = [Int](repeating: 0, count: count), firstRows = [Int]()
        func number<Key: Hashable>(_ key: (Int) -> Key) {
            var numbers = [Key: Int]()
            for row in 0..<count {
                let group = numbers[key(row), default: firstRows.count]
                if group == firstRows.count {
                    numbers[key(row)] = group
                    firstRows.append(row)
                }
                groupOf[row] = group
            }
        }
        if keys.count == 1, case .texts(let values) = keys[0] {
            number { values[$0] }
        } else if keys.count == 1, case .numbers(let values) = keys[0] {
            number { GroupKey.bits(values[$0]) }
        } else {
            number { row in
                keys.map { column -> GroupKey in
                    switch column {
                    case .numbers(let values): .number(GroupKey.bits(values[row]))
                    case .texts(let values): .text(values[row])
                    }
                }
            }
        }
        return (groupOf, firstRows)
    }

    private func summarise(_ groupOf: [Int], _ groups: Int, _ kind: RowAggregate, _ name: String?) throws(RowTableError)
        -> [Double]
    {
        var counts = [Int](repeating: 0, count: groups)
        for group in groupOf { counts[group] += 1 }
        if kind == .count { return counts.map(Double.init) }
        guard let name else { throw RowTableError("'\(kind.rawValue)' needs a column") }
        guard case .numbers(let values) = try column(name) else {
            throw RowTableError("'\(kind.rawValue)' needs a column of numbers, '\(name)' holds text")
        }
        switch kind {
        case .count: return counts.map(Double.init)
        case .sum: return Self.groupSums(values, groupOf, groups)
        case .mean: return zip(Self.groupSums(values, groupOf, groups), counts).map { $0 / Double($1) }
        case .min: return Self.groupExtremes(values, groupOf, groups, isBefore: <)
        case .max: return Self.groupExtremes(values, groupOf, groups, isBefore: >)
        }
    }

    /// Each group's sum, exact in cents when all its values are whole cents (as `Series.sum`).
    private static func groupSums(_ values: [Double], _ groupOf: [Int], _ groups: Int) -> [Double] {
        var sums = [ExactSum](repeating: ExactSum(), count: groups)
        for (row, group) in groupOf.enumerated() { sums[group].add(values[row]) }
        return sums.map(\.value)
    }

    /// Each group's smallest (`<`) or largest (`>`) value, NaN skipped (NaN when it has no other).
    private static func groupExtremes(_ values: [Double], _ groupOf: [Int], _ groups: Int,
                                      isBefore: (Double, Double) -> Bool) -> [Double] {
        var extremes = [Double](repeating: .nan, count: groups)
        for (row, group) in groupOf.enumerated() where !values[row].isNaN {
            if extremes[group].isNaN || isBefore(values[row], extremes[group]) { extremes[group] = values[row] }
        }
        return extremes
    }
}

/// One column's part of a group's key: numbers by their bits, so that NaN makes one group and
/// 0 and -0 another.
private enum GroupKey: Hashable {
    case number(UInt64)
    case text(String)

    static func bits(_ value: Double) -> UInt64 { value.isNaN ? Double.nan.bitPattern : (value + 0).bitPattern }
}

/// Text ordered byte by byte, as Lua's `<` orders strings in the C locale.
struct ByteOrder: Comparable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { bytes = Array(text.utf8) }

    static func < (left: ByteOrder, right: ByteOrder) -> Bool { left.bytes.lexicographicallyPrecedes(right.bytes) }
}
